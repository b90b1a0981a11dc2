-- one row per seller able to take customers or owning any, plus one row (seller_id NULL) for customers with no owner: the portfolio today and after the reassignment proposal
--
-- Rows with is_eligible false are orphaned portfolios (orphan_reason: departed = active false in the
-- sellers export; not_in_sellers_export = owner missing from a given sellers export; no_owner). Shares
-- divide by the company's total, orphaned portfolios included. The spread between sellers is in
-- portfolio_balance_spread (one row per measure), computed over the eligible rows only.
with

portfolio as (select * from int_customers_weighed_for_balance),

classified as (select * from int_sellers_classified_for_balance),

moves as (select * from int_reassignments_proposed),

owners as (
    select
        portfolio.*,
        coalesce(moves.to_seller_id, portfolio.seller_id) as seller_id_after,
    from portfolio
    left join moves on moves.customer_id = portfolio.customer_id
),

owned_before as (
    select
        seller_id,
        count(*) as customers,
        count(*) filter (where is_active_portfolio) as active_portfolio_customers,
        sum(window_revenue) as window_revenue,
        sum(potential) as potential,
        sum(at_risk_value) as at_risk_value,
        sum(workload) as workload,
        count(*) filter (where seller_id_after is distinct from seller_id) as customers_given,
    from owners
    group by seller_id
),

owned_after as (
    select
        seller_id_after as seller_id,
        count(*) as customers,
        count(*) filter (where is_active_portfolio) as active_portfolio_customers,
        sum(window_revenue) as window_revenue,
        sum(potential) as potential,
        sum(at_risk_value) as at_risk_value,
        sum(workload) as workload,
        count(*) filter (where seller_id_after is distinct from seller_id) as customers_received,
    from owners
    group by seller_id_after
),

totals as (
    select
        count(*) as customers,
        count(*) filter (where is_active_portfolio) as active_portfolio_customers,
        sum(window_revenue) as window_revenue,
        sum(potential) as potential,
        sum(at_risk_value) as at_risk_value,
    from portfolio
),

-- eligible sellers (even with no customers yet), departed or unknown owners with customers, and the no-owner row
rows_shown as (
    select seller_id from classified where is_eligible
    union
    select seller_id from owned_before
),

final as (
    select
        rows_shown.seller_id,
        classified.name as seller_name,
        seller_label(classified.name, rows_shown.seller_id) as seller_label,
        classified.region,
        coalesce(classified.is_eligible, false) as is_eligible,
        case when rows_shown.seller_id is null then 'no_owner' else classified.orphan_reason end as orphan_reason,
        coalesce(owned_before.customers, 0)::integer as customers,
        coalesce(owned_before.active_portfolio_customers, 0)::integer as active_portfolio_customers,
        coalesce(owned_before.window_revenue, 0)::decimal(18, 2) as window_revenue,
        (case when totals.potential is not null then coalesce(owned_before.potential, 0) end)::decimal(18, 2) as potential,
        coalesce(owned_before.at_risk_value, 0)::decimal(18, 2) as at_risk_value,
        round(coalesce(owned_before.customers, 0) / nullif(totals.customers, 0), 4) as customers_share,
        round(coalesce(owned_before.active_portfolio_customers, 0) / nullif(totals.active_portfolio_customers, 0), 4)
            as active_portfolio_customers_share,
        round(coalesce(owned_before.window_revenue, 0) / nullif(totals.window_revenue, 0), 4)::double as window_revenue_share,
        round(coalesce(owned_before.potential, 0) / nullif(totals.potential, 0), 4)::double as potential_share,
        round(coalesce(owned_before.at_risk_value, 0) / nullif(totals.at_risk_value, 0), 4)::double as at_risk_value_share,
        round(coalesce(owned_before.workload, 0), 4) as workload,
        coalesce(owned_after.customers, 0)::integer as customers_after,
        coalesce(owned_after.active_portfolio_customers, 0)::integer as active_portfolio_customers_after,
        coalesce(owned_after.window_revenue, 0)::decimal(18, 2) as window_revenue_after,
        (case when totals.potential is not null then coalesce(owned_after.potential, 0) end)::decimal(18, 2) as potential_after,
        coalesce(owned_after.at_risk_value, 0)::decimal(18, 2) as at_risk_value_after,
        round(coalesce(owned_after.workload, 0), 4) as workload_after,
        coalesce(owned_after.customers_received, 0)::integer as customers_received,
        coalesce(owned_before.customers_given, 0)::integer as customers_given,
        getvariable('as_of_date') as as_of_date,
    from rows_shown
    cross join totals
    left join classified on classified.seller_id = rows_shown.seller_id
    left join owned_before on owned_before.seller_id is not distinct from rows_shown.seller_id
    left join owned_after on owned_after.seller_id is not distinct from rows_shown.seller_id
)

select * from final
