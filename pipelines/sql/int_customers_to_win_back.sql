-- one row per customer to retain (active portfolio, likely leaving) or reactivate (inactive or lost, not silent for too long),
-- with the reason in words and the value at stake: the retain and reactivate rows of the action list, which the balance
-- between sellers also weighs
with

portfolio as (select * from int_customers_profiled),

orders as (select * from int_orders_valued where is_invoiced),

-- what a year of business with the customer is worth: revenue in the action horizon up to its last purchase
-- (for a customer who stopped buying, what it used to buy)
yearly_revenue as (
    select
        orders.customer_id,
        sum(orders.order_value) as revenue,
    from orders
    inner join portfolio on portfolio.customer_id = orders.customer_id
    where orders.order_date > (portfolio.last_order_date - to_months(getvariable('opportunities_action_horizon_months')))::date
    group by all
),

-- the evidence of a customer's silence, in words: its rhythm and how long it has been quiet
described as (
    select
        portfolio.customer_id,
        portfolio.seller_id,
        portfolio.status,
        portfolio.p_alive,
        portfolio.churn_risk,
        coalesce(yearly_revenue.revenue, 0) as yearly_revenue,
        portfolio.days_since_last_order,
        case
            when portfolio.median_interval_days is not null
            then 'comprava a cada ' || round(portfolio.median_interval_days)::integer || ' dias e está há '
                || portfolio.days_since_last_order || ' dias sem comprar'
            else 'comprou uma única vez, há ' || portfolio.days_since_last_order || ' dias'
        end as silence_text,
    from portfolio
    left join yearly_revenue on yearly_revenue.customer_id = portfolio.customer_id
    where portfolio.orders > 0
),

-- retain: in the active portfolio and P(alive) medium or high risk; without a fitted model, late against its rhythm (at_risk)
retain as (
    select
        seller_id,
        customer_id,
        'retain' as action,
        case
            when p_alive is not null
            then 'Chance de seguir comprando: '
                || case when p_alive < 0.005 then 'menos de 1' else round(100 * p_alive)::integer::varchar end
                || '%; ' || silence_text
            else upper(silence_text[1]) || silence_text[2:]
        end as reason_pt,
        -- the year of revenue the customer would take away, weighted by the chance it has already left
        yearly_revenue * (1 - coalesce(p_alive, 0)) as value_at_stake,
        yearly_revenue * (1 - coalesce(p_alive, 0)) as priority_score,
    from described
    where is_active_portfolio(status)
        and (churn_risk in ('medium', 'high') or (p_alive is null and status = 'at_risk'))
),

-- reactivate: inactive or lost, not silent for too long, worth a call for what it used to buy
reactivate as (
    select
        seller_id,
        customer_id,
        'reactivate' as action,
        upper(silence_text[1]) || silence_text[2:] || '; comprou R$ '
            || replace(format('{:,}', round(yearly_revenue)::bigint), ',', '.')
            || ' nos ' || getvariable('opportunities_action_horizon_months') || ' meses até a última compra' as reason_pt,
        yearly_revenue as value_at_stake,
        yearly_revenue as priority_score,
    from described
    where status in ('inactive', 'lost')
        and days_since_last_order <= getvariable('opportunities_reactivate_max_days_silent')
),

final as (
    select * from retain where value_at_stake >= getvariable('opportunities_min_value_at_stake')
    union all
    select * from reactivate where value_at_stake >= getvariable('opportunities_min_value_at_stake')
)

select * from final
