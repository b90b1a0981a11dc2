-- one row per R × F score pair (all 25, with zeros), over the customers who bought in the segmentation window
with

segment_grid as (select * from ref_rfm_segments),

segmented as (select * from int_customers_segmented),

scores as (select unnest(range(1, 6)) as score),

pairs as (
    select
        r.score as r_score,
        f.score as f_score,
    from scores as r
    cross join scores as f
),

per_cell as (
    select
        r_score,
        f_score,
        count(*) as customers,
    from segmented
    group by all
),

final as (
    select
        cast(pairs.r_score as integer) as r_score,
        cast(pairs.f_score as integer) as f_score,
        -- the segment the grid gives the pair, so an empty cell still names its segment
        segment_grid.rfm_segment,
        cast(coalesce(per_cell.customers, 0) as integer) as customers,
        getvariable('as_of_date') as as_of_date,
    from pairs
    inner join segment_grid
        on pairs.r_score between segment_grid.r_min and segment_grid.r_max
        and pairs.f_score between segment_grid.f_min and segment_grid.f_max
    left join per_cell
        on per_cell.r_score = pairs.r_score
        and per_cell.f_score = pairs.f_score
)

select * from final
