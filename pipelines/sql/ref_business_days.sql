-- one row per calendar month from January 1900 to the as-of month: its days and business days in Brazil, and how
-- many of each have passed at the as-of date (the as-of day counted as passed; every day of an earlier month).
-- Business days: Monday to Friday except the national holidays (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023:
-- Consciência Negra from 2024) and Good Friday; Carnival and Corpus Christi are optional days off (ponto
-- facultativo) and count as business days. Reference data: computed from the calendar alone
with

years as (
    select cast(unnest(range(1900, year(getvariable('as_of_date')) + 1)) as integer) as year
),

-- Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), integer arithmetic only
easter_terms as (
    select
        year,
        year % 19 as a,
        year // 100 as b,
        year % 100 as c,
    from years
),

easter_terms_2 as (
    select
        *,
        (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30 as h,
        (32 + 2 * (b % 4) + 2 * (c // 4) - ((19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30) - c % 4) % 7 as l,
    from easter_terms
),

easter_sundays as (
    select
        year,
        make_date(
            year,
            (h + l - 7 * ((a + 11 * h + 22 * l) // 451) + 114) // 31,
            (h + l - 7 * ((a + 11 * h + 22 * l) // 451) + 114) % 31 + 1
        ) as easter_sunday,
    from easter_terms_2
),

fixed_holidays as (
    select * from (values
        (1, 1), (4, 21), (5, 1), (9, 7), (10, 12), (11, 2), (11, 15), (11, 20), (12, 25)
    ) as t(holiday_month, holiday_day)
),

holidays as (
    select make_date(years.year, holiday_month, holiday_day) as day
    from years
    cross join fixed_holidays
    where not (holiday_month = 11 and holiday_day = 20 and years.year < 2024)
    union
    select cast(easter_sunday - interval 2 day as date) as day
    from easter_sundays
),

days as (
    select cast(unnest(range(date '1900-01-01', cast(last_day(getvariable('as_of_date')) + interval 1 day as date), interval 1 day)) as date) as day
),

days_classified as (
    select
        days.day,
        isodow(days.day) <= 5 and holidays.day is null as is_business_day,
        days.day <= getvariable('as_of_date') as has_passed,
    from days
    left join holidays on holidays.day = days.day
),

final as (
    select
        cast(date_trunc('month', day) as date) as month,
        cast(count(*) as integer) as calendar_days,
        cast(count(*) filter (where has_passed) as integer) as calendar_days_elapsed,
        cast(count(*) filter (where is_business_day) as integer) as business_days,
        cast(count(*) filter (where is_business_day and has_passed) as integer) as business_days_elapsed,
    from days_classified
    group by all
)

select * from final
