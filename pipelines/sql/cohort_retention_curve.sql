-- one row per month since acquisition (1 to 24): the retention of the latest 24 acquisition cohorts averaged over
-- the cohorts that have completed that month, weighted by their size (their buyers ÷ their customers), as the
-- Coortes page draws it; a month reached by fewer than 3 cohorts is kept but flagged (too few to average)
with

cells as (select * from cohorts where not is_partial_month),

-- the latest 24 cohorts with at least one complete month after acquisition: the ones the page's matrix shows
latest_cohorts as (
    select distinct cohort_month
    from cells
    where months_since >= 1
    order by cohort_month desc
    limit 24
),

latest_cells as (
    select cells.*
    from cells
    semi join latest_cohorts on latest_cohorts.cohort_month = cells.cohort_month
    where cells.months_since between 1 and 24 and cells.cohort_customers > 0
),

per_month as (
    select
        months_since,
        count(*) as cohorts,
        sum(cohort_customers) as cohort_customers,
        sum(customers_buying) as customers_buying,
    from latest_cells
    group by months_since
),

final as (
    select
        months_since,
        cast(cohorts as integer) as cohorts,
        cast(cohort_customers as integer) as cohort_customers,
        cast(customers_buying as integer) as customers_buying,
        100.0 * customers_buying / cohort_customers as retention_pct,
        cohorts >= 3 as has_enough_cohorts,
        (select min(cohort_month) from latest_cohorts) as first_cohort_month,
        (select max(cohort_month) from latest_cohorts) as last_cohort_month,
        getvariable('as_of_date') as as_of_date,
    from per_month
)

select * from final
