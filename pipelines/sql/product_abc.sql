-- one row per product with an invoiced order line in the ABC window (the last windows_segmentation_months
-- months to the as-of date, as the customer ABC) or in the two trend periods: revenue, ABC class,
-- positivação (coverage) and buyers gained and lost; empty without an order_items export
with

lines as (select * from int_order_lines_joined_to_products),

-- the active portfolio at the as-of date, the positivação denominator
portfolio as (
    select customer_id
    from customers
    where is_active_portfolio(status)
),

portfolio_size as (
    select count(*) as customers from portfolio
),

-- buyers of a product in each period, flagged once per customer
product_buyers as (
    select
        lines.product_id,
        lines.customer_id,
        bool_or(lines.is_in_abc_window) as bought_in_window,
        bool_or(lines.is_recent) as bought_recently,
        bool_or(lines.is_previous) as bought_previously,
        portfolio.customer_id is not null as is_in_portfolio,
    from lines
    left join portfolio on portfolio.customer_id = lines.customer_id
    group by all
),

buyer_counts as (
    select
        product_id,
        count(*) filter (where bought_in_window) as buyers,
        count(*) filter (where bought_in_window and is_in_portfolio) as portfolio_buyers,
        count(*) filter (where bought_recently) as recent_buyers,
        count(*) filter (where bought_previously) as previous_buyers,
        count(*) filter (where bought_previously and not bought_recently) as lost_buyers,
        count(*) filter (where bought_recently and not bought_previously) as won_buyers,
    from product_buyers
    group by all
),

product_revenue as (
    select
        product_id,
        -- a product's name and category are the same on all its lines (one row per product in stg_products)
        any_value(product_name) as product_name,
        any_value(category) as category,
        coalesce(sum(line_revenue) filter (where is_in_abc_window), 0) as revenue,
        coalesce(sum(quantity) filter (where is_in_abc_window), 0) as quantity,
        count(distinct order_id) filter (where is_in_abc_window) as orders,
    from lines
    group by all
),

-- ABC as for customers: by revenue descending, ties by product_id; the product that crosses a cut-off
-- belongs to the class below it
ranked as (
    select
        *,
        row_number() over by_revenue as revenue_rank,
        sum(revenue) over by_revenue as cum_revenue,
        sum(revenue) over () as total_revenue,
    from product_revenue
    window by_revenue as (order by revenue desc, product_id rows between unbounded preceding and current row)
),

final as (
    select
        ranked.product_id,
        ranked.product_name,
        ranked.category,
        cast(ranked.revenue as decimal(18, 2)) as revenue,
        cast(ranked.quantity as double) as quantity,
        cast(ranked.orders as integer) as orders,
        ranked.revenue / nullif(ranked.total_revenue, 0) as revenue_share,
        cast(ranked.revenue_rank as integer) as revenue_rank,
        cast(ranked.cum_revenue as decimal(18, 2)) as cum_revenue,
        ranked.cum_revenue / nullif(ranked.total_revenue, 0) as cum_revenue_share,
        abc_class(ranked.revenue, ranked.cum_revenue, ranked.total_revenue) as abc_class,
        cast(buyer_counts.buyers as integer) as buyers,
        cast(buyer_counts.portfolio_buyers as integer) as portfolio_buyers,
        cast(portfolio_size.customers as integer) as portfolio_customers,
        100.0 * buyer_counts.portfolio_buyers / nullif(portfolio_size.customers, 0) as coverage_pct,
        cast(buyer_counts.recent_buyers as integer) as recent_buyers,
        cast(buyer_counts.previous_buyers as integer) as previous_buyers,
        cast(buyer_counts.won_buyers as integer) as won_buyers,
        cast(buyer_counts.lost_buyers as integer) as lost_buyers,
        cast(buyer_counts.recent_buyers - buyer_counts.previous_buyers as integer) as buyer_change,
        getvariable('as_of_date') as as_of_date,
    from ranked
    inner join buyer_counts on buyer_counts.product_id = ranked.product_id
    cross join portfolio_size
)

select * from final
