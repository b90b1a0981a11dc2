-- one row per breakdown × key of the ticket médio over the 12 complete months to the last complete month (fewer
-- when the history is shorter): per segment, per credited seller, per UF, per product category (sales_cube) and
-- all sales (kpis_monthly; column breakdown says which); sums first, the ticket divided after (never an average
-- of averages); empty without a complete month
with

months as (select * from kpis_monthly),

cube as (select * from sales_cube),

window_bounds as (select window_start, window_end from complete_month_windows(months) where period = 'last_12_months'),

total as (
    select
        sum(months.revenue) as revenue,
        sum(months.orders) as orders,
    from months
    inner join window_bounds on months.month between window_bounds.window_start and window_bounds.window_end
),

-- orders_by_main_category counts each order once, so it adds up across segments, sellers and states; for
-- categories the ticket is the category's revenue per order that contains it (orders)
cuts as (
    select
        case grouping(segment, seller_id, state, category)
            when 7 then 'segment'
            when 11 then 'seller'
            when 13 then 'state'
            else 'category'
        end as breakdown,
        segment,
        seller_id,
        state,
        category,
        sum(cube.revenue) as revenue,
        case when grouping(category) = 0 then sum(cube.orders) else sum(cube.orders_by_main_category) end as orders,
    from cube
    inner join window_bounds on cube.month between window_bounds.window_start and window_bounds.window_end
    group by grouping sets ((segment), (seller_id), (state), (category))
),

all_rows as (
    select breakdown, segment, seller_id, state, category, revenue, orders from cuts
    union all
    select 'all', null, null, null, null, revenue, orders from total
),

final as (
    select
        all_rows.breakdown,
        all_rows.segment,
        all_rows.seller_id,
        all_rows.state,
        all_rows.category,
        cast(coalesce(all_rows.revenue, 0) as decimal(18, 2)) as revenue,
        cast(coalesce(all_rows.orders, 0) as integer) as orders,
        avg_ticket(all_rows.revenue, all_rows.orders) as avg_ticket,
        all_rows.revenue / nullif(total.revenue, 0) as revenue_share,
        window_bounds.window_start,
        window_bounds.window_end,
        getvariable('as_of_date') as as_of_date,
    from all_rows
    cross join total
    cross join window_bounds
)

select * from final
