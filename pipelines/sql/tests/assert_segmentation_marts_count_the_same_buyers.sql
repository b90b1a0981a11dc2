-- the window buyers as the Segmentação page's three marts count them, when they disagree: the R × F grid
-- (rfm_cells), the Pareto curve (pareto, the same count on every row) and the ABC classes (abc_summary)
with

grid as (select coalesce(sum(customers), 0) as buyers from rfm_cells),

curve as (select coalesce(min(buyers), 0) as buyers, coalesce(max(buyers), 0) as max_buyers from pareto),

classes as (select coalesce(sum(customers), 0) as buyers from abc_summary),

final as (
    select
        grid.buyers as grid_buyers,
        curve.buyers as pareto_buyers,
        curve.max_buyers as pareto_max_buyers,
        classes.buyers as abc_buyers,
    from grid
    cross join curve
    cross join classes
    where grid.buyers <> curve.buyers or curve.buyers <> curve.max_buyers or grid.buyers <> classes.buyers
)

select * from final
