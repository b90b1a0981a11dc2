-- one row per order that has lines: the lines summed, and the product of its largest line
-- (its own model, not a CTE of int_orders_valued: grouping 100 million lines and joining the result
-- to the orders in one query held both in memory at once and ran out of DuckDB's limit)
with

items as (select * from stg_order_items),

-- product codes ranked in text order, so the largest line can be found with fixed-width numbers:
-- DuckDB spills sums and numbers to disk, but not an aggregate state that holds text
product_ranks as (
    select
        product_id,
        row_number() over (order by product_id) as product_rank
    from (select distinct product_id from items)
),

ranked_items as (
    select
        items.*,
        product_ranks.product_rank,
        -- the line's revenue in cents, then its product's rank: the largest line, and between equal
        -- lines the largest product code (revenue in cents needs 54 bits, the rank 32)
        cast(items.line_revenue * 100 as hugeint) * 4294967296 + product_ranks.product_rank as line_order
    from items
    join product_ranks using (product_id)
),

totals as (
    select
        order_id,
        count(*) as order_lines,
        sum(quantity) as quantity,
        sum(line_revenue) as items_revenue,
        -- cost is known only when every line of the order has one
        case when count(unit_cost) = count(*) then sum(line_cost) end as items_cost,
        -- an order split by category is counted once, in the category of its largest line
        arg_max(product_rank, line_order) as main_product_rank
    from ranked_items
    group by order_id
),

final as (
    select
        totals.order_id,
        totals.order_lines,
        totals.quantity,
        totals.items_revenue,
        totals.items_cost,
        product_ranks.product_id as main_product_id
    from totals
    join product_ranks on product_ranks.product_rank = totals.main_product_rank
)

select * from final
