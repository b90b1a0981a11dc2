-- one row per product category × owning seller × UF of the active portfolio at the as-of date: customers of
-- the cell and how many of them bought the category in the ABC window (the last windows_segmentation_months
-- months); the cells partition the portfolio, so counts add up to any seller, UF or the whole portfolio;
-- empty without an order_items export
with

lines as (select * from int_order_lines_joined_to_products where is_in_abc_window),

-- the active portfolio at the as-of date, with its owner (customers.seller_id) and UF
portfolio as (
    select
        customer_id,
        seller_id,
        state,
    from customers
    where is_active_portfolio(status)
),

cells as (
    select
        seller_id,
        state,
        count(*) as portfolio_customers,
    from portfolio
    group by all
),

categories as (
    select distinct category from lines
),

cell_buyers as (
    select
        lines.category,
        portfolio.seller_id,
        portfolio.state,
        count(distinct lines.customer_id) as buying_customers,
        sum(lines.line_revenue) as revenue,
    from lines
    inner join portfolio on portfolio.customer_id = lines.customer_id
    group by all
),

final as (
    select
        categories.category,
        cells.seller_id,
        cells.state,
        cast(cells.portfolio_customers as integer) as portfolio_customers,
        cast(coalesce(cell_buyers.buying_customers, 0) as integer) as buying_customers,
        100.0 * coalesce(cell_buyers.buying_customers, 0) / cells.portfolio_customers as coverage_pct,
        cast(coalesce(cell_buyers.revenue, 0) as decimal(18, 2)) as revenue,
        getvariable('as_of_date') as as_of_date,
    from categories
    cross join cells
    left join cell_buyers
        on cell_buyers.category = categories.category
        and cell_buyers.seller_id is not distinct from cells.seller_id
        and cell_buyers.state is not distinct from cells.state
)

select * from final
