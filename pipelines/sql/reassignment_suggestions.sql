-- one row per proposed move of a customer to another seller, in the order the greedy made it (a proposal, not a change)
--
-- How the proposal is made (pipelines/balance/proposeReassignments.ts): first every orphaned customer
-- (owner departed, missing from the sellers export, or none), heaviest workload first, goes to the least
-- loaded seller of the customer's region who already serves its segment and is at or below the region's
-- mean workload, else to the least loaded seller of the region (a region's only seller takes them all); a
-- customer without a UF, or in a region with no seller able to take customers, stays orphaned. Then, in each region with two
-- or more sellers, the most loaded seller gives one customer of that region to the least loaded while it is
-- more than balance.overload_tolerance_share (20%) above the region's mean workload and the move lowers the
-- spread; a customer of a segment the receiver already serves first. Balancing moves stop at
-- balance.max_moved_share (5%) of all customers. Ties are broken by codes, so the same inputs give the same
-- proposal. The workload (int_customers_weighed_for_balance) is half active customers, half potential (CLV).
with

moves as (select * from int_reassignments_proposed),

portfolio as (select * from int_customers_weighed_for_balance),

customer_names as (select * from customers),

seller_names as (select * from sellers),

final as (
    select
        moves.step,
        moves.phase,
        moves.customer_id,
        customer_names.name as customer_name,
        customer_names.segment,
        customer_names.state,
        customer_names.region,
        customer_names.status,
        moves.from_seller_id,
        from_sellers.name as from_seller_name,
        seller_label(from_sellers.name, moves.from_seller_id) as from_seller_label,
        moves.to_seller_id,
        to_sellers.name as to_seller_name,
        seller_label(to_sellers.name, moves.to_seller_id) as to_seller_label,
        moves.reason_pt,
        moves.is_same_segment,
        portfolio.is_active_portfolio,
        cast(portfolio.window_revenue as decimal(18, 2)) as window_revenue,
        cast(portfolio.potential as decimal(18, 2)) as potential,
        round(portfolio.workload, 4) as workload,
        round(moves.from_workload_after, 4) as from_workload_after,
        round(moves.to_workload_after, 4) as to_workload_after,
        round(moves.workload_cv_after, 4) as workload_cv_after,
        getvariable('as_of_date') as as_of_date,
    from moves
    inner join portfolio on portfolio.customer_id = moves.customer_id
    left join customer_names on customer_names.customer_id = moves.customer_id
    left join seller_names as from_sellers on from_sellers.seller_id = moves.from_seller_id
    left join seller_names as to_sellers on to_sellers.seller_id = moves.to_seller_id
)

select * from final
