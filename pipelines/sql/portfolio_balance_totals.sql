-- one row: the orphaned portfolios of portfolio_balance in total (today and left without a destination by the
-- proposal) and the proposal's moves by phase, as the Equilíbrio page states them
with

balance as (select * from portfolio_balance),

moves as (select * from reassignment_suggestions),

orphaned as (
    select *
    from balance
    where not is_eligible and customers > 0
),

orphans_summed as (
    select
        count(*) filter (where seller_id is not null) as orphaned_sellers,
        coalesce(sum(customers), 0) as orphaned_customers,
        coalesce(sum(active_portfolio_customers), 0) as orphaned_active_portfolio_customers,
        coalesce(sum(window_revenue), 0) as orphaned_window_revenue,
        -- NULL without a fitted value model (potential is NULL on every row then)
        sum(potential) as orphaned_potential,
        coalesce(sum(customers_after), 0) as orphaned_customers_after,
    from orphaned
),

moves_counted as (
    select
        count(*) as moves,
        count(*) filter (where phase = 'orphaned') as orphan_moves,
    from moves
),

final as (
    select
        cast(orphans_summed.orphaned_sellers as integer) as orphaned_sellers,
        cast(orphans_summed.orphaned_customers as integer) as orphaned_customers,
        cast(orphans_summed.orphaned_active_portfolio_customers as integer) as orphaned_active_portfolio_customers,
        cast(orphans_summed.orphaned_window_revenue as decimal(18, 2)) as orphaned_window_revenue,
        cast(orphans_summed.orphaned_potential as decimal(18, 2)) as orphaned_potential,
        cast(orphans_summed.orphaned_customers_after as integer) as orphaned_customers_after,
        cast(moves_counted.moves as integer) as moves,
        cast(moves_counted.orphan_moves as integer) as orphan_moves,
        cast(moves_counted.moves - moves_counted.orphan_moves as integer) as balance_moves,
        getvariable('as_of_date') as as_of_date,
    from orphans_summed
    cross join moves_counted
)

select * from final
