-- one row per owning seller (NULL = no owner) × status its customers hold at the as-of date: the customers and their
-- revenue in the segmentation window, as the Vendedores pages count them
with

profiles as (select * from int_customers_profiled),

final as (
    select
        seller_id,
        status,
        is_active_portfolio(status) as is_active_portfolio,
        count(*)::integer as customers,
        cast(coalesce(sum(window_revenue), 0) as decimal(18, 2)) as window_revenue,
        getvariable('as_of_date') as as_of_date,
    from profiles
    group by seller_id, status
)

select * from final
