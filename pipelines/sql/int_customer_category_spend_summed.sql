-- one row per scenario (current, holdout) × customer × product category bought in the scenario's window, or (holdout) in the months after it
with

orders as (select * from int_orders_valued where is_invoiced),

items as (select * from stg_order_items),

products as (select * from stg_products),

-- current: the window of opportunities_window_months before the as-of date; holdout: the same window ending
-- opportunities_holdout_months earlier, whose suggestions are checked against what was bought in the hidden months after it
scenarios as (
    select
        scenario,
        scenario_as_of_date,
        (scenario_as_of_date - to_months(getvariable('opportunities_window_months')))::date as window_start_date,
    from (values
        ('current', getvariable('as_of_date')),
        ('holdout', (getvariable('as_of_date') - to_months(getvariable('opportunities_holdout_months')))::date)
    ) as t(scenario, scenario_as_of_date)
),

bounds as (
    select
        max(window_start_date) filter (where scenario = 'current') as current_start_date,
        max(scenario_as_of_date) filter (where scenario = 'holdout') as holdout_as_of_date,
        min(window_start_date) as earliest_start_date,
    from scenarios
),

first_purchases as (
    select
        customer_id,
        min(order_date) as first_order_date,
    from orders
    group by all
),

recent_orders as (
    select
        orders.order_id,
        orders.customer_id,
        orders.order_date,
    from orders
    cross join bounds
    where orders.order_date > bounds.earliest_start_date
        and orders.order_date <= getvariable('as_of_date')
),

-- a single pass over the order lines: customer × category revenue in each of the three periods
category_revenue as (
    select
        recent_orders.customer_id,
        coalesce(products.category, 'Sem categoria') as category,
        sum(items.line_revenue) filter (where recent_orders.order_date > bounds.current_start_date) as current_revenue,
        sum(items.line_revenue) filter (where recent_orders.order_date <= bounds.holdout_as_of_date) as holdout_revenue,
        sum(items.line_revenue) filter (where recent_orders.order_date > bounds.holdout_as_of_date) as after_holdout_revenue,
    from items
    inner join recent_orders on recent_orders.order_id = items.order_id
    cross join bounds
    left join products on products.product_id = items.product_id
    group by all
),

by_scenario as (
    select
        'current' as scenario,
        customer_id,
        category,
        coalesce(current_revenue, 0) as window_revenue,
        null as revenue_after,
    from category_revenue
    where current_revenue > 0
    union all
    select
        'holdout' as scenario,
        customer_id,
        category,
        coalesce(holdout_revenue, 0) as window_revenue,
        coalesce(after_holdout_revenue, 0) as revenue_after,
    from category_revenue
    where holdout_revenue > 0 or after_holdout_revenue > 0
),

-- the months a customer could buy in: the whole window, or the months since its first purchase (30.4375 days
-- each, at least one) when that came later, so a customer acquired two months ago is not judged on twelve
observed as (
    select
        scenarios.scenario,
        first_purchases.customer_id,
        least(
            getvariable('opportunities_window_months'),
            greatest(1, (scenarios.scenario_as_of_date - first_purchases.first_order_date + 1) / 30.4375)
        ) as observed_months,
    from first_purchases
    cross join scenarios
    where first_purchases.first_order_date <= scenarios.scenario_as_of_date
),

final as (
    select
        by_scenario.scenario,
        scenarios.scenario_as_of_date,
        by_scenario.customer_id,
        by_scenario.category,
        cast(by_scenario.window_revenue as decimal(18, 2)) as window_revenue,
        by_scenario.window_revenue / observed.observed_months as monthly_spend,
        observed.observed_months,
        by_scenario.window_revenue > 0 as is_bought,
        cast(by_scenario.revenue_after as decimal(18, 2)) as revenue_after,
    from by_scenario
    inner join scenarios on scenarios.scenario = by_scenario.scenario
    inner join observed
        on observed.scenario = by_scenario.scenario
        and observed.customer_id = by_scenario.customer_id
)

select * from final
