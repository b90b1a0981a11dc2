-- one row per seller per month with at least one target in the targets export
-- The actuals and the revenue attainment come from sellers_monthly (not recomputed here); this mart adds the
-- attainment of the other target kinds, how many targets were met, and the rank by revenue attainment
with

seller_months as (select * from sellers_monthly),

calendar as (select * from ref_business_days),

targeted as (
    select *
    from seller_months
    where seller_id is not null
        and (revenue_target is not null or coverage_target_pct is not null or new_customers_target is not null)
),

attainment as (
    select
        *,
        coverage_pct / nullif(coverage_target_pct, 0) * 100 as coverage_attainment_pct,
        100.0 * new_customers / nullif(new_customers_target, 0) as new_customers_attainment_pct,
    from targeted
),

ranked as (
    select
        *,
        -- sellers_monthly says whether each target was met (is_target_met); a kind without a target, with a target of
        -- zero (not set) or a coverage without a portfolio (set, not met) counts as not met
        coalesce(revenue_target_met::integer, 0) + coalesce(coverage_target_met::integer, 0)
            + coalesce(new_customers_target_met::integer, 0) as targets_met,
        coalesce((revenue_target > 0)::integer, 0) + coalesce((coverage_target_pct > 0)::integer, 0)
            + coalesce((new_customers_target > 0)::integer, 0) as targets_set,
        case when target_pct is not null then
            rank() over (
                partition by month, target_pct is null
                order by target_pct desc
            )
        end as revenue_attainment_rank,
        count(target_pct) over (partition by month) as ranked_sellers,
        count(*) filter (where revenue_target_met) over (partition by month) as sellers_met_revenue_target,
    from attainment
),

final as (
    select
        seller_id,
        team,
        month,
        is_partial_month,
        revenue,
        revenue_target,
        target_pct as revenue_attainment_pct,
        case
            when is_partial_month
            then 100.0 * revenue / nullif(calendar.business_days_elapsed, 0) * calendar.business_days / nullif(revenue_target, 0)
        end as projected_revenue_attainment_pct,
        cast(revenue_attainment_rank as integer) as revenue_attainment_rank,
        cast(ranked_sellers as integer) as ranked_sellers,
        cast(sellers_met_revenue_target as integer) as sellers_met_revenue_target,
        coverage_pct,
        coverage_target_pct,
        coverage_attainment_pct,
        new_customers,
        new_customers_target,
        new_customers_attainment_pct,
        revenue_target_met,
        coverage_target_met,
        new_customers_target_met,
        cast(targets_met as integer) as targets_met,
        cast(targets_set as integer) as targets_set,
        getvariable('as_of_date') as as_of_date,
    from ranked
    inner join calendar using (month)
)

select * from final
