-- one row per period (month, quarter, half year, year): every KPI recomputed over the whole period
with

period_months as (select * from int_months_grouped_into_periods),

customer_months as (select * from int_customer_status_monthly),

orders as (select * from int_orders_valued),

leads as (select * from stg_leads),

marketing_spend as (select * from stg_marketing_spend),

presence as (select * from stg_input_presence),

-- a customer's months are contiguous from the first purchase to the as-of month, so within a period the
-- earliest month holds the status at the period's start ('prospect' when the customer first bought
-- during it) and the latest month the status at its end
customer_longer_periods as (
    unpivot (
        select
            *,
            date_trunc('quarter', month)::date as quarter_start,
            make_date(year(month), case when month(month) <= 6 then 1 else 7 end, 1) as half_year_start,
            date_trunc('year', month)::date as year_start,
        from customer_months
    )
    on quarter_start as 'quarter', half_year_start as 'half_year', year_start as 'year'
    into name period_type value period_start
),

customer_periods_judged as (
    select
        'month' as period_type,
        month as period_start,
        customer_id,
        status_start,
        status as status_end,
        was_in_active_portfolio as is_active_start,
        is_in_active_portfolio as is_active_end,
        was_in_working_portfolio as is_working_start,
        bought_in_month as bought_in_period,
        revenue,
    from customer_months
    union all
    select
        period_type,
        period_start,
        customer_id,
        arg_min(status_start, month) as status_start,
        arg_max(status, month) as status_end,
        arg_min(was_in_active_portfolio, month) as is_active_start,
        arg_max(is_in_active_portfolio, month) as is_active_end,
        arg_min(was_in_working_portfolio, month) as is_working_start,
        bool_or(bought_in_month) as bought_in_period,
        sum(revenue) as revenue,
    from customer_longer_periods
    group by period_type, period_start, customer_id
),

-- flows by construction: every customer entering or leaving the active portfolio is counted exactly once,
-- so active_end = active_start + new + reactivated - churned holds for every period
customer_periods as (
    select
        *,
        status_start = 'prospect' as is_acquired,
        status_start = 'prospect' and is_active_end as is_new,
        status_start in ('inactive', 'lost') and is_active_end as is_reactivated,
        is_active_start and not is_active_end as is_churned,
    from customer_periods_judged
),

periods as (
    select distinct
        period_type,
        period_start,
        period_end,
        judged_at,
        is_partial_period,
        months_covered,
    from period_months
),

-- additive measures are summed per month first, then over the months of each period
monthly_orders as (
    select
        order_month as month,
        sum(order_value) filter (where is_invoiced) as revenue,
        count(*) filter (where is_invoiced) as orders,
        sum(order_value - order_cost) filter (where is_invoiced) as costed_margin,
        count(*) filter (where is_invoiced and order_cost is null) as uncosted_orders,
        count(*) filter (where status = 'canceled') as canceled_orders,
        sum(order_value) filter (where status = 'canceled') as canceled_value,
        count(*) filter (where status = 'returned') as returned_orders,
        sum(order_value) filter (where status = 'returned') as returned_value,
    from orders
    group by all
),

monthly_spend as (
    select
        month,
        sum(amount) as amount,
    from marketing_spend
    group by all
),

-- a lead counts in the month it was closed (its creation month when the close date is missing)
monthly_leads as (
    select
        date_trunc('month', coalesce(closed_at, created_at))::date as month,
        count(*) filter (where status = 'won') as leads_won,
        count(*) filter (where status in ('won', 'lost')) as leads_closed,
    from leads
    group by all
),

period_sums as (
    select
        period_months.period_type,
        period_months.period_start,
        coalesce(sum(monthly_orders.revenue), 0) as revenue,
        coalesce(sum(monthly_orders.orders), 0) as orders,
        coalesce(sum(monthly_orders.costed_margin), 0) as costed_margin,
        coalesce(sum(monthly_orders.uncosted_orders), 0) as uncosted_orders,
        coalesce(sum(monthly_orders.canceled_orders), 0) as canceled_orders,
        coalesce(sum(monthly_orders.canceled_value), 0) as canceled_value,
        coalesce(sum(monthly_orders.returned_orders), 0) as returned_orders,
        coalesce(sum(monthly_orders.returned_value), 0) as returned_value,
        -- spend is known for a period only when every month of it has a spend row
        case when count(monthly_spend.amount) = count(*) then sum(monthly_spend.amount) end as marketing_spend,
        coalesce(sum(monthly_leads.leads_won), 0) as leads_won,
        coalesce(sum(monthly_leads.leads_closed), 0) as leads_closed,
    from period_months
    left join monthly_orders on monthly_orders.month = period_months.month
    left join monthly_spend on monthly_spend.month = period_months.month
    left join monthly_leads on monthly_leads.month = period_months.month
    group by all
),

