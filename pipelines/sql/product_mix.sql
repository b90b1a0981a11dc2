-- one row per owning seller × UF of the active portfolio at the as-of date: how many categories and products
-- its customers bought in the ABC window (the last windows_segmentation_months months); the sums add up to
-- any seller, UF or the whole portfolio; empty without an order_items export
with

lines as (select * from int_order_lines_joined_to_products where is_in_abc_window),

presence as (select * from stg_input_presence),

portfolio as (
    select
        customer_id,
        seller_id,
        state,
    from customers
    where is_active_portfolio(status)
),

customer_mix as (
    select
        customer_id,
        count(distinct category) as categories,
        count(distinct product_id) as products,
    from lines
    group by all
),

cells as (
    select
        portfolio.seller_id,
        portfolio.state,
        count(*) as portfolio_customers,
        count(customer_mix.customer_id) as buying_customers,
        coalesce(sum(customer_mix.categories), 0) as category_purchases,
        coalesce(sum(customer_mix.products), 0) as product_purchases,
    from portfolio
    left join customer_mix on customer_mix.customer_id = portfolio.customer_id
    group by all
),

final as (
    select
        seller_id,
        state,
        cast(portfolio_customers as integer) as portfolio_customers,
        cast(buying_customers as integer) as buying_customers,
        100.0 * buying_customers / portfolio_customers as coverage_pct,
        cast(category_purchases as integer) as category_purchases,
        cast(product_purchases as integer) as product_purchases,
        category_purchases / nullif(buying_customers, 0) as categories_per_buyer,
        product_purchases / nullif(buying_customers, 0) as products_per_buyer,
        getvariable('as_of_date') as as_of_date,
    from cells
    -- without order lines nobody has a mix: publish no cells rather than a portfolio of zeros
    where (select is_present from presence where entity = 'order_items')
)

select * from final
