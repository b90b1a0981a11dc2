-- one row per measure of the balance between sellers: its spread across the sellers able to take customers, today and after the reassignment proposal
--
-- Spread statistics over the eligible rows of portfolio_balance as published (orphaned portfolios are not a seller):
-- coefficient of variation = population standard deviation ÷ mean; Gini = Σ (2i − n − 1)·x_i ÷ (n·Σx)
-- with x sorted ascending (0 = every seller alike, towards 1 = one seller holds everything). A measure
-- with a zero or unknown total (potential without a fitted CLV model) has NULL statistics.
with

balance as (select * from portfolio_balance),

eligible as (select * from balance where is_eligible),

measured as (
    select 1 as measure_order, 'customers' as measure, customers::double as value_before, customers_after::double as value_after from eligible
    union all
    select 2, 'active_portfolio_customers', active_portfolio_customers::double, active_portfolio_customers_after::double from eligible
    union all
    select 3, 'window_revenue', window_revenue::double, window_revenue_after::double from eligible
    union all
    select 4, 'potential', potential::double, potential_after::double from eligible
    union all
    select 5, 'at_risk_value', at_risk_value::double, at_risk_value_after::double from eligible
    union all
    select 6, 'workload', workload::double, workload_after::double from eligible
),

ranked as (
    select
        *,
        count(*) over (partition by measure) as sellers,
        row_number() over (partition by measure order by value_before, value_after) as rank_before,
        row_number() over (partition by measure order by value_after, value_before) as rank_after,
    from measured
),

final as (
    select
        measure,
        any_value(measure_order)::integer as measure_order,
        count(*)::integer as sellers,
        round(avg(value_before), 4) as mean_before,
        round(stddev_pop(value_before) / nullif(avg(value_before), 0), 4) as cv_before,
        round(sum((2 * rank_before - sellers - 1) * value_before) / nullif(any_value(sellers) * sum(value_before), 0), 4) as gini_before,
        round(avg(value_after), 4) as mean_after,
        round(stddev_pop(value_after) / nullif(avg(value_after), 0), 4) as cv_after,
        round(sum((2 * rank_after - sellers - 1) * value_after) / nullif(any_value(sellers) * sum(value_after), 0), 4) as gini_after,
        getvariable('as_of_date') as as_of_date,
    from ranked
    group by measure
)

select * from final
