-- one row per month × seller × state × segment × product category with invoiced sales (NULL = unknown)
with

orders as (select * from int_orders_valued where is_invoiced),

items as (select * from stg_order_items),

products as (select * from stg_products),

customers as (select customer_id, state, region, segment from int_customers_unified),

presence as (select * from stg_input_presence),

-- each order once per category it has lines in, so orders per category need no count(distinct)
order_categories as (
    select
        items.order_id,
        coalesce(products.category, 'Sem categoria') as category,
        count(*) as order_lines,
        sum(items.quantity) as quantity,
        sum(items.line_revenue) as revenue,
        sum(items.line_cost) as cost,
        count(items.unit_cost) = count(*) as has_cost,
    from items
    left join products on products.product_id = items.product_id
    group by all
),

order_category_sales as (
    select
        orders.order_month,
        orders.credited_seller_id,
        orders.customer_id,
        order_categories.category,
        order_categories.category is not distinct from orders.main_category as is_main_category,
        order_categories.order_lines,
        order_categories.quantity,
        order_categories.revenue,
        order_categories.cost,
        order_categories.has_cost,
    from order_categories
    inner join orders on orders.order_id = order_categories.order_id
    -- orders exported without items: one row of unknown category carrying the order's amount
    union all
    select
        order_month,
        credited_seller_id,
        customer_id,
        null as category,
        true as is_main_category,
        0 as order_lines,
        null as quantity,
        order_value as revenue,
        null as cost,
        false as has_cost,
    from orders
    where not has_items
),

-- one row per customer within each cell, so that buying customers are counted without count(distinct)
customer_cells as (
    select
        order_month,
        credited_seller_id,
        customer_id,
        category,
        count(*) as orders,
        count(*) filter (where is_main_category) as orders_by_main_category,
        sum(order_lines) as order_lines,
        sum(quantity) as quantity,
        sum(revenue) as revenue,
        sum(cost) as cost,
        bool_and(has_cost) as has_cost,
    from order_category_sales
    group by all
),

final as (
    select
        customer_cells.order_month as month,
        customer_cells.credited_seller_id as seller_id,
        customers.state,
        customers.region,
        customers.segment,
        customer_cells.category,
        cast(sum(customer_cells.orders) as integer) as orders,
        cast(sum(customer_cells.orders_by_main_category) as integer) as orders_by_main_category,
        case
            when (select is_present from presence where entity = 'order_items')
            then cast(sum(customer_cells.order_lines) as integer)
        end as order_lines,
        cast(sum(customer_cells.quantity) as decimal(18, 3)) as quantity,
        cast(count(*) as integer) as buying_customers,
        cast(sum(customer_cells.revenue) as decimal(18, 2)) as revenue,
        cast(
            case when bool_and(customer_cells.has_cost) then sum(customer_cells.revenue) - sum(customer_cells.cost) end
            as decimal(18, 2)
        ) as gross_margin,
        avg_ticket(sum(customer_cells.revenue), sum(customer_cells.orders)) as avg_ticket,
        is_partial_month(customer_cells.order_month) as is_partial_month,
        getvariable('as_of_date') as as_of_date,
    from customer_cells
    left join customers on customers.customer_id = customer_cells.customer_id
    group by
        customer_cells.order_month,
        customer_cells.credited_seller_id,
        customers.state,
        customers.region,
        customers.segment,
        customer_cells.category
)

select * from final
