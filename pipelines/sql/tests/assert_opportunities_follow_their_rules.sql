-- suggestions that break a rule of the opportunities mart: gain = potential − current, cross-sell only for a
-- category not bought that enough peers buy, upsell only well below the potential, a bounded size factor,
-- ranks 1..n with at most opportunities_max_suggestions per customer, customers of the active portfolio only
with

suggestions as (select * from opportunities),

statuses as (select customer_id, status from customers),

checked as (
    select
        suggestions.customer_id,
        suggestions.category,
        suggestions.kind,
        suggestions.rank,
        statuses.status,
        case
            when suggestions.gain <> suggestions.potential_value - suggestions.current_value then 'gain is not potential − current'
            when suggestions.kind = 'cross_sell' and suggestions.current_value <> 0 then 'cross-sell of a category the customer buys'
            when suggestions.kind = 'cross_sell' and suggestions.peer_share < getvariable('opportunities_min_peer_share')
                then 'cross-sell of a category too few peers buy'
            -- values are rounded to the cent after the rule was applied
            when suggestions.kind = 'upsell' and (
                suggestions.current_value <= 0
                or suggestions.current_value > getvariable('opportunities_upsell_below_share') * suggestions.potential_value + 0.01
            ) then 'upsell not well below the potential'
            when suggestions.kind not in ('upsell', 'cross_sell') then 'unknown kind'
            when suggestions.peer_share not between 0 and 1 then 'peer share outside 0-1'
            when suggestions.peer_buyers < getvariable('opportunities_min_category_buyers') then 'benchmark from too few buyers'
            when suggestions.size_factor not between getvariable('opportunities_size_factor_min') and getvariable('opportunities_size_factor_max')
                then 'size factor out of bounds'
            when suggestions.rank > getvariable('opportunities_max_suggestions') then 'more suggestions than the cap'
            when count(*) over (partition by suggestions.customer_id) <> max(suggestions.rank) over (partition by suggestions.customer_id)
                then 'ranks are not 1..n'
            when statuses.status is null or not is_active_portfolio(statuses.status)
                then 'customer outside the active portfolio'
        end as problem,
    from suggestions
    left join statuses on statuses.customer_id = suggestions.customer_id
),

final as (
    select *
    from checked
    where problem is not null
)

select * from final
