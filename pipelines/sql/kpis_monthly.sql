-- one row per month, from the first order month to the as-of month
with

period_kpis as (select * from int_period_kpis_computed where period_type = 'month'),

customer_months as (select * from int_customer_status_monthly),

-- 12-month churn, cohort style: of the customers in the active portfolio at the start of the trailing 12 months
-- (the start of month m − 11), those out of it at the end of month m. A customer's months are contiguous from its
-- first purchase month, so 11 rows back is 11 months back; a customer without that row was still a prospect then.
-- One who left and came back within the 12 months counts as kept, as in the year row of kpis_periods.
customers_a_year_on as (
    select
        month,
        lag(was_in_active_portfolio, 11) over (partition by customer_id order by month) as was_active_a_year_before,
        is_in_active_portfolio,
    from customer_months
),

churn_12m as (
    select
        month,
        count(*) filter (where was_active_a_year_before) as active_start_12m,
        count(*) filter (where was_active_a_year_before and not is_in_active_portfolio) as churned_12m,
    from customers_a_year_on
    group by all
),

-- trailing 12 months ending with each month; spend counts only when every one of the 12 months has it
trailing_12m as (
    select
        period_start as month,
        count(*) over last_12_months as months_in_window,
        sum(new_customers) over last_12_months as new_customers_12m,
        case when count(marketing_spend) over last_12_months = 12 then sum(marketing_spend) over last_12_months end as marketing_spend_12m,
    from period_kpis
    window last_12_months as (order by period_start rows between 11 preceding and current row)
),

final as (
    select
        period_kpis.period_start as month,
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
        case when trailing_12m.months_in_window = 12 then cast(coalesce(churn_12m.active_start_12m, 0) as integer) end as active_start_12m,
        case when trailing_12m.months_in_window = 12 then cast(coalesce(churn_12m.churned_12m, 0) as integer) end as churned_12m,
        case when trailing_12m.months_in_window = 12 then churn_12m.churned_12m / nullif(churn_12m.active_start_12m, 0) end as churn_rate_12m,
        case when trailing_12m.months_in_window = 12 then cast(trailing_12m.new_customers_12m as integer) end as new_customers_12m,
        case when trailing_12m.months_in_window = 12 then cast(trailing_12m.marketing_spend_12m as decimal(18, 2)) end as marketing_spend_12m,
        case
            when trailing_12m.months_in_window = 12
            then cast(trailing_12m.marketing_spend_12m / nullif(trailing_12m.new_customers_12m, 0) as decimal(18, 2))
        end as cac_12m,
        getvariable('as_of_date') as as_of_date,
    from period_kpis
    inner join trailing_12m on trailing_12m.month = period_kpis.period_start
    left join churn_12m on churn_12m.month = period_kpis.period_start
)

select * from final
