-- one row per target month (the month after the as-of month; empty without an active seller): the suggested targets of
-- every active seller summed, against the targets of the last complete month, and the active-portfolio customers
-- left out of every suggestion because their owner is not an active seller (or they have none)
with

suggestions as (select * from target_suggestions),

portfolio as (select * from customers),

team as (select * from sellers),

left_out as (
    select count(*) as customers
    from portfolio
    left join team on team.seller_id = portfolio.seller_id
    where is_active_portfolio(portfolio.status)
        and not coalesce(team.is_active, false)
),

summed as (
    select
        target_month,
        last_month,
        count(*) as sellers,
        sum(suggested_revenue_target) as suggested_revenue_target,
        sum(last_month_revenue_target) as last_month_revenue_target,
        sum(active_portfolio_customers) as active_portfolio_customers,
        sum(model_customers) as model_customers,
    from suggestions
    group by target_month, last_month
),

final as (
    select
        summed.target_month,
        cast(summed.sellers as integer) as sellers,
        cast(summed.suggested_revenue_target as decimal(18, 2)) as suggested_revenue_target,
        summed.last_month,
        cast(summed.last_month_revenue_target as decimal(18, 2)) as last_month_revenue_target,
        cast(summed.active_portfolio_customers as integer) as active_portfolio_customers,
        cast(summed.model_customers as integer) as model_customers,
        cast(left_out.customers as integer) as customers_without_suggestion,
        getvariable('as_of_date') as as_of_date,
    from summed
    cross join left_out
)

select * from final
