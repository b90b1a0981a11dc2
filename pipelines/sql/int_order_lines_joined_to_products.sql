-- one row per invoiced order line dated within the product window (the segmentation months, or twice the
-- trend months when that is longer, before the as-of date, as-of date included), with its product and category
with

orders as (select * from int_orders_valued where is_invoiced),

items as (select * from stg_order_items),

products as (select * from stg_products),

-- the ABC window (like the customer ABC in int_customers_segmented) and the two trend periods:
-- recent = the last products_trend_months months, previous = the same number of months just before
bounds as (
    select
        (getvariable('as_of_date') - to_months(getvariable('windows_segmentation_months')))::date as abc_start_date,
        (getvariable('as_of_date') - to_months(getvariable('products_trend_months')))::date as recent_start_date,
        (getvariable('as_of_date') - to_months(2 * getvariable('products_trend_months')))::date as previous_start_date,
),

window_orders as (
    select
        orders.order_id,
        orders.customer_id,
        orders.order_date,
    from orders
    cross join bounds
    where orders.order_date > least(bounds.abc_start_date, bounds.previous_start_date)
        and orders.order_date <= getvariable('as_of_date')
),

final as (
    select
        window_orders.order_id,
        window_orders.customer_id,
        window_orders.order_date,
        items.product_id,
        products.name as product_name,
        -- a product missing from the products export has no category, like one exported without it
        coalesce(products.category, 'Sem categoria') as category,
        items.quantity,
        items.line_revenue,
        window_orders.order_date > bounds.abc_start_date as is_in_abc_window,
        window_orders.order_date > bounds.recent_start_date as is_recent,
        window_orders.order_date > bounds.previous_start_date
            and window_orders.order_date <= bounds.recent_start_date as is_previous,
    from items
    inner join window_orders on window_orders.order_id = items.order_id
    cross join bounds
    left join products on products.product_id = items.product_id
)

select * from final
