-- one row per quarter, half year and year: the monthly KPIs recomputed over the whole period, and the revenue
-- against the same period a year before when both are whole (every month in the data and over)
with

period_kpis as (select * from int_period_kpis_computed where period_type <> 'month'),

sized as (
    select
        *,
        case period_type when 'quarter' then 3 when 'half_year' then 6 else 12 end as months_in_period,
    from period_kpis
),

-- a whole period compares with another like it: a running period or one the data starts inside says nothing
judged as (
    select
        *,
        not is_partial_period and months_covered = months_in_period as is_whole,
    from sized
),

year_ago as (
    select
        judged.period_type,
        judged.period_start,
        before.revenue as revenue_year_ago,
        case
            when judged.is_whole and before.revenue <> 0
            then cast(judged.revenue as double) / cast(before.revenue as double) - 1
        end as revenue_change_year_ago,
    from judged
    inner join judged as before
        on before.period_type = judged.period_type
        and before.period_start = judged.period_start - interval 1 year
        and before.is_whole
),

final as (
    select
        period_type,
        period_start,
        period_end,
        is_partial_period,
        months_covered,
        months_in_period,
        revenue,
        gross_margin,
        orders,
        avg_ticket,
        active_end as active_customers,
        buying_customers,
        portfolio_customers,
        portfolio_buying_customers,
        coverage_pct,
        active_start,
        churned,
        churn_rate,
        retention_rate,
        ltv,
        new_customers,
        reactivated,
        at_risk_end as at_risk_customers,
        marketing_spend,
        cac,
        ltv_cac,
        leads_won,
        leads_closed,
        conversion_rate,
        top20_revenue_share,
        canceled_orders,
        canceled_value,
        returned_orders,
        returned_value,
        year_ago.revenue_year_ago,
        year_ago.revenue_change_year_ago,
        getvariable('as_of_date') as as_of_date,
    from judged
    left join year_ago using (period_type, period_start)
)

select * from final
