-- one row per order that has lines: the lines summed, and the product of its largest line
-- (its own model, not a CTE of int_orders_valued: grouping 100 million lines and joining the result
-- to the orders in one query held both in memory at once and ran out of DuckDB's limit)
with

items as (select * from stg_order_items),

final as (
    select
        order_id,
        count(*) as order_lines,
        sum(quantity) as quantity,
        sum(line_revenue) as items_revenue,
        -- cost is known only when every line of the order has one
        case when count(unit_cost) = count(*) then sum(line_cost) end as items_cost,
        -- an order split by category is counted once, in the category of its largest line
        arg_max(product_id, (line_revenue, product_id)) as main_product_id,
    from items
    group by order_id
)

select * from final
