-- one row per breakdown of the products of product_abc: per ABC class and all of them (column breakdown says
-- which), each with its products, revenue, their shares of all products and products losing buyers, as the
-- Produtos page states them; the class rows are rows of their own (grouping sets), not left to be summed
with

products as (select * from product_abc),

rollups as (
    select
        case grouping(abc_class)
            when 0 then 'abc_class'
            else 'all'
        end as breakdown,
        abc_class,
        count(*) as products,
        coalesce(sum(revenue), 0) as revenue,
        -- fewer buyers in the recent trend months than in the months before
        count(*) filter (where buyer_change < 0) as losing_products,
    from products
    group by grouping sets ((abc_class), ())
),

all_products as (
    select
        products,
        revenue,
    from rollups
    where breakdown = 'all'
),

final as (
    select
        rollups.breakdown,
        rollups.abc_class,
        cast(rollups.products as integer) as products,
        rollups.products / nullif(all_products.products, 0) as product_share,
        cast(rollups.revenue as decimal(18, 2)) as revenue,
        rollups.revenue / nullif(all_products.revenue, 0) as revenue_share,
        cast(rollups.losing_products as integer) as losing_products,
        getvariable('as_of_date') as as_of_date,
    from rollups
    cross join all_products
)

select * from final
