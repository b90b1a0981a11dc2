-- one row per customer with an invoiced order (prospects are not clustered): its carteirização cluster
with

assigned as (select * from int_customer_clusters_assigned),

named as (select * from int_customer_clusters_named),

features as (select * from int_customer_cluster_features),

portfolio as (select * from customers),

final as (
    select
        assigned.customer_id,
        portfolio.name,
        assigned.cluster_id,
        named.cluster_name,
        portfolio.segment,
        portfolio.state,
        portfolio.region,
        features.company_size,
        portfolio.status,
        cast(coalesce(portfolio.window_revenue, 0) as decimal(18, 2)) as revenue_12m,
        portfolio.revenue,
        portfolio.avg_ticket,
        portfolio.median_interval_days,
        portfolio.days_since_last_order,
        features.categories,
        assigned.distance_to_centre,
        cast(row_number() over (
            partition by assigned.cluster_id
            order by coalesce(portfolio.window_revenue, 0) desc, portfolio.revenue desc, assigned.customer_id
        ) as integer) as revenue_rank_in_cluster,
        getvariable('as_of_date') as as_of_date,
    from assigned
    inner join named on named.cluster_id = assigned.cluster_id
    inner join portfolio on portfolio.customer_id = assigned.customer_id
    inner join features on features.customer_id = assigned.customer_id
)

select * from final
