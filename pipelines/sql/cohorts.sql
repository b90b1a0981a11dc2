-- one row per acquisition month × months since the first invoiced order (0 = the acquisition month)
with

customer_months as (select * from int_customer_status_monthly),

per_cohort_month as (
    select
        cohort_month,
        month,
        count(*) as cohort_customers,
        count(*) filter (where bought_in_month) as customers_buying,
        count(*) filter (where is_in_active_portfolio) as active_customers,
        sum(revenue) as revenue,
    from customer_months
    group by all
),

final as (
    select
        cohort_month,
        cast(datediff('month', cohort_month, month) as integer) as months_since,
        month,
        cast(cohort_customers as integer) as cohort_customers,
        cast(customers_buying as integer) as customers_buying,
        100.0 * customers_buying / cohort_customers as retention_pct,
        cast(active_customers as integer) as active_customers,
        cast(revenue as decimal(18, 2)) as revenue,
        cast(sum(revenue) over (partition by cohort_month order by month) as decimal(18, 2)) as cumulative_revenue,
        cast(sum(revenue) over (partition by cohort_month order by month) / cohort_customers as decimal(18, 2))
            as cumulative_revenue_per_customer,
        is_partial_month(month) as is_partial_month,
        getvariable('as_of_date') as as_of_date,
    from per_cohort_month
)

select * from final
