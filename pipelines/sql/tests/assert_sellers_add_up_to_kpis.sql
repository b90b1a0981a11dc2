-- months where the revenue, orders, new, churned or reactivated customers credited to sellers do not add up to kpis_monthly
-- (the same rules computed for each seller and for the company must agree)
with

sellers as (
    select
        month,
        sum(revenue) as revenue,
        sum(orders) as orders,
        sum(new_customers) as new_customers,
        sum(churned) as churned,
        sum(reactivated) as reactivated,
    from sellers_monthly
    group by all
),

final as (
    select
        kpis_monthly.month,
        kpis_monthly.revenue,
        sellers.revenue as sellers_revenue,
        kpis_monthly.orders,
        sellers.orders as sellers_orders,
        kpis_monthly.new_customers,
        sellers.new_customers as sellers_new_customers,
        kpis_monthly.churned,
        sellers.churned as sellers_churned,
        kpis_monthly.reactivated,
        sellers.reactivated as sellers_reactivated,
    from kpis_monthly
    left join sellers on sellers.month = kpis_monthly.month
    where kpis_monthly.revenue <> coalesce(sellers.revenue, 0)
        or kpis_monthly.orders <> coalesce(sellers.orders, 0)
        or kpis_monthly.new_customers <> coalesce(sellers.new_customers, 0)
        or kpis_monthly.churned <> coalesce(sellers.churned, 0)
        or kpis_monthly.reactivated <> coalesce(sellers.reactivated, 0)
)

select * from final
