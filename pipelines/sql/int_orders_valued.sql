-- one row per order with its value (items when the order has any, else the exported total) and the seller credited with it
with

orders as (select * from stg_orders),

item_totals as (select * from int_order_item_totals),

products as (select * from stg_products),

owners as (select customer_id, seller_id from int_customers_unified),

final as (
    select
        orders.order_id,
        orders.customer_id,
        orders.order_date,
        orders.order_month,
        orders.seller_id,
        -- revenue is credited to the seller on the order, falling back to the customer's owner
        coalesce(orders.seller_id, owners.seller_id) as credited_seller_id,
        orders.status,
        orders.channel,
        orders.amount,
        coalesce(item_totals.order_lines, 0) as order_lines,
        item_totals.quantity,
        cast(coalesce(item_totals.items_revenue, orders.amount, 0) as decimal(18, 2)) as order_value,
        cast(item_totals.items_cost as decimal(18, 2)) as order_cost,
        item_totals.order_id is not null as has_items,
        case when item_totals.order_id is not null then coalesce(products.category, 'Sem categoria') end as main_category,
        cast(case when item_totals.order_id is not null and orders.amount is not null
            then orders.amount - item_totals.items_revenue end as decimal(18, 2)) as amount_minus_items,
        orders.status = 'invoiced' as is_invoiced
    from orders
    left join item_totals on item_totals.order_id = orders.order_id
    left join owners on owners.customer_id = orders.customer_id
    left join products on products.product_id = item_totals.main_product_id
)

select * from final
