-- one row per suggestion method (peer_group, popularity): how often the cross-sell categories suggested opportunities_holdout_months before the as-of date were bought since
with

suggestions as (select * from int_opportunities_ranked where scenario = 'holdout' and kind = 'cross_sell'),

spend as (select * from int_customer_category_spend_summed where scenario = 'holdout'),

-- the customers checked: those the peer-group method gave at least one cross-sell, each with as many suggestions from both methods
checked_customers as (
    select
        customer_id,
        count(*) as suggestion_count,
    from suggestions
    group by all
),

peer_group_hits as (
    select
        'peer_group' as method,
        suggestions.customer_id,
        suggestions.category,
        coalesce(spend.revenue_after, 0) > 0 as is_bought_after,
    from suggestions
    left join spend
        on spend.customer_id = suggestions.customer_id
        and spend.category = suggestions.category
),

-- the baseline: the categories most customers bought in the window, those the customer did not buy yet
popularity as (
    select
        category,
        count(*) as buyers,
    from spend
    where is_bought
    group by all
),

baseline_candidates as (
    select
        checked_customers.customer_id,
        checked_customers.suggestion_count,
        popularity.category,
        row_number() over (
            partition by checked_customers.customer_id
            order by popularity.buyers desc, popularity.category
        ) as popularity_rank,
        coalesce(spend.revenue_after, 0) > 0 as is_bought_after,
    from checked_customers
    cross join popularity
    left join spend
        on spend.customer_id = checked_customers.customer_id
        and spend.category = popularity.category
    where not coalesce(spend.is_bought, false)
),

popularity_hits as (
    select
        'popularity' as method,
        customer_id,
        category,
        is_bought_after,
    from baseline_candidates
    where popularity_rank <= suggestion_count
),

all_hits as (
    select * from peer_group_hits
    union all
    select * from popularity_hits
),

-- the two lists overlap a lot; the suggestions only one method made are where they differ
with_overlap as (
    select
        *,
        count(*) over (partition by customer_id, category) = 1 as is_distinct,
    from all_hits
),

methods as (
    select * from (values (1, 'peer_group'), (2, 'popularity')) as t(sort_order, method)
),

rates as (
    select
        methods.method,
        cast(count(distinct with_overlap.customer_id) as integer) as customers,
        cast(count(with_overlap.category) as integer) as suggestions,
        cast(count(with_overlap.category) filter (where with_overlap.is_bought_after) as integer) as hits,
        count(with_overlap.category) filter (where with_overlap.is_bought_after)
            / nullif(count(with_overlap.category), 0) as hit_rate,
        cast(count(with_overlap.category) filter (where with_overlap.is_distinct) as integer) as distinct_suggestions,
        cast(count(with_overlap.category) filter (where with_overlap.is_distinct and with_overlap.is_bought_after) as integer) as distinct_hits,
        cast(getvariable('opportunities_holdout_months') as integer) as holdout_months,
        (getvariable('as_of_date') - to_months(getvariable('opportunities_holdout_months')))::date as suggested_at_date,
        getvariable('as_of_date') as as_of_date,
    from methods
    left join with_overlap on with_overlap.method = methods.method
    group by methods.sort_order, methods.method
),

-- each method against the popularity baseline, as the Dados page states it
baseline as (
    select hit_rate as popularity_hit_rate
    from rates
    where method = 'popularity'
),

final as (
    select
        rates.method,
        rates.customers,
        rates.suggestions,
        rates.hits,
        rates.hit_rate,
        (rates.hit_rate - baseline.popularity_hit_rate) * 100 as points_above_popularity,
        rates.hit_rate / nullif(baseline.popularity_hit_rate, 0) as hit_rate_ratio_to_popularity,
        rates.distinct_suggestions,
        rates.distinct_hits,
        rates.holdout_months,
        rates.suggested_at_date,
        rates.as_of_date,
    from rates
    cross join baseline
)

select * from final
