-- one row per product category × breakdown of the active portfolio: per owning seller, per UF and all of it
-- (column breakdown says which), category_penetration summed and the positivação recomputed from the sums
with

cells as (select * from category_penetration),

final as (
    select
        case grouping(seller_id, state)
            when 1 then 'seller'
            when 2 then 'state'
            else 'all'
        end as breakdown,
        category,
        seller_id,
        state,
        sum(portfolio_customers)::integer as portfolio_customers,
        sum(buying_customers)::integer as buying_customers,
        100.0 * sum(buying_customers) / nullif(sum(portfolio_customers), 0) as coverage_pct,
        cast(sum(revenue) as decimal(18, 2)) as revenue,
        getvariable('as_of_date') as as_of_date,
    from cells
    group by grouping sets ((category, seller_id), (category, state), (category))
)

select * from final
