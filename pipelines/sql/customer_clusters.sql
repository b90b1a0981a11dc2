-- one row per carteirização cluster: its name, size, revenue, status mix and the traits that named it; the number
-- of clustered customers is repeated on every row, as chosen_k is
with

members as (select * from customer_cluster_members),

named as (select * from int_customer_clusters_named),

cluster_sums as (
    select
        cluster_id,
        count(*) as customers,
        sum(revenue_12m) as revenue_12m,
        sum(revenue) as revenue,
        count(*) filter (where status = 'new') as status_new,
        count(*) filter (where status = 'active') as status_active,
        count(*) filter (where status = 'at_risk') as status_at_risk,
        count(*) filter (where status = 'reactivated') as status_reactivated,
        count(*) filter (where status = 'inactive') as status_inactive,
        count(*) filter (where status = 'lost') as status_lost,
        count(*) filter (where is_active_portfolio(status)) as active_portfolio_customers,
        median(categories) as median_categories,
    from members
    group by all
),

final as (
    select
        named.cluster_id,
        named.cluster_name,
        cast(cluster_sums.customers as integer) as customers,
        cluster_sums.customers / sum(cluster_sums.customers) over () as customer_share,
        cast(sum(cluster_sums.customers) over () as integer) as clustered_customers,
        cast(cluster_sums.revenue_12m as decimal(18, 2)) as revenue_12m,
        cluster_sums.revenue_12m / nullif(sum(cluster_sums.revenue_12m) over (), 0) as revenue_12m_share,
        cast(cluster_sums.revenue as decimal(18, 2)) as revenue,
        cast(cluster_sums.revenue_12m / cluster_sums.customers as decimal(18, 2)) as revenue_12m_per_customer,
        cast(cluster_sums.status_new as integer) as status_new,
        cast(cluster_sums.status_active as integer) as status_active,
        cast(cluster_sums.status_at_risk as integer) as status_at_risk,
        cast(cluster_sums.status_reactivated as integer) as status_reactivated,
        cast(cluster_sums.status_inactive as integer) as status_inactive,
        cast(cluster_sums.status_lost as integer) as status_lost,
        cluster_sums.status_new / cluster_sums.customers as status_new_share,
        cluster_sums.status_active / cluster_sums.customers as status_active_share,
        cluster_sums.status_at_risk / cluster_sums.customers as status_at_risk_share,
        cluster_sums.status_reactivated / cluster_sums.customers as status_reactivated_share,
        cluster_sums.status_inactive / cluster_sums.customers as status_inactive_share,
        cluster_sums.status_lost / cluster_sums.customers as status_lost_share,
        cluster_sums.active_portfolio_customers / cluster_sums.customers as active_portfolio_share,
        cast(named.dominant_segment as varchar) as dominant_segment,
        cast(named.dominant_segment_share as double) as dominant_segment_share,
        cast(named.dominant_region as varchar) as dominant_region,
        cast(named.dominant_region_share as double) as dominant_region_share,
        cast(named.dominant_company_size as varchar) as dominant_company_size,
        cast(named.dominant_company_size_share as double) as dominant_company_size_share,
        cast(named.median_interval_days as double) as median_interval_days,
        cast(named.rhythm_band as varchar) as rhythm_band,
        cast(named.median_avg_ticket as decimal(18, 2)) as median_avg_ticket,
        cast(named.ticket_band as varchar) as ticket_band,
        cast(named.median_days_since_last_order as double) as median_days_since_last_order,
        cast(cluster_sums.median_categories as double) as median_categories,
        cast(named.chosen_k as integer) as chosen_k,
        cast(named.k_criterion as varchar) as k_criterion,
        cast(named.silhouette as double) as silhouette,
        cast(named.note as varchar) as note,
        getvariable('as_of_date') as as_of_date,
    from named
    inner join cluster_sums on cluster_sums.cluster_id = named.cluster_id
)

select * from final
