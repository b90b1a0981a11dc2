-- one row per scenario (current, holdout) × customer with category spend in the scenario's window: its porte or size band, peer group and whether it gets suggestions
with

spend as (select * from int_customer_category_spend_summed where is_bought),

profiles as (select customer_id, segment, region, seller_id, company_size from int_customers_unified),

statuses as (select customer_id, month, status from int_customer_status_monthly),

customer_spend as (
    select
        scenario,
        scenario_as_of_date,
        customer_id,
        -- exact decimal sum first, then one division: a sum of doubles depends on the order threads add them in
        sum(window_revenue) / max(observed_months) as monthly_spend,
        count(*) as categories_bought,
        list(category) as bought_categories,
    from spend
    group by all
),

-- size band: quantile of monthly spend within the segment (1 = smallest), ties split by customer code. Only for
-- customers without a porte in the customers export: a customer with one is compared with companies of its porte
tiered as (
    select
        customer_spend.*,
        profiles.seller_id,
        profiles.company_size,
        coalesce(profiles.segment, '(sem segmento)') as segment_key,
        coalesce(profiles.region, '(sem região)') as region_key,
        case when profiles.company_size is null then ntile(getvariable('opportunities_revenue_tiers')) over (
            partition by customer_spend.scenario, coalesce(profiles.segment, '(sem segmento)'), profiles.company_size is null
            order by customer_spend.monthly_spend, customer_spend.customer_id
        ) end as revenue_tier,
    from customer_spend
    left join profiles on profiles.customer_id = customer_spend.customer_id
),

-- every customer belongs to one group per level, from the narrowest (1) to everyone (4). With a porte, a group
-- widens by dropping the region, then the segment, and keeps the porte up to level 3: a small company is compared
-- with small companies as long as any group can; only everyone (4) mixes portes. Without one, the size band
-- (a number) stands where the porte would (a label), so the two kinds of groups never share a member below level 4
grouped as (
    select
        *,
        case
            when company_size is not null then [
                segment_key || ' | ' || company_size || ' | ' || region_key,
                segment_key || ' | ' || company_size || ' | *',
                '* | ' || company_size || ' | *',
                '* | * | *'
            ]
            else [
                segment_key || ' | ' || revenue_tier || ' | ' || region_key,
                segment_key || ' | ' || revenue_tier || ' | *',
                segment_key || ' | * | *',
                '* | * | *'
            ]
        end as peer_group_ids,
    from tiered
),

memberships as (
    select
        scenario,
        customer_id,
        monthly_spend,
        generate_subscripts(peer_group_ids, 1) as level,
        unnest(peer_group_ids) as peer_group_id,
    from grouped
),

group_sizes as (
    select
        scenario,
        level,
        peer_group_id,
        count(*) as peers,
        median(monthly_spend) as peer_median_monthly_spend,
    from memberships
    group by all
),

-- the narrowest group with enough peers; everyone when none has
chosen_groups as (
    select
        memberships.scenario,
        memberships.customer_id,
        arg_min(
            {
                'level': memberships.level,
                'peer_group_id': memberships.peer_group_id,
                'peers': group_sizes.peers,
                'peer_median_monthly_spend': group_sizes.peer_median_monthly_spend
            },
            memberships.level
        ) as chosen,
    from memberships
    inner join group_sizes
        on group_sizes.scenario = memberships.scenario
        and group_sizes.level = memberships.level
        and group_sizes.peer_group_id = memberships.peer_group_id
    where group_sizes.peers >= getvariable('opportunities_min_peers') or memberships.level = 4
    group by all
),

-- suggestions go to the active portfolio (new, active, at_risk, reactivated) at the scenario's date: the status of the
-- last month judged on or before it (the as-of month is judged on the as-of date, earlier months on their last day),
-- so nothing after the holdout date leaks in
status_months as (
    select distinct
        scenario,
        case
            when scenario_as_of_date = getvariable('as_of_date') or scenario_as_of_date = last_day(scenario_as_of_date)
            then date_trunc('month', scenario_as_of_date)
            else date_trunc('month', scenario_as_of_date) - interval 1 month
        end::date as month,
    from customer_spend
),

eligible as (
    select
        status_months.scenario,
        statuses.customer_id,
        statuses.status,
    from statuses
    inner join status_months on status_months.month = statuses.month
),

final as (
    select
        grouped.scenario,
        grouped.scenario_as_of_date,
        grouped.customer_id,
        grouped.seller_id,
        grouped.segment_key,
        grouped.region_key,
        grouped.company_size,
        cast(grouped.revenue_tier as integer) as revenue_tier,
        grouped.monthly_spend,
        cast(grouped.categories_bought as integer) as categories_bought,
        grouped.bought_categories,
        grouped.peer_group_ids,
        cast(chosen_groups.chosen.level as integer) as peer_group_level_number,
        case
            when chosen_groups.chosen.level = 4 then 'all'
            when grouped.company_size is not null then
                case chosen_groups.chosen.level when 1 then 'segment_porte_region' when 2 then 'segment_porte' else 'porte' end
            else
                case chosen_groups.chosen.level when 1 then 'segment_tier_region' when 2 then 'segment_tier' else 'segment' end
        end as peer_group_level,
        -- peers of the same porte buy at the customer's scale: no size factor. Everyone else (no porte, or a porte
        -- whose groups were all too small) is scaled, and its potential capped at the top peer (int_opportunities_ranked)
        grouped.company_size is not null and chosen_groups.chosen.level < 4 as is_same_porte,
        chosen_groups.chosen.peer_group_id as peer_group_id,
        cast(chosen_groups.chosen.peers as integer) as peers,
        chosen_groups.chosen.peer_median_monthly_spend as peer_median_monthly_spend,
        -- size factor: how much larger than the peers' median the customer buys, bounded; 1 among peers of the same porte
        case when grouped.company_size is not null and chosen_groups.chosen.level < 4 then 1.0 else least(
            greatest(
                grouped.monthly_spend / nullif(chosen_groups.chosen.peer_median_monthly_spend, 0),
                getvariable('opportunities_size_factor_min')
            ),
            getvariable('opportunities_size_factor_max')
        ) end as size_factor,
        eligible.status,
        coalesce(is_active_portfolio(eligible.status), false) as is_eligible,
    from grouped
    inner join chosen_groups
        on chosen_groups.scenario = grouped.scenario
        and chosen_groups.customer_id = grouped.customer_id
    left join eligible
        on eligible.scenario = grouped.scenario
        and eligible.customer_id = grouped.customer_id
)

select * from final
