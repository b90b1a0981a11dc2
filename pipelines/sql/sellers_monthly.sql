-- one row per seller per month (customers and orders without any seller form rows with seller_id NULL)
with

sellers as (select * from int_sellers_unified),

months as (select month from int_months_grouped_into_periods where period_type = 'month'),

customer_months as (select * from int_customer_status_monthly),

orders as (select * from int_orders_valued where is_invoiced),

cube as (select * from sales_cube),

targets as (select * from stg_targets),

leads as (select * from stg_leads),

presence as (select * from stg_input_presence),

-- the portfolio belongs to the owner (customers.seller_id, else the seller of the latest order)
portfolio as (
    select
        month,
        seller_id,
        count(*) filter (where was_in_working_portfolio) as portfolio_customers,
        count(*) filter (where was_in_working_portfolio and bought_in_month) as portfolio_buying_customers,
        count(*) filter (where was_in_active_portfolio) as active_start,
        count(*) filter (where was_in_active_portfolio and not is_in_active_portfolio) as churned,
        count(*) filter (where status_start in ('inactive', 'lost') and is_in_active_portfolio) as reactivated,
        count(*) filter (where status = 'at_risk') as at_risk,
        count(*) filter (where is_in_active_portfolio) as active_end,
    from customer_months
    group by all
),

-- sales are credited to the seller on the order, falling back to the owner
sales as (
    select
        order_month as month,
        credited_seller_id as seller_id,
        count(distinct customer_id) as buying_customers,
        count(*) as orders,
        sum(order_value) as revenue,
        case when count(order_cost) = count(*) then sum(order_value - order_cost) end as gross_margin,
    from orders
    group by all
),

-- a new customer is credited to the seller of the customer's first invoiced order
first_orders as (
    select
        customer_id,
        arg_min_null(credited_seller_id, (order_date, order_id)) as seller_id,
        min(order_month) as month,
    from orders
    group by all
),

acquisitions as (
    select
        month,
        seller_id,
        count(*) as new_customers,
    from first_orders
    group by all
),

-- the cube counts each customer once per category within a state and segment, and a customer has one of each,
-- so summing its buying customers over known categories gives the distinct (customer, category) pairs
category_pairs as (
    select
        month,
        seller_id,
        sum(buying_customers) as customer_categories,
    from cube
    where category is not null and category <> 'Sem categoria'
    group by all
),

closed_leads as (
    select
        date_trunc('month', coalesce(closed_at, created_at))::date as month,
        seller_id,
        count(*) filter (where status = 'won') as leads_won,
        count(*) as leads_closed,
    from leads
    where status in ('won', 'lost')
    group by all
),

seller_months as (
    select
        months.month,
        sellers.seller_id,
        sellers.team,
    from months
    cross join (select seller_id, team from sellers union all select null, null) as sellers
),

joined as (
    select
        seller_months.month,
        seller_months.seller_id,
        seller_months.team,
        coalesce(portfolio.portfolio_customers, 0) as portfolio_customers,
        coalesce(portfolio.portfolio_buying_customers, 0) as portfolio_buying_customers,
        coalesce(sales.buying_customers, 0) as buying_customers,
        100.0 * portfolio.portfolio_buying_customers / nullif(portfolio.portfolio_customers, 0) as coverage_pct,
        targets.coverage_target_pct,
        coalesce(sales.revenue, 0) as revenue,
        case
            when sales.month is not null then sales.gross_margin
            when (select is_present from presence where entity = 'order_items') then 0
        end as gross_margin,
        targets.revenue_target,
        100.0 * coalesce(sales.revenue, 0) / nullif(targets.revenue_target, 0) as target_pct,
        coalesce(sales.orders, 0) as orders,
        avg_ticket(sales.revenue, sales.orders) as avg_ticket,
        coalesce(acquisitions.new_customers, 0) as new_customers,
        targets.new_customers_target,
        coalesce(portfolio.active_start, 0) as active_start,
        coalesce(portfolio.reactivated, 0) as reactivated,
        coalesce(portfolio.churned, 0) as churned,
        coalesce(portfolio.at_risk, 0) as at_risk,
        coalesce(portfolio.active_end, 0) as active_end,
        1 - portfolio.churned / nullif(portfolio.active_start, 0) as retention_rate,
        category_pairs.customer_categories / nullif(sales.buying_customers, 0) as mix,
        case
            when (select is_present from presence where entity = 'leads')
            then coalesce(closed_leads.leads_won, 0)
        end as leads_won,
        case
            when (select is_present from presence where entity = 'leads')
            then coalesce(closed_leads.leads_closed, 0)
        end as leads_closed,
        closed_leads.leads_won / nullif(closed_leads.leads_closed, 0) as conversion_rate,
    from seller_months
    left join portfolio
        on portfolio.month = seller_months.month
        and portfolio.seller_id is not distinct from seller_months.seller_id
    left join sales
        on sales.month = seller_months.month
        and sales.seller_id is not distinct from seller_months.seller_id
    left join acquisitions
        on acquisitions.month = seller_months.month
        and acquisitions.seller_id is not distinct from seller_months.seller_id
    left join category_pairs
        on category_pairs.month = seller_months.month
        and category_pairs.seller_id is not distinct from seller_months.seller_id
    left join closed_leads
        on closed_leads.month = seller_months.month
        and closed_leads.seller_id is not distinct from seller_months.seller_id
    left join targets
        on targets.month = seller_months.month
        and targets.seller_id = seller_months.seller_id
),

final as (
    select
        seller_id,
        team,
        month,
        is_partial_month(month) as is_partial_month,
        cast(portfolio_customers as integer) as portfolio_customers,
        cast(portfolio_buying_customers as integer) as portfolio_buying_customers,
        cast(buying_customers as integer) as buying_customers,
        coverage_pct,
        cast(coverage_target_pct as double) as coverage_target_pct,
        cast(revenue as decimal(18, 2)) as revenue,
        cast(gross_margin as decimal(18, 2)) as gross_margin,
        cast(revenue_target as decimal(18, 2)) as revenue_target,
        target_pct,
        is_target_met(cast(revenue as decimal(18, 2)), cast(revenue_target as decimal(18, 2))) as revenue_target_met,
        is_target_met(coverage_pct, cast(coverage_target_pct as double)) as coverage_target_met,
        cast(orders as integer) as orders,
        cast(avg_ticket as decimal(18, 2)) as avg_ticket,
        cast(new_customers as integer) as new_customers,
        cast(new_customers_target as integer) as new_customers_target,
        is_target_met(new_customers, new_customers_target) as new_customers_target_met,
        cast(active_start as integer) as active_start,
        cast(reactivated as integer) as reactivated,
        cast(churned as integer) as churned,
        cast(at_risk as integer) as at_risk,
        cast(active_end as integer) as active_end,
        retention_rate,
        mix,
        cast(leads_won as integer) as leads_won,
        cast(leads_closed as integer) as leads_closed,
        conversion_rate,
        getvariable('as_of_date') as as_of_date,
    from joined
    -- the row of customers and orders without a seller appears only when there are some
    where seller_id is not null
        or portfolio_customers + buying_customers + orders + active_start + active_end + new_customers > 0
)

select * from final
