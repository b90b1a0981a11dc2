-- one row per scenario × peer group that some eligible customer is compared with × category its members buy: share of members buying, their median and their highest monthly spend
with

spend as (select * from int_customer_category_spend_summed where is_bought),

peer_groups as (select * from int_peer_groups_assigned),

-- only the groups suggestions are drawn from; every other group is never read
used_groups as (
    select distinct
        scenario,
        peer_group_level_number,
        peer_group_id,
        peers,
    from peer_groups
    where is_eligible
),

-- each customer's category spend counted in each of its four groups (customer × category, never customer × customer)
member_spend as (
    select
        spend.scenario,
        spend.category,
        spend.monthly_spend,
        unnest([1, 2, 3, 4]) as level,
        unnest(peer_groups.peer_group_ids) as peer_group_id,
    from spend
    inner join peer_groups
        on peer_groups.scenario = spend.scenario
        and peer_groups.customer_id = spend.customer_id
),

final as (
    select
        member_spend.scenario,
        used_groups.peer_group_id,
        member_spend.category,
        any_value(used_groups.peers) as peers,
        cast(count(*) as integer) as buyers,
        count(*) / any_value(used_groups.peers) as peer_share,
        median(member_spend.monthly_spend) as median_monthly_spend,
        -- the cap of a potential scaled to the customer's size: no projection above what the top peer buys
        max(member_spend.monthly_spend) as max_monthly_spend,
    from member_spend
    inner join used_groups
        on used_groups.scenario = member_spend.scenario
        and used_groups.peer_group_level_number = member_spend.level
        and used_groups.peer_group_id = member_spend.peer_group_id
    group by member_spend.scenario, used_groups.peer_group_id, member_spend.category
)

select * from final
