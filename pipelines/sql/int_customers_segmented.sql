-- one row per customer with an invoiced order in the segmentation window: RFM scores, RFM segment and ABC class
with

orders as (select * from int_orders_valued where is_invoiced),

segment_grid as (select * from ref_rfm_segments),

-- the window: the configured number of months before the as-of date, as-of date included
window_orders as (
    select *
    from orders
    where order_date > (getvariable('as_of_date') - to_months(getvariable('windows_segmentation_months')))::date
        and order_date <= getvariable('as_of_date')
),

buyers as (
    select
        customer_id,
        count(*) as orders,
        sum(order_value) as revenue,
        getvariable('as_of_date') - max(order_date) as days_since_last_order,
    from window_orders
    group by all
),

-- R and M: score = ceil(5 × share of buyers whose value is as good or worse), so equal values always share a score;
-- F: fixed thresholds on the number of orders (most customers buy once and must not be split)
scored as (
    select
        *,
        count(*) over () as buyers,
        count(*) over (order by days_since_last_order desc) as buyers_as_recent_or_less,
        count(*) over (order by revenue) as buyers_with_as_much_or_less,
        case
            when orders >= getvariable('rfm_frequency_5_min_orders') then 5
            when orders >= getvariable('rfm_frequency_4_min_orders') then 4
            when orders >= getvariable('rfm_frequency_3_min_orders') then 3
            when orders >= getvariable('rfm_frequency_2_min_orders') then 2
            else 1
        end as f_score,
    from buyers
),

with_scores as (
    select
        customer_id,
        orders,
        revenue,
        days_since_last_order,
        cast((5 * buyers_as_recent_or_less + buyers - 1) // buyers as integer) as r_score,
        cast(f_score as integer) as f_score,
        cast((5 * buyers_with_as_much_or_less + buyers - 1) // buyers as integer) as m_score,
    from scored
),

with_segment as (
    select
        with_scores.*,
        segment_grid.rfm_segment,
    from with_scores
    left join segment_grid
        on with_scores.r_score between segment_grid.r_min and segment_grid.r_max
        and with_scores.f_score between segment_grid.f_min and segment_grid.f_max
),

-- ABC: by revenue descending, ties by customer_id; the customer who crosses a cut-off belongs to the class below it
ranked as (
    select
        *,
        row_number() over by_revenue as revenue_rank,
        sum(revenue) over by_revenue as cum_revenue,
        sum(revenue) over () as total_revenue,
    from with_segment
    window by_revenue as (order by revenue desc, customer_id rows between unbounded preceding and current row)
),

final as (
    select
        customer_id,
        cast(orders as integer) as orders,
        cast(revenue as decimal(18, 2)) as revenue,
        cast(days_since_last_order as integer) as days_since_last_order,
        r_score,
        f_score,
        m_score,
        rfm_segment,
        cast(revenue_rank as integer) as revenue_rank,
        cast(cum_revenue as decimal(18, 2)) as cum_revenue,
        revenue / nullif(total_revenue, 0) as revenue_share,
        cum_revenue / nullif(total_revenue, 0) as cum_revenue_share,
        abc_class(revenue, cum_revenue, total_revenue) as abc_class,
    from ranked
)

select * from final