customer_counts as (
    select
        period_type,
        period_start,
        count(*) filter (where is_active_start) as active_start,
        count(*) filter (where is_new) as new,
        count(*) filter (where is_reactivated) as reactivated,
        count(*) filter (where is_churned) as churned,
        count(*) filter (where is_active_end) as active_end,
        count(*) filter (where status_end = 'at_risk') as at_risk_end,
        count(*) filter (where status_end = 'inactive') as inactive_end,
        count(*) filter (where status_end = 'lost') as lost_end,
        count(*) filter (where is_acquired) as new_customers,
        count(*) filter (where bought_in_period) as buying_customers,
        count(*) filter (where is_working_start) as portfolio_customers,
        count(*) filter (where is_working_start and bought_in_period) as portfolio_buying_customers,
        -- customers who ever bought by the period's end, the LTV denominator
        count(*) as customers_ever_bought,
    from customer_periods
    group by all
),

-- the revenue of the top 20% of the period's buying customers (rounded up): the sum of the largest
-- revenues, which ties cannot change, so one sorted list per period replaces a ranking window
top_customers as (
    select
        period_type,
        period_start,
        list_sum(list(revenue order by revenue desc)[1:(count(*) + 4) // 5]) as top20_revenue,
        sum(revenue) as revenue,
    from customer_periods
    where bought_in_period
    group by all
),

-- lifetime revenue by the end of each month, for LTV over all history
cumulative_revenue as (
    select
        month,
        sum(coalesce(monthly_orders.revenue, 0)) over (order by month) as revenue_to_date,
    from (select distinct month from period_months) as months
    left join monthly_orders using (month)
),

final as (
    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        periods.judged_at,
        periods.is_partial_period,
        cast(periods.months_covered as integer) as months_covered,
        cast(period_sums.revenue as decimal(18, 2)) as revenue,
        case
            when period_sums.uncosted_orders = 0
                and (select is_present from presence where entity = 'order_items')
            then cast(period_sums.costed_margin as decimal(18, 2))
        end as gross_margin,
        cast(period_sums.orders as integer) as orders,
        avg_ticket(period_sums.revenue, period_sums.orders) as avg_ticket,
        cast(coalesce(customer_counts.active_start, 0) as integer) as active_start,
        cast(coalesce(customer_counts.new, 0) as integer) as new,
        cast(coalesce(customer_counts.reactivated, 0) as integer) as reactivated,
        cast(coalesce(customer_counts.churned, 0) as integer) as churned,
        cast(coalesce(customer_counts.active_end, 0) as integer) as active_end,
        cast(coalesce(customer_counts.at_risk_end, 0) as integer) as at_risk_end,
        cast(coalesce(customer_counts.inactive_end, 0) as integer) as inactive_end,
        cast(coalesce(customer_counts.lost_end, 0) as integer) as lost_end,
        cast(coalesce(customer_counts.buying_customers, 0) as integer) as buying_customers,
        cast(coalesce(customer_counts.portfolio_customers, 0) as integer) as portfolio_customers,
        cast(coalesce(customer_counts.portfolio_buying_customers, 0) as integer) as portfolio_buying_customers,
        100.0 * customer_counts.portfolio_buying_customers
            / nullif(customer_counts.portfolio_customers, 0) as coverage_pct,
        customer_counts.churned / nullif(customer_counts.active_start, 0) as churn_rate,
        1 - customer_counts.churned / nullif(customer_counts.active_start, 0) as retention_rate,
        cast(cumulative_revenue.revenue_to_date
            / nullif(customer_counts.customers_ever_bought, 0) as decimal(18, 2)) as ltv,
        cast(coalesce(customer_counts.new_customers, 0) as integer) as new_customers,
        case
            when (select is_present from presence where entity = 'marketing_spend')
            then cast(period_sums.marketing_spend as decimal(18, 2))
        end as marketing_spend,
        case
            when (select is_present from presence where entity = 'marketing_spend')
            then cast(period_sums.marketing_spend / nullif(customer_counts.new_customers, 0) as decimal(18, 2))
        end as cac,
        case
            when (select is_present from presence where entity = 'marketing_spend')
            then (cumulative_revenue.revenue_to_date / nullif(customer_counts.customers_ever_bought, 0))
                / nullif(period_sums.marketing_spend / nullif(customer_counts.new_customers, 0), 0)
        end as ltv_cac,
        case
            when (select is_present from presence where entity = 'leads')
            then cast(period_sums.leads_won as integer)
        end as leads_won,
        case
            when (select is_present from presence where entity = 'leads')
            then cast(period_sums.leads_closed as integer)
        end as leads_closed,
        case
            when (select is_present from presence where entity = 'leads')
            then period_sums.leads_won / nullif(period_sums.leads_closed, 0)
        end as conversion_rate,
        top_customers.top20_revenue / nullif(top_customers.revenue, 0) as top20_revenue_share,
        cast(period_sums.canceled_orders as integer) as canceled_orders,
        cast(period_sums.canceled_value as decimal(18, 2)) as canceled_value,
        cast(period_sums.returned_orders as integer) as returned_orders,
        cast(period_sums.returned_value as decimal(18, 2)) as returned_value,
    from periods
    inner join period_sums using (period_type, period_start)
    inner join cumulative_revenue on cumulative_revenue.month = date_trunc('month', periods.judged_at)::date
    left join customer_counts using (period_type, period_start)
    left join top_customers using (period_type, period_start)
)

select * from final
