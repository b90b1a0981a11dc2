-- one row per period (month, quarter, half year, year) per month it covers, from the first order month to the as-of month
with

orders as (select * from stg_orders),

bounds as (
    select
        coalesce(min(order_month), date_trunc('month', getvariable('as_of_date'))::date) as first_month,
        date_trunc('month', getvariable('as_of_date'))::date as last_month,
    from orders
),

months as (
    select
        unnest(generate_series(first_month, last_month, interval 1 month))::date as month,
    from bounds
),

period_starts as (
    select 'month' as period_type, month as period_start, month from months
    union all
    select 'quarter', date_trunc('quarter', month)::date, month from months
    union all
    select
        'half_year',
        make_date(year(month), case when month(month) <= 6 then 1 else 7 end, 1),
        month,
    from months
    union all
    select 'year', date_trunc('year', month)::date, month from months
),

with_period_end as (
    select
        *,
        (period_start + case period_type
            when 'month' then interval 1 month
            when 'quarter' then interval 3 month
            when 'half_year' then interval 6 month
            else interval 12 month
        end)::date - 1 as period_end,
    from period_starts
),

final as (
    select
        period_type,
        period_start,
        period_end,
        month,
        -- measures of a period are judged at its end, or at the as-of date while it is running
        least(period_end, getvariable('as_of_date')) as judged_at,
        getvariable('as_of_date') < period_end as is_partial_period,
        month = min(month) over period as is_first_month,
        month = max(month) over period as is_last_month,
        count(*) over period as months_covered,
    from with_period_end
    window period as (partition by period_type, period_start)
)

select * from final
