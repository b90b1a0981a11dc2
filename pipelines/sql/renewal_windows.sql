-- one row per 30-day window of days to the end (0-30, 31-60, 61-90) per outcome so far (due, renewed) of the contracts
-- of renewals ending on or after the as-of date and not canceled, plus one row per outcome over all of them
-- (from_day NULL: every such contract up to the renewal horizon)
with

listed as (select * from renewals),

windows as (select * from (values (0, 30), (31, 60), (61, 90)) as t(from_day, to_day)),

outcomes as (select * from (values ('due'), ('renewed')) as t(renewal_status)),

upcoming as (
    select *
    from listed
    where days_to_end >= 0 and renewal_status in ('due', 'renewed')
),

by_window as (
    select
        windows.from_day,
        windows.to_day,
        outcomes.renewal_status,
        count(upcoming.contract_id) as contracts,
        sum(upcoming.monthly_value) as monthly_value,
    from windows
    cross join outcomes
    left join upcoming
        on upcoming.renewal_status = outcomes.renewal_status
        and upcoming.days_to_end between windows.from_day and windows.to_day
    group by all
),

overall as (
    select
        null::integer as from_day,
        null::integer as to_day,
        outcomes.renewal_status,
        count(upcoming.contract_id) as contracts,
        sum(upcoming.monthly_value) as monthly_value,
    from outcomes
    left join upcoming on upcoming.renewal_status = outcomes.renewal_status
    group by all
),

stacked as (
    select * from by_window
    union all
    select * from overall
),

final as (
    select
        from_day::integer as from_day,
        to_day::integer as to_day,
        renewal_status,
        cast(contracts as integer) as contracts,
        cast(coalesce(monthly_value, 0) as decimal(18, 2)) as monthly_value,
        getvariable('as_of_date') as as_of_date,
    from stacked
)

select * from final
