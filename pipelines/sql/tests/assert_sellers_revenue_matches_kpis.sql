-- months where the revenue, orders or new customers credited to sellers do not add up to kpis_monthly
with

sellers as (
    select
        month,
        sum(revenue) as revenue,
        sum(orders) as orders,
        sum(new_customers) as new_customers,
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
    from kpis_monthly
    left join sellers on sellers.month = kpis_monthly.month
    where kpis_monthly.revenue <> coalesce(sellers.revenue, 0)
        or kpis_monthly.orders <> coalesce(sellers.orders, 0)
        or kpis_monthly.new_customers <> coalesce(sellers.new_customers, 0)
)

select * from final
