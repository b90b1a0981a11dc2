-- one row per customer with contracts per month from the first contract month to the as-of month: MRR at month end and a month before
with

contracts as (select * from stg_contracts),

first_contracts as (
    select
        customer_id,
        date_trunc('month', min(start_date))::date as first_month,
    from contracts
    group by all
),

customer_months as (
    select
        customer_id,
        unnest(generate_series(
            first_month,
            date_trunc('month', getvariable('as_of_date')),
            interval 1 month
        ))::date as month,
    from first_contracts
),

judged_at as (
    select
        *,
        least(last_day(month), getvariable('as_of_date')) as judged_at,
    from customer_months
),

-- a contract counts in the MRR of the days from its start to its end date, whatever its status
mrr as (
    select
        judged_at.customer_id,
        judged_at.month,
        coalesce(sum(contracts.monthly_value), 0) as mrr,
    from judged_at
    left join contracts
        on contracts.customer_id = judged_at.customer_id
        and contracts.start_date <= judged_at.judged_at
        and contracts.end_date >= judged_at.judged_at
    group by all
),

final as (
    select
        customer_id,
        month,
        mrr,
        coalesce(lag(mrr) over (partition by customer_id order by month), 0) as mrr_start,
    from mrr
)

select * from final
