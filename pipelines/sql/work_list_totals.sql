-- one row per owning seller × action of the action list (seller_id NULL = customers without an owner), plus one row
-- per seller with all of its actions (action NULL): how many actions and their value at stake, as each seller page's
-- work list states them; the seller's total is a row of its own (grouping sets), not left to be summed
with

actions as (select * from action_list),

final as (
    select
        seller_id,
        action,
        count(*)::integer as actions,
        -- each value at stake is the action list's, already rounded to the centavo
        cast(sum(value_at_stake) as decimal(18, 2)) as value_at_stake,
        getvariable('as_of_date') as as_of_date,
    from actions
    group by grouping sets ((seller_id, action), (seller_id))
)

select * from final
