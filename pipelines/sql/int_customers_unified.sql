-- one row per customer: the customers export plus customers known only from orders, with owner and region
with

customers as (select * from stg_customers),

orders as (select * from stg_orders),

ufs as (select * from ref_ufs),

latest_order_seller as (
    select
        customer_id,
        arg_max(seller_id, (order_date, order_id)) filter (where seller_id is not null) as seller_id
    from orders
    group by customer_id
),

derived as (
    select
        latest_order_seller.customer_id,
        latest_order_seller.seller_id
    from latest_order_seller
    anti join customers on customers.customer_id = latest_order_seller.customer_id
),

unified as (
    select
        customers.customer_id,
        customers.name,
        customers.document,
        customers.document_kind,
        customers.is_person,
        customers.segment,
        customers.company_size,
        customers.city,
        customers.state,
        coalesce(customers.seller_id, latest_order_seller.seller_id) as seller_id,
        customers.created_at,
        false as is_derived_from_orders
    from customers
    left join latest_order_seller on latest_order_seller.customer_id = customers.customer_id
    union all
    select
        customer_id,
        null as name,
        null as document,
        null as document_kind,
        -- nothing says it is a company
        true as is_person,
        null as segment,
        null as company_size,
        null as city,
        null as state,
        seller_id,
        null as created_at,
        true as is_derived_from_orders
    from derived
),

final as (
    select
        unified.*,
        ufs.region,
        -- companies of one group share the CNPJ root (first 8 characters)
        case when unified.document_kind = 'cnpj' then left(unified.document, 8) end as group_id
    from unified
    left join ufs on ufs.uf = unified.state
)

select * from final
