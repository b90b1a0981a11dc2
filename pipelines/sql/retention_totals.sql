-- one row per breakdown of the customers to retain (the retain rows of the action list): per owning seller, per UF
-- and all of them (column breakdown says which), each with its customers and value at stake, as the Risco de churn
-- page states them; per seller and per UF are rows of their own (grouping sets), not left to be summed
with

to_retain as (select * from int_customers_to_win_back where action = 'retain'),

profiles as (select customer_id, state from int_customers_profiled),

retained as (
    select
        to_retain.seller_id,
        profiles.state,
        to_retain.customer_id,
        -- rounded to the centavo first, as the action list publishes each value at stake
        cast(to_retain.value_at_stake as decimal(18, 2)) as value_at_stake,
    from to_retain
    left join profiles on profiles.customer_id = to_retain.customer_id
),

final as (
    select
        case grouping(seller_id, state)
            when 1 then 'seller'
            when 2 then 'state'
            else 'all'
        end as breakdown,
        seller_id,
        state,
        count(*)::integer as customers,
        cast(coalesce(sum(value_at_stake), 0) as decimal(18, 2)) as value_at_stake,
        getvariable('as_of_date') as as_of_date,
    from retained
    group by grouping sets ((seller_id), (state), ())
)

select * from final
