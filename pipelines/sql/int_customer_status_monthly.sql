-- one row per customer per month from the month of the first invoiced order to the as-of month, status judged at month end (published as the customer_status_monthly mart)
with

orders as (select * from int_orders_valued where is_invoiced),

owners as (select customer_id, seller_id from int_customers_unified),

-- the purchase-day sequence stays inside this model rather than in an int_ table: at 10 million order
-- lines another table of ~3 million rows held in memory slows every later model
daily_orders as (
    select
        customer_id,
        order_date as purchase_date,
        count(*) as orders,
        sum(order_value) as revenue,
    from orders
    group by all
),

sequenced as (
    select
        customer_id,
        purchase_date,
        date_trunc('month', purchase_date)::date as purchase_month,
        orders,
        revenue,
        row_number() over by_day as purchase_day_number,
        first_value(purchase_date) over by_day as first_purchase_date,
        lead(purchase_date) over by_day as next_purchase_date,
        purchase_date - lag(purchase_date) over by_day as gap_days,
    from daily_orders
    window by_day as (partition by customer_id order by purchase_date)
),

-- g: the median gap between consecutive purchase days known on that day (NULL with a single purchase day)
with_rhythm as (
    select
        *,
        median(gap_days) over (
            partition by customer_id
            order by purchase_date
            rows between unbounded preceding and current row
        ) as median_gap_days,
    from sequenced
),

-- a purchase reactivates the customer when, on the day before it, the customer was inactive or lost:
-- not new any more and silent for longer than the at_risk limit of the rhythm known then
-- (a second reactivating purchase in the same month changes nothing: the month is already a reactivation).
-- It is judged on the purchase day before it, whose running median is the rhythm known then, so the
-- median needs no second window pass to be lagged
purchase_days as (
    select
        customer_id,
        purchase_date,
        purchase_month,
        purchase_day_number,
        first_purchase_date,
        orders,
        revenue,
        gap_days,
        median_gap_days,
        next_purchase_date - 1 - first_purchase_date > getvariable('lifecycle_new_days')
        and next_purchase_date - 1 - purchase_date > greatest(
            getvariable('lifecycle_at_risk_multiplier')
                * coalesce(median_gap_days, getvariable('lifecycle_single_purchase_rhythm_days')),
            getvariable('lifecycle_at_risk_floor_days')
        ) as is_next_reactivation,
        next_purchase_date,
    from with_rhythm
),

first_purchases as (
    select
        customer_id,
        purchase_date as first_purchase_date,
    from purchase_days
    where purchase_day_number = 1
),

-- only the months the customer has history in: never customers × every month
customer_months as (
    select
        customer_id,
        first_purchase_date,
        unnest(generate_series(
            date_trunc('month', first_purchase_date),
            date_trunc('month', getvariable('as_of_date')),
            interval 1 month
        ))::date as month,
    from first_purchases
),

-- the status of a month is judged on its last day, or on the as-of date in the as-of month
judged_at as (
    select
        *,
        least(last_day(month), getvariable('as_of_date')) as judged_at,
    from customer_months
),

-- the months with a reactivating purchase, each once, so joining them keeps the month's sums
reactivation_months as (
    select distinct
        customer_id,
        date_trunc('month', next_purchase_date)::date as month,
    from purchase_days
    where is_next_reactivation
),

month_purchases as (
    select
        purchase_days.customer_id,
        purchase_days.purchase_month as month,
        sum(purchase_days.orders) as orders,
        sum(purchase_days.revenue) as revenue,
        bool_or(reactivation_months.month is not null) as has_reactivation,
    from purchase_days
    left join reactivation_months
        on reactivation_months.customer_id = purchase_days.customer_id
        and reactivation_months.month = purchase_days.purchase_month
    group by all
),

-- carry the last purchase day known at the judging date forward (history up to that date only)
with_last_purchase as (
    select
        judged_at.customer_id,
        judged_at.month,
        judged_at.judged_at,
        judged_at.first_purchase_date,
        purchase_days.purchase_date as last_purchase_date,
        purchase_days.purchase_day_number as purchase_days_to_date,
        judged_at.judged_at - purchase_days.purchase_date as days_since_last_order,
        coalesce(
            purchase_days.median_gap_days,
            getvariable('lifecycle_single_purchase_rhythm_days')
        ) as rhythm_days,
    from judged_at
    asof left join purchase_days
        on purchase_days.customer_id = judged_at.customer_id
        and purchase_days.purchase_date <= judged_at.judged_at
),

with_month_purchases as (
    select
        with_last_purchase.*,
        month_purchases.customer_id is not null as bought_in_month,
        coalesce(month_purchases.orders, 0) as orders,
        coalesce(month_purchases.revenue, 0) as revenue,
        coalesce(month_purchases.has_reactivation, false) as has_reactivation,
    from with_last_purchase
    left join month_purchases
        on month_purchases.customer_id = with_last_purchase.customer_id
        and month_purchases.month = with_last_purchase.month
),

-- the lifecycle table of docs/lifecycle.md: the first row that matches wins
judged as (
    select
        *,
        case
            when last_purchase_date is null then 'prospect'
            when has_reactivation then 'reactivated'
            when judged_at - first_purchase_date <= getvariable('lifecycle_new_days') then 'new'
            when days_since_last_order <= greatest(
                getvariable('lifecycle_active_multiplier') * rhythm_days,
                getvariable('lifecycle_active_floor_days')
            ) then 'active'
            when days_since_last_order <= greatest(
                getvariable('lifecycle_at_risk_multiplier') * rhythm_days,
                getvariable('lifecycle_at_risk_floor_days')
            ) then 'at_risk'
            when days_since_last_order <= greatest(
                getvariable('lifecycle_inactive_multiplier') * rhythm_days,
                getvariable('lifecycle_inactive_floor_days')
            ) then 'inactive'
            else 'lost'
        end as status,
    from with_month_purchases
),

-- the status at the start of a month is the status at the end of the month before
with_start as (
    select
        *,
        coalesce(
            lag(status) over (partition by customer_id order by month),
            'prospect'
        ) as status_start,
    from judged
),

final as (
    select
        with_start.month,
        with_start.customer_id,
        owners.seller_id,
        with_start.status,
        with_start.status_start,
        is_active_portfolio(with_start.status) as is_in_active_portfolio,
        is_active_portfolio(with_start.status_start) as was_in_active_portfolio,
        -- the working portfolio (coverage denominator): active portfolio or inactive at the start of the month
        is_working_portfolio(with_start.status_start) as was_in_working_portfolio,
        with_start.bought_in_month,
        cast(with_start.orders as integer) as orders,
        cast(with_start.revenue as decimal(18, 2)) as revenue,
        date_trunc('month', with_start.first_purchase_date)::date as cohort_month,
        with_start.last_purchase_date,
        cast(with_start.purchase_days_to_date as integer) as purchase_days,
        cast(with_start.days_since_last_order as integer) as days_since_last_order,
        with_start.rhythm_days,
        with_start.judged_at,
        is_partial_month(with_start.month) as is_partial_month,
        getvariable('as_of_date') as as_of_date,
    from with_start
    left join owners on owners.customer_id = with_start.customer_id
)

select * from final
