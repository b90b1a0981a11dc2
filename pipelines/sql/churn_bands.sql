-- one row per breakdown × band of the active portfolio at the as-of date, as the Risco de churn page states it:
-- per churn_risk band (customers the BG/NBD model scored) and per status (the rhythm-based fallback when the
-- model is not fitted), column breakdown says which; each breakdown also has a total row (churn_risk and status
-- both NULL), so nothing is left to be summed
with

portfolio as (
    select
        customer_id,
        status,
        churn_risk,
        window_revenue,
        p_alive,
    from customers
    where is_active_portfolio
),

banded as (
    select 'churn_risk' as breakdown, churn_risk, null::varchar as status, status as rhythm_status, window_revenue, p_alive
    from portfolio
    where churn_risk is not null
    union all
    select 'status', null, status, status, window_revenue, p_alive
    from portfolio
    where status is not null
),

rollups as (
    select
        breakdown,
        churn_risk,
        status,
        count(*) as customers,
        count(*) filter (where rhythm_status = 'at_risk') as at_risk_by_rhythm,
        coalesce(sum(window_revenue), 0) as window_revenue,
        min(p_alive) as min_p_alive,
        max(p_alive) as max_p_alive,
    from banded
    group by grouping sets ((breakdown, churn_risk, status), (breakdown))
),

-- the total row of each breakdown: every customer it counts
totals as (
    select
        breakdown,
        customers,
    from rollups
    where churn_risk is null and status is null
),

final as (
    select
        rollups.breakdown,
        rollups.churn_risk,
        rollups.status,
        cast(rollups.customers as integer) as customers,
        rollups.customers / totals.customers as customer_share,
        cast(rollups.at_risk_by_rhythm as integer) as at_risk_by_rhythm,
        cast(rollups.window_revenue as decimal(18, 2)) as window_revenue,
        rollups.min_p_alive,
        rollups.max_p_alive,
        getvariable('as_of_date') as as_of_date,
    from rollups
    inner join totals on totals.breakdown = rollups.breakdown
)

select * from final
