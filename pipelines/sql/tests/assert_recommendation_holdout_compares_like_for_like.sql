-- a recommendation_holdout that does not compare the two methods on the same customers with as many
-- suggestions each, or whose hits exceed its suggestions
with

methods as (select * from recommendation_holdout),

compared as (
    select
        count(*) as methods,
        count(distinct customers) as customer_counts,
        count(distinct suggestions) as suggestion_counts,
        count(distinct distinct_suggestions) as distinct_suggestion_counts,
        bool_or(hits > suggestions or distinct_hits > distinct_suggestions) as has_too_many_hits,
    from methods
),

final as (
    select *
    from compared
    where methods <> 2
        or customer_counts <> 1
        or suggestion_counts <> 1
        or distinct_suggestion_counts <> 1
        or has_too_many_hits
)

select * from final
