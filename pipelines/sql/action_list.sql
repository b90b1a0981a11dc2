-- one row per seller × customer × action (reactivate, retain, renew, offer), ranked within the seller by expected value
with

portfolio as (select * from customers),

orders as (select * from int_orders_valued where is_invoiced),

contracts as (select * from int_contracts_renewal_checked),

suggestions as (select * from opportunities),

customer_suggestions as (select * from opportunity_customers),

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

-- renew: live contracts ending within the renewal horizon, or ended within the grace days, not renewed yet
contracts_due as (
    select
        customer_id,
        count(*) as contracts,
        sum(monthly_value) as monthly_value,
        cast(min(end_date) - getvariable('as_of_date') as integer) as days_to_first_end,
    from contracts
    where status <> 'canceled'
        and not renewed
        and end_date between getvariable('as_of_date') - getvariable('windows_renewal_grace_days')
            and getvariable('as_of_date') + getvariable('windows_renewal_horizon_days')
    group by all
),

renew as (
    select
        portfolio.seller_id,
        contracts_due.customer_id,
        'renew' as action,
        case when contracts_due.contracts = 1 then 'Contrato ' else contracts_due.contracts || ' contratos a renovar; o primeiro ' end
            || case
                when contracts_due.days_to_first_end > 1 then 'termina em ' || contracts_due.days_to_first_end || ' dias'
                when contracts_due.days_to_first_end = 1 then 'termina amanhã'
                when contracts_due.days_to_first_end = 0 then 'termina hoje'
                when contracts_due.days_to_first_end = -1 then 'terminou ontem, em carência'
                else 'terminou há ' || -contracts_due.days_to_first_end || ' dias, em carência'
            end
            || ': R$ ' || replace(format('{:,}', round(contracts_due.monthly_value)::bigint), ',', '.') || '/mês' as reason_pt,
        getvariable('opportunities_action_horizon_months') * contracts_due.monthly_value as value_at_stake,
        getvariable('opportunities_action_horizon_months') * contracts_due.monthly_value as priority_score,
    from contracts_due
    left join portfolio on portfolio.customer_id = contracts_due.customer_id
),

-- offer: the customer's best suggestion, its priority weighting the gain by the share of peers buying the category;
-- the reason opens with what all the customer's suggestions add up to, upsell and cross-sell apart
offer as (
    select
        suggestions.seller_id,
        suggestions.customer_id,
        'offer' as action,
        case
            when customer_suggestions.suggestions = 1 then suggestions.reason_pt
            else 'Potencial de R$ ' || replace(format('{:,}', round(customer_suggestions.gain)::bigint), ',', '.') || '/mês em '
                || customer_suggestions.suggestions || ' sugestões ('
                || concat_ws(', ',
                    case when customer_suggestions.upsell_suggestions > 0
                        then 'upsell +R$ ' || replace(format('{:,}', round(customer_suggestions.upsell_gain)::bigint), ',', '.') end,
                    case when customer_suggestions.cross_sell_suggestions > 0
                        then 'cross-sell +R$ ' || replace(format('{:,}', round(customer_suggestions.cross_sell_gain)::bigint), ',', '.') end)
                || '). Principal: ' || lower(suggestions.reason_pt[1]) || suggestions.reason_pt[2:]
        end as reason_pt,
        getvariable('opportunities_action_horizon_months') * suggestions.gain as value_at_stake,
        getvariable('opportunities_action_horizon_months') * suggestions.expected_gain as priority_score,
        customer_suggestions.upsell_gain,
        customer_suggestions.cross_sell_gain,
    from suggestions
    inner join customer_suggestions on customer_suggestions.customer_id = suggestions.customer_id
    where suggestions.rank = 1
),

-- only offers carry the customer's suggestion totals
all_actions as (
    select *, null as upsell_gain, null as cross_sell_gain from retain where value_at_stake >= getvariable('opportunities_min_value_at_stake')
    union all
    select *, null as upsell_gain, null as cross_sell_gain from reactivate where value_at_stake >= getvariable('opportunities_min_value_at_stake')
    union all
    select *, null as upsell_gain, null as cross_sell_gain from renew
    union all
    select * from offer where value_at_stake >= getvariable('opportunities_min_value_at_stake')
),

final as (
    select
        seller_id,
        customer_id,
        action,
        reason_pt,
        cast(value_at_stake as decimal(18, 2)) as value_at_stake,
        cast(priority_score as decimal(18, 2)) as priority_score,
        cast(upsell_gain as decimal(18, 2)) as upsell_gain,
        cast(cross_sell_gain as decimal(18, 2)) as cross_sell_gain,
        cast(row_number() over (
            partition by seller_id
            order by priority_score desc, customer_id, action
        ) as integer) as rank,
        getvariable('as_of_date') as as_of_date,
    from all_actions
)

select * from final
