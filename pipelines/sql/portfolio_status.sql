-- one row per status (all seven, even empty) at the as-of date: the customers in it and their share of all customers,
-- their revenue in the segmentation window and over all history, as the overview counts them and the Carteira page
-- states those at risk and inactive
with

profiles as (select * from int_customers_profiled),

statuses as (select value as status, sort_order from ref_labels where field = 'status'),

by_status as (
    select
        status,
        count(*) as customers,
        count(seller_id) as customers_with_owner,
        sum(window_revenue) as window_revenue,
        sum(revenue) as revenue,
    from profiles
    group by status
),

final as (
    select
        statuses.status,
        is_active_portfolio(statuses.status) as is_active_portfolio,
        cast(coalesce(by_status.customers, 0) as integer) as customers,
        cast(coalesce(by_status.customers_with_owner, 0) as integer) as customers_with_owner,
        coalesce(by_status.customers, 0) / nullif(sum(by_status.customers) over (), 0) as customer_share,
        cast(coalesce(sum(by_status.customers) over (), 0) as integer) as total_customers,
        cast(coalesce(by_status.window_revenue, 0) as decimal(18, 2)) as window_revenue,
        cast(coalesce(by_status.revenue, 0) as decimal(18, 2)) as revenue,
        statuses.sort_order,
        getvariable('as_of_date') as as_of_date,
    from statuses
    left join by_status on by_status.status = statuses.status
)

select * from final
