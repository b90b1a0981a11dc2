-- one row per product-share percentile 1..100, products of product_abc sorted by revenue descending (as pareto
-- does for customers); empty without products
with

products as (select * from product_abc),

percentiles as (
    select
        unnest(range(1, 101)) as pct_products,
),

totals as (
    select
        count(*) as products,
        sum(revenue) as revenue,
    from products
),

-- the exact count behind "80% of revenue": products up to the one whose revenue crosses 80% of the total, the
-- crossing rule of abc_class (the percentiles round it up to whole percents)
reaching_80 as (
    select
        count(*) as products,
    from products
    cross join totals
    where totals.revenue > 0
        and (products.cum_revenue - products.revenue) / totals.revenue < 0.8
),

-- the top p% of products, rounded up to whole products
cut_offs as (
    select
        percentiles.pct_products,
        (percentiles.pct_products * totals.products + 99) // 100 as products,
        totals.products as product_count,
    from percentiles
    cross join totals
    where totals.products > 0
),

final as (
    select
        cast(cut_offs.pct_products as integer) as pct_products,
        cast(cut_offs.products as integer) as products,
        cast(cut_offs.product_count as integer) as product_count,
        cast(coalesce(products.cum_revenue, 0) as decimal(18, 2)) as cum_revenue,
        products.cum_revenue_share,
        cast(reaching_80.products as integer) as products_to_reach_80,
        getvariable('as_of_date') as as_of_date,
    from cut_offs
    cross join reaching_80
    left join products on products.revenue_rank = cut_offs.products
)

select * from final
