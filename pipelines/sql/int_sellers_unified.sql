-- one row per seller: the sellers export plus sellers known only from customers, orders, targets or leads
with

sellers as (select * from stg_sellers),

referenced as (
    select seller_id from stg_customers where seller_id is not null
    union
    select seller_id from stg_orders where seller_id is not null
    union
    select seller_id from stg_targets
    union
    select seller_id from stg_leads where seller_id is not null
),

final as (
    select
        seller_id,
        name,
        team,
        state,
        hired_at,
        is_active,
        false as is_derived
    from sellers
    union all
    select
        referenced.seller_id,
        null as name,
        null as team,
        null as state,
        null as hired_at,
        true as is_active,
        true as is_derived
    from referenced
    anti join sellers on sellers.seller_id = referenced.seller_id
)

select * from final
