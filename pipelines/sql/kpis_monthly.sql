-- one row per month, from the first order month to the as-of month
with

period_kpis as (select * from int_period_kpis_computed where period_type = 'month'),

customer_months as (select * from int_customer_status_monthly),

seller_months as (select * from sellers_monthly),

calendar as (select * from ref_business_days),

-- 12-month churn, cohort style: of the customers in the active portfolio at the start of the trailing 12 months
-- (the start of month m − 11), those out of it at the end of month m. A customer's months are contiguous from its
-- first purchase month, so 11 rows back is 11 months back; a customer without that row was still a prospect then.
-- One who left and came back within the 12 months counts as kept, as in the year row of kpis_periods.
customers_a_year_on as (
    select
        month,
        lag(was_in_active_portfolio, 11) over (partition by customer_id order by month) as was_active_a_year_before,
        is_in_active_portfolio,
    from customer_months
),

churn_12m as (
    select
        month,
        count(*) filter (where was_active_a_year_before) as active_start_12m,
        count(*) filter (where was_active_a_year_before and not is_in_active_portfolio) as churned_12m,
    from customers_a_year_on
    group by all
),

-- trailing 12 months ending with each month; spend counts only when every one of the 12 months has it
trailing_12m as (
    select
        period_start as month,
        count(*) over last_12_months as months_in_window,
        sum(new_customers) over last_12_months as new_customers_12m,
        case when count(marketing_spend) over last_12_months = 12 then sum(marketing_spend) over last_12_months end as marketing_spend_12m,
    from period_kpis
    window last_12_months as (order by period_start rows between 11 preceding and current row)
),

-- the sellers' revenue targets of each month, against the revenue of those same sellers (sellers without a target left out)
targets as (
    select
        month,
        sum(revenue) filter (where revenue_target is not null) as revenue_with_target,
        sum(revenue_target) as revenue_target,
        count(revenue_target) as sellers_with_target,
        count(distinct seller_id) filter (where revenue_target is null) as sellers_without_target,
        sum(new_customers) filter (where new_customers_target is not null) as new_customers_with_target,
        sum(new_customers_target) as new_customers_target,
    from seller_months
    group by all
),

-- year to date: January to each month; the year target sums every month of the calendar year
targets_to_date as (
    select
        month,
        sum(revenue_with_target) over year_to_date as ytd_revenue_with_target,
        sum(revenue_target) over year_to_date as ytd_revenue_target,
        sum(revenue_target) over whole_year as year_revenue_target,
        sum(new_customers_with_target) over year_to_date as ytd_new_customers_with_target,
        sum(new_customers_target) over year_to_date as ytd_new_customers_target,
    from targets
    window
        year_to_date as (partition by year(month) order by month rows between unbounded preceding and current row),
        whole_year as (partition by year(month))
),

-- ticket médio against the month before and the same month a year before (both complete: only the as-of month can
-- run); changes of the rounded tickets, as the page shows them
ticket_changes as (
    select
        this_month.period_start as month,
        (cast(this_month.avg_ticket as double) - month_before.avg_ticket) / nullif(month_before.avg_ticket, 0) as avg_ticket_change_prev_month,
        (cast(this_month.avg_ticket as double) - year_before.avg_ticket) / nullif(year_before.avg_ticket, 0) as avg_ticket_change_year_ago,
    from period_kpis as this_month
    left join period_kpis as month_before on month_before.period_start = cast(this_month.period_start - interval 1 month as date)
    left join period_kpis as year_before on year_before.period_start = cast(this_month.period_start - interval 12 month as date)
    where not this_month.is_partial_period
),

-- the pace of each month per business day passed, and the close of the running month projected from it (by
-- calendar days before its first business day)
pace as (
    select
        period_kpis.period_start as month,
        calendar.calendar_days,
        calendar.calendar_days_elapsed,
        calendar.business_days,
        calendar.business_days_elapsed,
        period_kpis.revenue / nullif(calendar.business_days_elapsed, 0) as revenue_per_business_day,
        period_kpis.revenue / nullif(calendar.calendar_days_elapsed, 0) * calendar.calendar_days as projected_by_calendar_days,
        coalesce(
            period_kpis.revenue / nullif(calendar.business_days_elapsed, 0) * calendar.business_days,
            period_kpis.revenue / nullif(calendar.calendar_days_elapsed, 0) * calendar.calendar_days
        ) as projected,
    from period_kpis
    inner join calendar on calendar.month = period_kpis.period_start
),

revenue_to_date as (
    select
        period_start as month,
        sum(revenue) over (partition by year(period_start) order by period_start rows between unbounded preceding and current row) as ytd_revenue,
    from period_kpis
),

