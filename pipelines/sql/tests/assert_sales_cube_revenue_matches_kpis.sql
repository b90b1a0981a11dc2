-- months where the revenue or the orders of sales_cube do not add up to kpis_monthly
with

cube as (
    select
        month,
        sum(revenue) as revenue,
        sum(orders_by_main_category) as orders,
    from sales_cube
    group by all
),

kpis as (select month, revenue, orders from kpis_monthly),

final as (
    select
        kpis.month,
        kpis.revenue as kpis_revenue,
        coalesce(cube.revenue, 0) as cube_revenue,
        kpis.orders as kpis_orders,
        coalesce(cube.orders, 0) as cube_orders,
    from kpis
    full join cube on cube.month = kpis.month
    where kpis.month is null
        or kpis.revenue <> coalesce(cube.revenue, 0)
        or kpis.orders <> coalesce(cube.orders, 0)
)

select * from final
