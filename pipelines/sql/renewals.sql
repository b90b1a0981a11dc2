-- one row per contract ending within the renewal horizon after the as-of date or ended within the look-back before it
with

contracts as (select * from int_contracts_renewal_checked),

owners as (select customer_id, seller_id from int_customers_unified),

products as (select product_id, name from stg_products),

in_window as (
    select *
    from contracts
    where end_date between getvariable('as_of_date') - getvariable('windows_renewal_lookback_days')
        and getvariable('as_of_date') + getvariable('windows_renewal_horizon_days')
),

final as (
    select
        in_window.contract_id,
        in_window.customer_id,
        owners.seller_id,
        in_window.product_id,
        products.name as product_name,
        in_window.start_date,
        in_window.end_date,
        cast(in_window.end_date - getvariable('as_of_date') as integer) as days_to_end,
        in_window.monthly_value,
        in_window.status,
        in_window.renewed,
        in_window.renewal_contract_id,
        case
            when in_window.renewed then 'renewed'
            when in_window.status = 'canceled' then 'canceled'
            when in_window.end_date >= getvariable('as_of_date') then 'due'
            when getvariable('as_of_date') - in_window.end_date <= getvariable('windows_renewal_grace_days') then 'in_grace'
            else 'not_renewed'
        end as renewal_status,
        getvariable('as_of_date') as as_of_date,
    from in_window
    left join owners on owners.customer_id = in_window.customer_id
    left join products on products.product_id = in_window.product_id
)

select * from final
