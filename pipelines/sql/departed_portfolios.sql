-- one row per owner no longer with the company (sellers.is_active false) and one for the customers without an
-- owner (seller_id NULL), each with customers: those customers by status at the as-of date, their revenue in the
-- segmentation window and their contracts due or in grace; plus one row over all of them (column breakdown says
-- which), so that the Vendedores page states the total instead of summing rows
with

statuses as (select * from seller_status),

roster as (select * from sellers),

to_renew as (select * from seller_renewals),

presence as (select * from stg_input_presence),

departed as (
    select statuses.*
    from statuses
    left join roster on roster.seller_id = statuses.seller_id
    where statuses.seller_id is null or not roster.is_active
),

owners as (
    select
        seller_id,
        sum(customers) filter (where is_active_portfolio) as active_portfolio_customers,
        sum(customers) filter (where status = 'at_risk') as at_risk_customers,
        sum(customers) filter (where status = 'inactive') as inactive_customers,
        sum(customers) filter (where status = 'lost') as lost_customers,
        sum(customers) filter (where status = 'prospect') as prospects,
        sum(window_revenue) as window_revenue,
    from departed
    group by seller_id
),

with_renewals as (
    select
        owners.*,
        coalesce(to_renew.renewal_contracts, 0) as renewal_contracts,
        coalesce(to_renew.renewal_monthly_value, 0) as renewal_monthly_value,
    from owners
    left join to_renew on to_renew.seller_id is not distinct from owners.seller_id
),

final as (
    select
        case when grouping(seller_id) = 1 then 'all' else 'seller' end as breakdown,
        seller_id,
        cast(coalesce(sum(active_portfolio_customers), 0) as integer) as active_portfolio_customers,
        cast(coalesce(sum(at_risk_customers), 0) as integer) as at_risk_customers,
        cast(coalesce(sum(inactive_customers), 0) as integer) as inactive_customers,
        cast(coalesce(sum(lost_customers), 0) as integer) as lost_customers,
        cast(coalesce(sum(prospects), 0) as integer) as prospects,
        cast(coalesce(sum(window_revenue), 0) as decimal(18, 2)) as window_revenue,
        -- NULL without a contracts file
        case when (select is_present from presence where entity = 'contracts') then cast(coalesce(sum(renewal_contracts), 0) as integer) end
            as renewal_contracts,
        case when (select is_present from presence where entity = 'contracts') then cast(coalesce(sum(renewal_monthly_value), 0) as decimal(18, 2)) end
            as renewal_monthly_value,
        getvariable('as_of_date') as as_of_date,
    from with_renewals
    group by grouping sets ((seller_id), ())
)

select * from final
