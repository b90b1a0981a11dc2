-- one row: the contracts of the renewals mart that ended before the as-of date or were canceled, by renewal outcome, and the renewal rate with and without the cancellations in its base
with

listed as (select * from renewals),

ended as (
    select *
    from listed
    where days_to_end < 0 or renewal_status = 'canceled'
),

counted as (
    select
        count(*) as ended_contracts,
        count(*) filter (where renewal_status = 'renewed') as renewed_contracts,
        count(*) filter (where renewal_status = 'not_renewed') as not_renewed_contracts,
        count(*) filter (where renewal_status = 'in_grace') as in_grace_contracts,
        count(*) filter (where renewal_status = 'canceled') as canceled_contracts,
    from ended
),

final as (
    select
        cast(ended_contracts as integer) as ended_contracts,
        cast(renewed_contracts as integer) as renewed_contracts,
        cast(not_renewed_contracts as integer) as not_renewed_contracts,
        cast(in_grace_contracts as integer) as in_grace_contracts,
        cast(canceled_contracts as integer) as canceled_contracts,
        -- decided = renewed or not renewed; contracts still in their grace days are undecided either way
        renewed_contracts / nullif(renewed_contracts + not_renewed_contracts, 0) as renewal_rate,
        renewed_contracts / nullif(renewed_contracts + not_renewed_contracts + canceled_contracts, 0) as renewal_rate_with_cancellations,
        getvariable('as_of_date') as as_of_date,
    from counted
)

select * from final
