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

-- the exact count behind "80% of revenue": customers up to the one whose revenue crosses 80% of the total, the
-- crossing rule of abc_class, so with abc.a_share = 0.8 it is class A's count (the percentiles round it up to whole percents)
reaching_80 as (
    select
        count(*) as customers,
    from segmented
    cross join totals
    where totals.revenue > 0
        and (segmented.cum_revenue - segmented.revenue) / totals.revenue < 0.8
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
        cast(reaching_80.customers as integer) as customers_to_reach_80,
        getvariable('as_of_date') as as_of_date,
    from cut_offs
    cross join reaching_80
    left join segmented on segmented.revenue_rank = cut_offs.customers
)

select * from final
