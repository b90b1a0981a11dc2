-- one row per customer-share percentile 1..100, customers of the segmentation window sorted by revenue descending
with

segmented as (select * from int_customers_segmented),

percentiles as (
    select
        unnest(range(1, 101)) as pct_customers,
),

totals as (
    select
        count(*) as buyers,
        sum(revenue) as revenue,
    from segmented
),

-- the top p% of buyers, rounded up to whole customers
cut_offs as (
    select
        percentiles.pct_customers,
        (percentiles.pct_customers * totals.buyers + 99) // 100 as customers,
        totals.buyers,
    from percentiles
    cross join totals
),

final as (
    select
        cast(cut_offs.pct_customers as integer) as pct_customers,
        cast(cut_offs.customers as integer) as customers,
        cast(cut_offs.buyers as integer) as buyers,
        coalesce(segmented.cum_revenue, 0) as cum_revenue,
        segmented.cum_revenue_share,
        getvariable('as_of_date') as as_of_date,
    from cut_offs
    left join segmented on segmented.revenue_rank = cut_offs.customers
)

select * from final
