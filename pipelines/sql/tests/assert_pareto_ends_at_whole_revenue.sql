-- pareto rows that are not 100 percentiles ending at the whole window revenue, or a share that falls
with

checked as (
    select
        pct_customers,
        cum_revenue_share,
        lag(cum_revenue_share) over (order by pct_customers) as previous_share,
        count(*) over () as percentiles,
    from pareto
),

final as (
    select *
    from checked
    where percentiles <> 100
        or cum_revenue_share < previous_share
        or (pct_customers = 100 and cum_revenue_share is not null and abs(cum_revenue_share - 1) > 1e-9)
)

select * from final
