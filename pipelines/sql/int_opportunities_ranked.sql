-- one row per scenario (current, holdout) × eligible customer × category suggested (upsell or cross-sell), the best opportunities_max_suggestions per customer
with

spend as (select * from int_customer_category_spend_summed where is_bought),

peer_groups as (select * from int_peer_groups_assigned where is_eligible),

-- a median from fewer buyers than opportunities_min_category_buyers is no benchmark
benchmarks as (
    select *
    from int_category_benchmarks_computed
    where buyers >= getvariable('opportunities_min_category_buyers')
),

-- each benchmark category of the customer's peer group: an upsell candidate where the customer bought it in
-- the window, a cross-sell where it did not and at least opportunities_min_peer_share of the peers buy it
candidates as (
    select
        peer_groups.scenario,
        peer_groups.scenario_as_of_date,
        peer_groups.customer_id,
        peer_groups.seller_id,
        peer_groups.company_size,
        peer_groups.is_same_porte,
        peer_groups.peer_group_level,
        peer_groups.peers,
        peer_groups.size_factor,
        benchmarks.category,
        benchmarks.buyers,
        benchmarks.peer_share,
        benchmarks.median_monthly_spend,
        benchmarks.max_monthly_spend,
        case when spend.customer_id is null then 'cross_sell' else 'upsell' end as kind,
        coalesce(spend.monthly_spend, 0) as current_value,
    from peer_groups
    inner join benchmarks
        on benchmarks.scenario = peer_groups.scenario
        and benchmarks.peer_group_id = peer_groups.peer_group_id
    left join spend
        on spend.scenario = peer_groups.scenario
        and spend.customer_id = peer_groups.customer_id
        and spend.category = benchmarks.category
    where spend.customer_id is not null
        or benchmarks.peer_share >= getvariable('opportunities_min_peer_share')
),

-- potential: the peers' median among those who buy the category. Peers of the same porte buy at the customer's
-- scale, so their median stands as is (same_porte); otherwise it is scaled to the customer's size and never
-- above what the top peer of the group buys in the category (size_factor, or capped_at_top_peer when the cap bit)
valued as (
    select
        *,
        case
            when is_same_porte then median_monthly_spend
            else least(median_monthly_spend * size_factor, max_monthly_spend)
        end as potential_value,
        case
            when is_same_porte then 'same_porte'
            when median_monthly_spend * size_factor > max_monthly_spend then 'capped_at_top_peer'
            else 'size_factor'
        end as potential_rule,
    from candidates
),

-- upsell only where the customer buys well below its potential
suggested as (
    select
        *,
        potential_value - current_value as gain,
        -- expected gain: the gain weighted by the share of peers buying the category, a proxy of the chance it happens
        (potential_value - current_value) * peer_share as expected_gain,
    from valued
    where kind = 'cross_sell'
        or current_value < getvariable('opportunities_upsell_below_share') * potential_value
),

ranked as (
    select
        *,
        row_number() over (
            partition by scenario, customer_id
            order by expected_gain desc, gain desc, category
        ) as rank,
    from suggested
),

final as (
    select
        scenario,
        scenario_as_of_date,
        customer_id,
        seller_id,
        kind,
        category,
        cast(current_value as decimal(18, 2)) as current_value,
        cast(potential_value as decimal(18, 2)) as potential_value,
        -- from the rounded values, so that gain = potential − current holds to the cent and expected_gain ≤ gain
        cast(potential_value as decimal(18, 2)) - cast(current_value as decimal(18, 2)) as gain,
        cast((cast(potential_value as decimal(18, 2)) - cast(current_value as decimal(18, 2))) * peer_share as decimal(18, 2)) as expected_gain,
        peer_share,
        cast(buyers as integer) as peer_buyers,
        company_size,
        potential_rule,
        peer_group_level,
        peers,
        size_factor,
        cast(median_monthly_spend as decimal(18, 2)) as peer_median_monthly_spend,
        cast(max_monthly_spend as decimal(18, 2)) as peer_max_monthly_spend,
        cast(rank as integer) as rank,
    from ranked
    where rank <= getvariable('opportunities_max_suggestions')
)

select * from final
