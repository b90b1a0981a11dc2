-- one row per month: the active portfolio at its start and end, the customers who entered and left it and the ones
-- it kept
with

period_kpis as (select * from int_period_kpis_computed where period_type = 'month'),

final as (
    select
        period_start as month,
        is_partial_period as is_partial_month,
        active_start,
        new,
        reactivated,
        churned,
        cast(active_start - churned as integer) as retained,
        active_end,
        at_risk_end,
        inactive_end,
        lost_end,
        churn_rate,
        retention_rate,
        getvariable('as_of_date') as as_of_date,
    from period_kpis
)

select * from final