final as (
    select
        period_kpis.period_start as month,
        is_partial_period as is_partial_month,
        revenue,
        gross_margin,
        orders,
        avg_ticket,
        active_end as active_customers,
        buying_customers,
        portfolio_customers,
        portfolio_buying_customers,
        coverage_pct,
        active_start,
        churned,
        churn_rate,
        retention_rate,
        ltv,
        new_customers,
        reactivated,
        at_risk_end as at_risk_customers,
        marketing_spend,
        cac,
        ltv_cac,
        leads_won,
        leads_closed,
        conversion_rate,
        top20_revenue_share,
        canceled_orders,
        canceled_value,
        returned_orders,
        returned_value,
        ticket_changes.avg_ticket_change_prev_month,
        ticket_changes.avg_ticket_change_year_ago,
        pace.calendar_days,
        pace.calendar_days_elapsed,
        pace.business_days,
        pace.business_days_elapsed,
        100.0 * pace.business_days_elapsed / nullif(pace.business_days, 0) as business_days_elapsed_pct,
        cast(pace.revenue_per_business_day as decimal(18, 2)) as revenue_per_business_day,
        case when is_partial_period then cast(pace.projected as decimal(18, 2)) end as projected_revenue,
        case when is_partial_period then cast(pace.projected_by_calendar_days as decimal(18, 2)) end as projected_revenue_calendar_days,
        case when is_partial_period then pace.projected / nullif(targets.revenue_target, 0) end as projected_target_share,
        case when trailing_12m.months_in_window = 12 then cast(coalesce(churn_12m.active_start_12m, 0) as integer) end as active_start_12m,
        case when trailing_12m.months_in_window = 12 then cast(coalesce(churn_12m.churned_12m, 0) as integer) end as churned_12m,
        case when trailing_12m.months_in_window = 12 then churn_12m.churned_12m / nullif(churn_12m.active_start_12m, 0) end as churn_rate_12m,
        case when trailing_12m.months_in_window = 12 then cast(trailing_12m.new_customers_12m as integer) end as new_customers_12m,
        case when trailing_12m.months_in_window = 12 then cast(trailing_12m.marketing_spend_12m as decimal(18, 2)) end as marketing_spend_12m,
        case
            when trailing_12m.months_in_window = 12
            then cast(trailing_12m.marketing_spend_12m / nullif(trailing_12m.new_customers_12m, 0) as decimal(18, 2))
        end as cac_12m,
        cast(targets.revenue_with_target as decimal(18, 2)) as revenue_with_target,
        cast(targets.revenue_target as decimal(18, 2)) as revenue_target,
        100.0 * targets.revenue_with_target / nullif(targets.revenue_target, 0) as target_pct,
        is_target_met(cast(targets.revenue_with_target as decimal(18, 2)), cast(targets.revenue_target as decimal(18, 2)))
            as revenue_target_met,
        cast(coalesce(targets.sellers_with_target, 0) as integer) as sellers_with_target,
        cast(coalesce(targets.sellers_without_target, 0) as integer) as sellers_without_target,
        cast(revenue_to_date.ytd_revenue as decimal(18, 2)) as ytd_revenue,
        cast(targets_to_date.ytd_revenue_with_target as decimal(18, 2)) as ytd_revenue_with_target,
        cast(targets_to_date.ytd_revenue_target as decimal(18, 2)) as ytd_revenue_target,
        100.0 * targets_to_date.ytd_revenue_with_target / nullif(targets_to_date.ytd_revenue_target, 0) as ytd_target_pct,
        cast(targets_to_date.ytd_revenue_with_target - targets_to_date.ytd_revenue_target as decimal(18, 2)) as ytd_target_gap,
        cast(targets_to_date.year_revenue_target as decimal(18, 2)) as year_revenue_target,
        cast(targets.new_customers_with_target as integer) as new_customers_with_target,
        cast(targets.new_customers_target as integer) as new_customers_target,
        cast(targets_to_date.ytd_new_customers_with_target as integer) as ytd_new_customers_with_target,
        cast(targets_to_date.ytd_new_customers_target as integer) as ytd_new_customers_target,
        100.0 * targets_to_date.ytd_new_customers_with_target / nullif(targets_to_date.ytd_new_customers_target, 0) as ytd_new_customers_target_pct,
        getvariable('as_of_date') as as_of_date,
    from period_kpis
    inner join trailing_12m on trailing_12m.month = period_kpis.period_start
    inner join revenue_to_date on revenue_to_date.month = period_kpis.period_start
    left join churn_12m on churn_12m.month = period_kpis.period_start
    inner join pace on pace.month = period_kpis.period_start
    left join ticket_changes on ticket_changes.month = period_kpis.period_start
    left join targets on targets.month = period_kpis.period_start
    left join targets_to_date on targets_to_date.month = period_kpis.period_start
)

select * from final
