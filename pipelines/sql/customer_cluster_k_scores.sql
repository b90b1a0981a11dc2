-- one row per number of clusters k tried by the carteirização, with the criterion that chose among them
with

scores as (select * from int_cluster_k_scores),

final as (
    select
        cast(k as integer) as k,
        cast(silhouette as double) as silhouette,
        cast(inertia as double) as inertia,
        is_chosen,
        getvariable('as_of_date') as as_of_date,
    from scores
)

select * from final
