-- one row per product category with an invoiced order line in the ABC window (the last
-- windows_segmentation_months months to the as-of date) or in the two trend periods: revenue and its share
-- (the mix of the revenue), ABC class, positivação (coverage) and buyers gained and lost; empty without an
-- order_items export
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

category_buyers as (
    select
        lines.category,
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
        category,
        count(*) filter (where bought_in_window) as buyers,
        count(*) filter (where bought_in_window and is_in_portfolio) as portfolio_buyers,
        count(*) filter (where bought_recently) as recent_buyers,
        count(*) filter (where bought_previously) as previous_buyers,
        count(*) filter (where bought_previously and not bought_recently) as lost_buyers,
        count(*) filter (where bought_recently and not bought_previously) as won_buyers,
    from category_buyers
    group by all
),

category_revenue as (
    select
        category,
        coalesce(sum(line_revenue) filter (where is_in_abc_window), 0) as revenue,
        count(distinct product_id) filter (where is_in_abc_window) as products,
        count(distinct order_id) filter (where is_in_abc_window) as orders,
    from lines
    group by all
),

-- ABC as for customers and products: by revenue descending, ties by category; the category that crosses
-- a cut-off belongs to the class below it
ranked as (
    select
        *,
        row_number() over by_revenue as revenue_rank,
        sum(revenue) over by_revenue as cum_revenue,
        sum(revenue) over () as total_revenue,
    from category_revenue
    window by_revenue as (order by revenue desc, category rows between unbounded preceding and current row)
),

final as (
    select
        ranked.category,
        cast(ranked.revenue as decimal(18, 2)) as revenue,
        ranked.revenue / nullif(ranked.total_revenue, 0) as revenue_share,
        cast(ranked.revenue_rank as integer) as revenue_rank,
        cast(ranked.cum_revenue as decimal(18, 2)) as cum_revenue,
        ranked.cum_revenue / nullif(ranked.total_revenue, 0) as cum_revenue_share,
        abc_class(ranked.revenue, ranked.cum_revenue, ranked.total_revenue) as abc_class,
        cast(ranked.products as integer) as products,
        cast(ranked.orders as integer) as orders,
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
    inner join buyer_counts on buyer_counts.category = ranked.category
    cross join portfolio_size
)

select * from final
