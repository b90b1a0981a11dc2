-- one row per month: the active portfolio at its start and end, the customers who entered and left it, the ones it
-- kept and its net change; the *_24m columns sum the flows of the complete months among the latest 24 months up to
-- this one (the months the Carteira flows chart shows, the month in progress included but not summed)
with

period_kpis as (select * from int_period_kpis_computed where period_type = 'month'),

latest_twenty_four as (
    select
        period_start as month,
        sum(case when not is_partial_period then new else 0 end) over latest_24 as new_24m,
        sum(case when not is_partial_period then reactivated else 0 end) over latest_24 as reactivated_24m,
        sum(case when not is_partial_period then churned else 0 end) over latest_24 as churned_24m,
    from period_kpis
    window latest_24 as (order by period_start rows between 23 preceding and current row)
),

final as (
    select
        period_start as month,
        is_partial_period as is_partial_month,
        active_start,
        new,
        reactivated,
        churned,
        cast(active_start - churned as integer) as retained,
        cast(new + reactivated - churned as integer) as net_change,
        cast(latest_twenty_four.new_24m as integer) as new_24m,
        cast(latest_twenty_four.reactivated_24m as integer) as reactivated_24m,
        cast(latest_twenty_four.churned_24m as integer) as churned_24m,
        active_end,
        at_risk_end,
        inactive_end,
        lost_end,
        churn_rate,
        retention_rate,
        getvariable('as_of_date') as as_of_date,
    from period_kpis
    inner join latest_twenty_four on latest_twenty_four.month = period_kpis.period_start
)

select * from final
