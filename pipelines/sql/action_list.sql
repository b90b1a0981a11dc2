-- one row per seller × customer × action (reactivate, retain, renew, offer), ranked within the seller by expected value
-- (retain and reactivate come from int_customers_to_win_back)
with

portfolio as (select * from int_customers_profiled),

win_back as (select * from int_customers_to_win_back),

contracts as (select * from int_contracts_renewal_checked),

suggestions as (select * from opportunities),

customer_suggestions as (select * from opportunity_customers),

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
    select *, null as upsell_gain, null as cross_sell_gain from win_back
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
