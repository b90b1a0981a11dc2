-- one row per customer: what it adds to its seller's portfolio in the balance between sellers, and its workload
--
-- The workload is the unit the reassignment proposal balances: half the customer's share of the mean
-- active portfolio and half its share of the mean potential (CLV over 12 months), where the means divide
-- the company's totals by the sellers able to take customers. A seller with workload 1.0 carries exactly the
-- mean load once every orphaned customer has an owner. Without a published CLV (model not fitted) the
-- workload is the active-portfolio share alone; customers outside the active portfolio without CLV weigh 0.
-- A customer's portfolio is orphaned when its owner departed (sellers export: active = false), is missing
-- from the sellers export, or when it has no owner at all.
with

portfolio as (select * from int_customers_profiled),

sellers as (select * from int_sellers_classified_for_balance),

win_back as (select * from int_customers_to_win_back),

-- the value at stake of the customers to retain, rounded to the centavo as the action list publishes it: the same figure
-- the Risco page adds up
at_risk as (
    select
        customer_id,
        sum(cast(value_at_stake as decimal(18, 2))) as at_risk_value,
    from win_back
    where action = 'retain'
    group by all
),

measured as (
    select
        portfolio.customer_id,
        portfolio.seller_id,
        portfolio.segment,
        portfolio.region,
        is_active_portfolio(portfolio.status) as is_active_portfolio,
        coalesce(portfolio.window_revenue, 0) as window_revenue,
        portfolio.clv_12m as potential,
        coalesce(at_risk.at_risk_value, 0) as at_risk_value,
        case when portfolio.seller_id is null then 'no_owner' else sellers.orphan_reason end as orphan_reason,
    from portfolio
    left join sellers on sellers.seller_id = portfolio.seller_id
    left join at_risk on at_risk.customer_id = portfolio.customer_id
),

means as (
    select
        count(*) filter (where is_active_portfolio)
            / nullif((select count(*) from sellers where is_eligible), 0) as mean_active,
        sum(potential) / nullif((select count(*) from sellers where is_eligible), 0) as mean_potential,
    from measured
),

final as (
    select
        measured.*,
        case
            when means.mean_active > 0 and means.mean_potential > 0
            then 0.5 * measured.is_active_portfolio::integer / means.mean_active
                + 0.5 * coalesce(measured.potential, 0)::double / means.mean_potential
            when means.mean_active > 0 then measured.is_active_portfolio::integer / means.mean_active
            when means.mean_potential > 0 then coalesce(measured.potential, 0)::double / means.mean_potential
            else 0
        end::double as workload,
    from measured
    cross join means
)

select * from final
