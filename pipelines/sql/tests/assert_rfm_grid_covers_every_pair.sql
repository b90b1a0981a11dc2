-- R × F pairs that no RFM segment covers or that more than one covers
with

scores as (select unnest(range(1, 6)) as score),

pairs as (
    select
        r.score as r_score,
        f.score as f_score,
    from scores as r
    cross join scores as f
),

final as (
    select
        pairs.r_score,
        pairs.f_score,
        count(grid.rfm_segment) as segments,
    from pairs
    left join ref_rfm_segments as grid
        on pairs.r_score between grid.r_min and grid.r_max
        and pairs.f_score between grid.f_min and grid.f_max
    group by all
    having count(grid.rfm_segment) <> 1
)

select * from final
