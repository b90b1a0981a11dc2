-- one row per RFM segment (all 10, with zeros), over the customers who bought in the segmentation window
with

segment_grid as (select * from ref_rfm_segments),

segmented as (select * from int_customers_segmented),

per_segment as (
    select
        rfm_segment,
        count(*) as customers,
        sum(orders) as orders,
        sum(revenue) as revenue,
        avg(days_since_last_order) as avg_days_since_last_order,
    from segmented
    group by all
),

totals as (
    select
        count(*) as customers,
        sum(revenue) as revenue,
    from segmented
),

final as (
    select
        segment_grid.rfm_segment,
        segment_grid.r_scores,
        segment_grid.f_scores,
        segment_grid.sort_order,
        cast(coalesce(per_segment.customers, 0) as integer) as customers,
        coalesce(per_segment.customers, 0) / nullif(totals.customers, 0) as customer_share,
        cast(coalesce(per_segment.orders, 0) as integer) as orders,
        cast(coalesce(per_segment.revenue, 0) as decimal(18, 2)) as revenue,
        coalesce(per_segment.revenue, 0) / nullif(totals.revenue, 0) as revenue_share,
        avg_ticket(per_segment.revenue, per_segment.orders) as avg_ticket,
        cast(per_segment.revenue / nullif(per_segment.customers, 0) as decimal(18, 2)) as revenue_per_customer,
        per_segment.avg_days_since_last_order,
        getvariable('as_of_date') as as_of_date,
    from segment_grid
    cross join totals
    left join per_segment on per_segment.rfm_segment = segment_grid.rfm_segment
)

select * from final
