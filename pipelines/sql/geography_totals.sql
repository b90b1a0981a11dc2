-- one row: the revenue of the 12 complete months to the last complete month (fewer when the history is shorter), as
-- the Geografia page's year states it, split by whether the customer has a valid Brazilian UF (the geography rows
-- with a state) or none (state NULL); empty without a complete month
with

geography_months as (select * from geography),

window_bounds as (select window_start, window_end from complete_month_windows(geography_months) where period = 'last_12_months'),

sums as (
    select
        window_bounds.window_start,
        window_bounds.window_end,
        coalesce(sum(geography_months.revenue), 0) as revenue,
        coalesce(sum(geography_months.revenue) filter (where geography_months.state is not null), 0) as uf_revenue,
        coalesce(sum(geography_months.revenue) filter (where geography_months.state is null), 0) as unknown_uf_revenue,
    from window_bounds
    left join geography_months
        on geography_months.month between window_bounds.window_start and window_bounds.window_end
    group by all
),

final as (
    select
        window_start,
        window_end,
        cast(revenue as decimal(18, 2)) as revenue,
        cast(uf_revenue as decimal(18, 2)) as uf_revenue,
        cast(unknown_uf_revenue as decimal(18, 2)) as unknown_uf_revenue,
        -- without revenue there is nothing outside the UFs: the whole (1) is Brazilian
        case when revenue > 0 then uf_revenue / revenue else 1 end as uf_revenue_share,
        case when revenue > 0 then unknown_uf_revenue / revenue else 0 end as unknown_uf_revenue_share,
        getvariable('as_of_date') as as_of_date,
    from sums
)

select * from final
