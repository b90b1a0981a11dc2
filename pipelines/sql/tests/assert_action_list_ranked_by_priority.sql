-- action_list rows that break its rules: one row per seller × customer × action, ranks 1..n per seller in
-- descending priority, the minimum value at stake for retain, reactivate and offer, priority never above the value
with

actions as (select * from action_list),

checked as (
    select
        seller_id,
        customer_id,
        action,
        rank,
        value_at_stake,
        priority_score,
        count(*) over (partition by seller_id, customer_id, action) as duplicates,
        row_number() over (partition by seller_id order by rank) as expected_rank,
        lag(priority_score) over (partition by seller_id order by rank) as previous_priority,
    from actions
),

final as (
    select *
    from checked
    where action not in ('retain', 'reactivate', 'renew', 'offer')
        or duplicates > 1
        or rank <> expected_rank
        or priority_score > previous_priority
        or priority_score > value_at_stake
        or (action <> 'renew' and value_at_stake < getvariable('opportunities_min_value_at_stake'))
)

select * from final
