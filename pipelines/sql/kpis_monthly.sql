-- one row per month, from the first order month to the as-of month
with

period_kpis as (select * from int_period_kpis_computed where period_type = 'month'),

final as (
    select
        period_start as month,
        is_partial_period as is_partial_month,
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
        getvariable('as_of_date') as as_of_date,
    from period_kpis
)

select * from final
