-- one row per seller per month, for the sellers with a target in the year of that month up to it: their targets summed
-- from January to the month (year to date). Each kind sums only the months that have that kind of target (a month
-- without a revenue target adds neither revenue nor target); coverage, a ratio, is not summed: the months it met its
-- target are counted. Ranked in each month by revenue attainment (ties share a rank)
with

attainment as (select * from target_attainment),

months as (select distinct month from sellers_monthly),

-- every target month of the seller's year up to each month: a seller with a target in January keeps a row in March
months_to_date as (
    select
        months.month,
        attainment.seller_id,
        attainment.revenue,
        attainment.revenue_target,
        attainment.new_customers,
        attainment.new_customers_target,
        attainment.coverage_pct,
        attainment.coverage_target_pct,
        attainment.coverage_target_met,
    from months
    inner join attainment
        on year(attainment.month) = year(months.month)
        and attainment.month <= months.month
),

summed as (
    select
        month,
        seller_id,
        count(*) as target_months,
        coalesce(sum(revenue) filter (where revenue_target is not null), 0) as revenue,
        sum(revenue_target) as revenue_target,
        coalesce(sum(new_customers) filter (where new_customers_target is not null), 0) as new_customers,
        sum(new_customers_target) as new_customers_target,
        -- the months whose coverage could be judged against a target (is_target_met not NULL), and those that met it
        count(coverage_target_met) as coverage_months,
        count(*) filter (where coverage_target_met) as coverage_months_met,
    from months_to_date
    group by month, seller_id
),

attained as (
    select
        *,
        100.0 * revenue / nullif(revenue_target, 0) as revenue_attainment_pct,
        100.0 * new_customers / nullif(new_customers_target, 0) as new_customers_attainment_pct,
    from summed
),

final as (
    select
        seller_id,
        month,
        cast(target_months as integer) as target_months,
        cast(revenue as decimal(18, 2)) as revenue,
        cast(revenue_target as decimal(18, 2)) as revenue_target,
        revenue_attainment_pct,
        case
            when revenue_attainment_pct is not null
            then cast(rank() over (partition by month, revenue_attainment_pct is null order by revenue_attainment_pct desc) as integer)
        end as revenue_attainment_rank,
        cast(new_customers as integer) as new_customers,
        cast(new_customers_target as integer) as new_customers_target,
        new_customers_attainment_pct,
        cast(coverage_months_met as integer) as coverage_months_met,
        cast(coverage_months as integer) as coverage_months,
        getvariable('as_of_date') as as_of_date,
    from attained
)

select * from final
