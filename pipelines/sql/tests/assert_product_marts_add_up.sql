-- the product marts tell one story: products and categories share one revenue, the category × seller × UF
-- cells and the mix cells partition the active portfolio, and the cells' buyers add up to each category's
-- (returns one row per broken rule)
with

portfolio as (
    select count(*) as customers
    from customers
    where is_active_portfolio(status)
),

revenues as (
    select
        (select coalesce(sum(revenue), 0) from product_abc) as product_revenue,
        (select coalesce(sum(revenue), 0) from category_abc) as category_revenue,
),

cells_per_category as (
    select
        category,
        sum(portfolio_customers) as portfolio_customers,
        sum(buying_customers) as buying_customers,
    from category_penetration
    group by all
),

mix as (
    select
        count(*) as cells,
        coalesce(sum(portfolio_customers), 0) as portfolio_customers,
    from product_mix
)

select 'product and category revenue differ' as problem, null as category
from revenues
where product_revenue <> category_revenue
union all
select 'category cells do not add up to the active portfolio', cells_per_category.category
from cells_per_category
cross join portfolio
where cells_per_category.portfolio_customers <> portfolio.customers
union all
select 'category cells do not add up to the category''s portfolio buyers', category_abc.category
from category_abc
left join cells_per_category on cells_per_category.category = category_abc.category
where category_abc.portfolio_buyers <> coalesce(cells_per_category.buying_customers, 0)
union all
select 'mix cells do not add up to the active portfolio', null
from mix
cross join portfolio
where mix.cells > 0 and mix.portfolio_customers <> portfolio.customers
