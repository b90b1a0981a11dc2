-- one row per window (last_month: the last complete month; last_12_months: the 12 complete months to it, fewer
-- when the history is shorter) × breakdown: per seller (seller_id NULL = customers and sales without a seller), per
-- team (team NULL = sellers without a team) and all sellers (column breakdown says which); every ratio is divided
-- from the sums of the sellers' months (never an average of ratios), as the Vendedores pages rank sellers and
-- teams; empty without a complete month
with

seller_months as (select * from sellers_monthly),

roster as (select * from sellers),

windows as (select * from complete_month_windows(seller_months)),

-- each seller's sums over a window; the stock measures (portfolio, active, at risk) are those of the window's last month
seller_sums as (
    select
        windows.period,
        windows.window_start,
        windows.window_end,
        seller_months.seller_id,
        seller_months.team,
        coalesce(roster.is_active, false) as is_active,
        sum(seller_months.revenue) as revenue,
        sum(seller_months.revenue) filter (where seller_months.revenue_target is not null) as revenue_with_target,
        sum(seller_months.revenue_target) as revenue_target,
        sum(seller_months.orders) as orders,
        sum(seller_months.portfolio_customers) as portfolio_customer_months,
        sum(seller_months.portfolio_buying_customers) as portfolio_buying_customer_months,
        -- summed exactly (a sum of doubles depends on the order DuckDB's threads add them, so reruns would differ)
        sum(cast(seller_months.coverage_target_pct / 100 * seller_months.portfolio_customers as decimal(38, 9))) as coverage_target_customers,
        sum(seller_months.portfolio_customers) filter (where seller_months.coverage_target_pct is not null)
            as coverage_target_base,
        -- mix × buyers gives back each month's whole count of customer categories
        sum(cast(round(seller_months.mix * seller_months.buying_customers) as bigint)) as customer_categories,
        sum(seller_months.buying_customers) filter (where seller_months.mix is not null) as mix_buyers,
        sum(seller_months.churned) as churned,
        sum(seller_months.reactivated) as reactivated,
        sum(seller_months.new_customers) as new_customers,
        sum(seller_months.portfolio_customers) filter (where seller_months.month = windows.window_end) as portfolio_customers,
        sum(seller_months.active_end) filter (where seller_months.month = windows.window_end) as active_end,
        sum(seller_months.at_risk) filter (where seller_months.month = windows.window_end) as at_risk,
        sum(seller_months.leads_won) as leads_won,
        sum(seller_months.leads_closed) as leads_closed,
    from seller_months
    inner join windows on seller_months.month between windows.window_start and windows.window_end
    left join roster on roster.seller_id = seller_months.seller_id
    group by all
),

-- a seller beat the target when the revenue of the window's months with a target reached their sum
judged as (
    select
        *,
        seller_id is not null and is_target_met(revenue_with_target, revenue_target) as is_on_target,
    from seller_sums
),

grouped as (
    select
        case grouping(seller_id, team) when 0 then 'seller' when 2 then 'team' else 'all' end as breakdown,
        period,
        window_start,
        window_end,
        seller_id,
        team,
        count(*) filter (where is_active) as active_sellers,
        count(*) filter (where is_on_target) as sellers_on_target,
        sum(revenue) as revenue,
        sum(revenue_with_target) as revenue_with_target,
        sum(revenue_target) as revenue_target,
        sum(orders) as orders,
        sum(portfolio_customer_months) as portfolio_customer_months,
        sum(portfolio_buying_customer_months) as portfolio_buying_customer_months,
        sum(coverage_target_customers) as coverage_target_customers,
        sum(coverage_target_base) as coverage_target_base,
        sum(customer_categories) as customer_categories,
        sum(mix_buyers) as mix_buyers,
        sum(churned) as churned,
        sum(reactivated) as reactivated,
        sum(new_customers) as new_customers,
        sum(portfolio_customers) as portfolio_customers,
        sum(active_end) as active_end,
        sum(at_risk) as at_risk,
        sum(leads_won) as leads_won,
        sum(leads_closed) as leads_closed,
    from judged
    group by grouping sets ((period, window_start, window_end, seller_id, team), (period, window_start, window_end, team), (period, window_start, window_end))
),

final as (
    select
        period,
        breakdown,
        seller_id,
        team,
        window_start,
        window_end,
        cast(active_sellers as integer) as active_sellers,
        cast(sellers_on_target as integer) as sellers_on_target,
        cast(coalesce(portfolio_customers, 0) as integer) as portfolio_customers,
        portfolio_buying_customer_months / nullif(portfolio_customer_months, 0) * 100 as coverage_pct,
        case when coverage_target_base > 0 then coverage_target_customers / coverage_target_base * 100 end as coverage_target_pct,
        cast(revenue as decimal(18, 2)) as revenue,
        cast(revenue_with_target as decimal(18, 2)) as revenue_with_target,
        cast(revenue_target as decimal(18, 2)) as revenue_target,
        case when revenue_target > 0 then revenue_with_target / revenue_target * 100 end as target_pct,
        cast(orders as integer) as orders,
        avg_ticket(revenue, orders) as avg_ticket,
        case when mix_buyers > 0 then customer_categories / mix_buyers end as mix,
        cast(new_customers as integer) as new_customers,
        cast(reactivated as integer) as reactivated,
        cast(churned as integer) as churned,
        cast(coalesce(active_end, 0) as integer) as active_end,
        cast(coalesce(at_risk, 0) as integer) as at_risk,
        cast(leads_won as integer) as leads_won,
        cast(leads_closed as integer) as leads_closed,
        leads_won / nullif(leads_closed, 0) as conversion_rate,
        getvariable('as_of_date') as as_of_date,
    from grouped
)

select * from final
