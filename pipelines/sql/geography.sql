-- one row per state (UF) per month; customers without a state form one row with state NULL
with

ufs as (select * from ref_ufs),

months as (select month from int_months_grouped_into_periods where period_type = 'month'),

customers as (select customer_id, state from int_customers_unified),

customer_months as (select * from int_customer_status_monthly),

orders as (select * from int_orders_valued where is_invoiced),

presence as (select * from stg_input_presence),

states as (
    select uf as state from ufs
    union
    select state from customers
),

-- customer months carry the month's invoiced orders and revenue, so no distinct count is needed
per_state as (
    select
        customer_months.month,
        customers.state,
        count(*) filter (where customer_months.was_in_working_portfolio) as customers,
        count(*) filter (where customer_months.bought_in_month) as buying_customers,
        count(*) filter (where customer_months.was_in_working_portfolio and customer_months.bought_in_month)
            as portfolio_buying_customers,
        count(*) filter (where customer_months.is_in_active_portfolio) as active_customers,
        count(*) filter (where customer_months.status_start = 'prospect') as new_customers,
        sum(customer_months.orders) as orders,
        sum(customer_months.revenue) as revenue,
    from customer_months
    inner join customers on customers.customer_id = customer_months.customer_id
    group by all
),

margins as (
    select
        orders.order_month as month,
        customers.state,
        case when count(orders.order_cost) = count(*) then sum(orders.order_value - orders.order_cost) end as gross_margin,
    from orders
    inner join customers on customers.customer_id = orders.customer_id
    group by all
),

final as (
    select
        months.month,
        states.state,
        ufs.name as state_name,
        ufs.region,
        cast(coalesce(per_state.customers, 0) as integer) as customers,
        cast(coalesce(per_state.buying_customers, 0) as integer) as buying_customers,
        cast(coalesce(per_state.portfolio_buying_customers, 0) as integer) as portfolio_buying_customers,
        100.0 * per_state.portfolio_buying_customers / nullif(per_state.customers, 0) as coverage_pct,
        cast(coalesce(per_state.active_customers, 0) as integer) as active_customers,
        cast(coalesce(per_state.new_customers, 0) as integer) as new_customers,
        cast(coalesce(per_state.orders, 0) as integer) as orders,
        cast(coalesce(per_state.revenue, 0) as decimal(18, 2)) as revenue,
        case
            when margins.month is not null then cast(margins.gross_margin as decimal(18, 2))
            when (select is_present from presence where entity = 'order_items') then 0
        end as gross_margin,
        avg_ticket(per_state.revenue, per_state.orders) as avg_ticket,
        is_partial_month(months.month) as is_partial_month,
        getvariable('as_of_date') as as_of_date,
    from months
    cross join states
    left join ufs on ufs.uf = states.state
    left join per_state on per_state.month = months.month and per_state.state is not distinct from states.state
    left join margins on margins.month = months.month and margins.state is not distinct from states.state
)

select * from final
