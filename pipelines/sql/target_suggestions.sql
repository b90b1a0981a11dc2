-- one row per active seller: a suggested revenue target for the month after the as-of month
-- Rule: Σ over the seller's active-portfolio customers (new, active, at_risk, reactivated; the owner in customers) of
-- expected purchase days in the target month × expected value per purchase day, plus the monthly opportunity gain
-- weighted by the measured hit rate (opportunity_customers.holdout_weighted_gain). Expected purchases and value come
-- from the BG/NBD and Gamma-Gamma models where the customer has both predictions (model_fit.is_used), else from the
-- rhythm: days in the month ÷ rhythm_days purchases, each worth revenue ÷ purchase_days (both counted in purchase days).
with

team as (select * from sellers),

portfolio as (select * from customers),

opportunity_values as (select * from opportunity_customers),

seller_months as (select * from sellers_monthly),

-- sellers_monthly ends at the as-of month: a target already set for the next month is read from the export
targets as (select * from stg_targets),

target_month as (
    select
        cast(date_trunc('month', getvariable('as_of_date')) + interval 1 month as date) as month,
        -- the last complete month: the as-of month when the as-of date is its last day, else the month before
        cast(date_trunc('month', getvariable('as_of_date') + interval 1 day) - interval 1 month as date) as last_month,
),

month_days as (
    select
        month,
        last_month,
        cast(last_day(month) - month + 1 as integer) as days,
    from target_month
),

customer_expectations as (
    select
        portfolio.seller_id,
        portfolio.customer_id,
        portfolio.expected_purchases_90d is not null and portfolio.expected_avg_order_value is not null as is_model,
        case
            when portfolio.expected_purchases_90d is not null and portfolio.expected_avg_order_value is not null
                then portfolio.expected_purchases_90d * month_days.days / 90
            else month_days.days / portfolio.rhythm_days
        end as expected_purchases,
        case
            when portfolio.expected_purchases_90d is not null and portfolio.expected_avg_order_value is not null
                then cast(portfolio.expected_avg_order_value as double)
            else cast(portfolio.revenue as double) / nullif(portfolio.purchase_days, 0)
        end as expected_value_per_purchase,
        cast(opportunity_values.holdout_weighted_gain as double) as opportunity_value,
    from portfolio
    cross join month_days
    left join opportunity_values
        on opportunity_values.customer_id = portfolio.customer_id
    where portfolio.status in ('new', 'active', 'at_risk', 'reactivated')
        and portfolio.seller_id is not null
),

seller_expectations as (
    select
        seller_id,
        count(*) as active_portfolio_customers,
        count(*) filter (where is_model) as model_customers,
        -- sums of six-decimal numbers: a sum of doubles depends on the order threads add them in, and reruns
        -- must give byte-identical marts
        cast(sum(cast(expected_purchases as decimal(18, 6))) as double) as expected_purchases,
        sum(cast(expected_purchases * coalesce(expected_value_per_purchase, 0) as decimal(18, 6))) as expected_revenue,
        coalesce(sum(opportunity_value), 0) as opportunity_value,
        count(opportunity_value) as opportunity_customers,
    from customer_expectations
    group by seller_id
),

recent as (
    select
        seller_months.seller_id,
        any_value(seller_months.revenue_target) filter (where seller_months.month = month_days.last_month) as last_month_revenue_target,
        any_value(seller_months.revenue) filter (where seller_months.month = month_days.last_month) as last_month_revenue,
        any_value(seller_months.target_pct) filter (where seller_months.month = month_days.last_month) as last_month_attainment_pct,
        avg(seller_months.revenue) filter (
            where seller_months.month > month_days.last_month - interval 3 months and seller_months.month <= month_days.last_month
        ) as avg_revenue_3m,
    from seller_months
    cross join month_days
    where seller_months.seller_id is not null
    group by seller_months.seller_id
),

final as (
    select
        team.seller_id,
        month_days.month as target_month,
        cast(coalesce(seller_expectations.active_portfolio_customers, 0) as integer) as active_portfolio_customers,
        cast(coalesce(seller_expectations.model_customers, 0) as integer) as model_customers,
        coalesce(seller_expectations.expected_purchases, 0) as expected_purchases,
        cast(coalesce(seller_expectations.expected_revenue, 0) as decimal(18, 2)) as expected_revenue,
        cast(coalesce(seller_expectations.opportunity_value, 0) as decimal(18, 2)) as opportunity_value,
        cast(coalesce(seller_expectations.opportunity_customers, 0) as integer) as opportunity_customers,
        cast(
            coalesce(seller_expectations.expected_revenue, 0) + coalesce(seller_expectations.opportunity_value, 0)
            as decimal(18, 2)
        ) as suggested_revenue_target,
        cast(targets.revenue_target as decimal(18, 2)) as existing_revenue_target,
        month_days.last_month,
        cast(recent.last_month_revenue_target as decimal(18, 2)) as last_month_revenue_target,
        cast(recent.last_month_revenue as decimal(18, 2)) as last_month_revenue,
        recent.last_month_attainment_pct,
        cast(recent.avg_revenue_3m as decimal(18, 2)) as avg_revenue_3m,
        getvariable('as_of_date') as as_of_date,
    from team
    cross join month_days
    left join seller_expectations
        on seller_expectations.seller_id = team.seller_id
    left join recent
        on recent.seller_id = team.seller_id
    left join targets
        on targets.seller_id = team.seller_id
        and targets.month = month_days.month
    where team.is_active
)

select * from final
