-- one row per breakdown of the active portfolio's product mix: per owning seller, per UF and all of it (column
-- breakdown says which), product_mix summed and its ratios recomputed from the sums (never an average of
-- averages); empty when product_mix is
with

cells as (select * from product_mix),

final as (
    select
        case grouping(seller_id, state)
            when 1 then 'seller'
            when 2 then 'state'
            else 'all'
        end as breakdown,
        seller_id,
        state,
        sum(portfolio_customers)::integer as portfolio_customers,
        sum(buying_customers)::integer as buying_customers,
        100.0 * sum(buying_customers) / nullif(sum(portfolio_customers), 0) as coverage_pct,
        sum(category_purchases)::integer as category_purchases,
        sum(product_purchases)::integer as product_purchases,
        sum(category_purchases) / nullif(sum(buying_customers), 0) as categories_per_buyer,
        sum(product_purchases) / nullif(sum(buying_customers), 0) as products_per_buyer,
        getvariable('as_of_date') as as_of_date,
    from cells
    group by grouping sets ((seller_id), (state), ())
    -- the empty grouping set gives a row even without cells: publish none
    having count(*) > 0
)

select * from final
