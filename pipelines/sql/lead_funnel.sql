-- one row per breakdown of the leads: seller × source, seller, source and all leads (column breakdown says which)
-- The leads export has no stage column: the stage of a lead is its status at the as-of date (open, won, lost),
-- and open leads are split by age band. Conversion and medians are not additive, so the totals per seller,
-- per source and overall are rows of their own (grouping sets) instead of sums of the seller × source rows.
with

leads as (select * from stg_leads),

-- a lead closed after the as-of date was still open on it; a closed lead without a close date closed when created
leads_at_as_of as (
    select
        lead_id,
        seller_id,
        coalesce(source, 'Sem origem') as source,
        created_at,
        case
            when status in ('won', 'lost') and coalesce(closed_at, created_at) <= getvariable('as_of_date') then status
            else 'open'
        end as status,
        case when status in ('won', 'lost') then coalesce(closed_at, created_at) end as closed_at,
    from leads
    where created_at <= getvariable('as_of_date')
),

leads_measured as (
    select
        *,
        getvariable('as_of_date') - created_at as age_days,
        case when status <> 'open' then closed_at - created_at end as days_to_close,
        status <> 'open' and closed_at > getvariable('as_of_date') - interval 12 months as is_closed_in_window,
        created_at > getvariable('as_of_date') - interval 12 months as is_created_in_window,
    from leads_at_as_of
),

grouped as (
    select
        case grouping(seller_id, source)
            when 0 then 'seller_source'
            when 1 then 'seller'
            when 2 then 'source'
            else 'all'
        end as breakdown,
        seller_id,
        source,
        count(*) filter (where is_created_in_window) as leads_created_12m,
        count(*) filter (where status = 'open') as open_leads,
        count(*) filter (where status = 'open' and age_days <= 30) as open_0_30_days,
        count(*) filter (where status = 'open' and age_days between 31 and 60) as open_31_60_days,
        count(*) filter (where status = 'open' and age_days between 61 and 90) as open_61_90_days,
        count(*) filter (where status = 'open' and age_days > 90) as open_over_90_days,
        median(age_days) filter (where status = 'open') as median_open_age_days,
        count(*) filter (where status = 'won' and is_closed_in_window) as won_12m,
        count(*) filter (where status = 'lost' and is_closed_in_window) as lost_12m,
        count(*) filter (where status in ('won', 'lost') and is_closed_in_window) as closed_12m,
        median(days_to_close) filter (where status = 'won' and is_closed_in_window) as median_days_to_win,
        median(days_to_close) filter (where status = 'lost' and is_closed_in_window) as median_days_to_lose,
        count(*) filter (where status = 'won') as won_total,
        count(*) filter (where status = 'lost') as lost_total,
    from leads_measured
    group by grouping sets ((seller_id, source), (seller_id), (source), ())
    -- without leads the empty grouping set would still give an all row of zeros
    having count(*) > 0
),

final as (
    select
        breakdown,
        seller_id,
        source,
        cast(leads_created_12m as integer) as leads_created_12m,
        cast(open_leads as integer) as open_leads,
        cast(open_0_30_days as integer) as open_0_30_days,
        cast(open_31_60_days as integer) as open_31_60_days,
        cast(open_61_90_days as integer) as open_61_90_days,
        cast(open_over_90_days as integer) as open_over_90_days,
        cast(median_open_age_days as double) as median_open_age_days,
        cast(won_12m as integer) as won_12m,
        cast(lost_12m as integer) as lost_12m,
        cast(closed_12m as integer) as closed_12m,
        won_12m / nullif(closed_12m, 0) as conversion_rate_12m,
        cast(median_days_to_win as double) as median_days_to_win,
        cast(median_days_to_lose as double) as median_days_to_lose,
        cast(won_total as integer) as won_total,
        cast(lost_total as integer) as lost_total,
        won_total / nullif(won_total + lost_total, 0) as conversion_rate_total,
        getvariable('as_of_date') as as_of_date,
    from grouped
)

select * from final
