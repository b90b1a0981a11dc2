-- one row per month from the first contract month to the as-of month (no rows without a contracts export)
--
-- The *_12m columns sum the MRR movements over the latest 12 complete months with a starting MRR (the months
-- GRR and NRR are defined for) up to this one: rows, not calendar months, so a month without MRR at its
-- start is skipped rather than counted. NULL on the month in progress and on months without a starting MRR.
-- The *_24m columns state the range of GRR and NRR over the latest 24 such months up to this one (the months the
-- Renovações page's retention chart shows), on the same rows.
with

customer_mrr as (select * from int_contract_mrr_summed_by_customer_month),

movements as (
    select
        month,
        sum(mrr_start) as mrr_start,
        sum(mrr) as mrr,
        sum(mrr) filter (where mrr_start = 0) as new_mrr,
        sum(mrr - mrr_start) filter (where mrr_start > 0 and mrr > mrr_start) as expansion_mrr,
        sum(mrr_start - mrr) filter (where mrr > 0 and mrr < mrr_start) as contraction_mrr,
        sum(mrr_start) filter (where mrr_start > 0 and mrr = 0) as churned_mrr,
        count(*) filter (where mrr > 0) as contract_customers,
        count(*) filter (where mrr_start > 0 and mrr = 0) as churned_customers,
    from customer_mrr
    group by all
),

monthly as (
    select
        month,
        is_partial_month(month) as is_partial_month,
        cast(mrr_start as decimal(18, 2)) as mrr_start,
        cast(mrr as decimal(18, 2)) as mrr,
        cast(coalesce(new_mrr, 0) as decimal(18, 2)) as new_mrr,
        cast(coalesce(expansion_mrr, 0) as decimal(18, 2)) as expansion_mrr,
        cast(coalesce(contraction_mrr, 0) as decimal(18, 2)) as contraction_mrr,
        cast(coalesce(churned_mrr, 0) as decimal(18, 2)) as churned_mrr,
        cast(contract_customers as integer) as contract_customers,
        cast(churned_customers as integer) as churned_customers,
        (coalesce(churned_mrr, 0) + coalesce(contraction_mrr, 0)) / nullif(mrr_start, 0) as revenue_churn_rate,
        (mrr_start - coalesce(churned_mrr, 0) - coalesce(contraction_mrr, 0)) / nullif(mrr_start, 0) as grr,
        (mrr_start + coalesce(expansion_mrr, 0) - coalesce(contraction_mrr, 0) - coalesce(churned_mrr, 0))
            / nullif(mrr_start, 0) as nrr,
    from movements
),

-- the latest 12 and 24 complete months with a starting MRR, up to each such month
latest_windows as (
    select
        month,
        count(*) over latest_12 as months_12m,
        min(month) over latest_12 as first_month_12m,
        sum(new_mrr) over latest_12 as new_mrr_12m,
        sum(expansion_mrr) over latest_12 as expansion_mrr_12m,
        sum(contraction_mrr) over latest_12 as contraction_mrr_12m,
        sum(churned_mrr) over latest_12 as churned_mrr_12m,
        count(*) over latest_24 as months_24m,
        min(month) over latest_24 as first_month_24m,
        min(grr) over latest_24 as grr_min_24m,
        max(grr) over latest_24 as grr_max_24m,
        min(nrr) over latest_24 as nrr_min_24m,
        max(nrr) over latest_24 as nrr_max_24m,
        max(nrr - grr) over latest_24 as nrr_grr_gap_max_24m,
    from monthly
    where not is_partial_month and mrr_start > 0
    window
        latest_12 as (order by month rows between 11 preceding and current row),
        latest_24 as (order by month rows between 23 preceding and current row)
),

final as (
    select
        monthly.*,
        cast(latest_windows.months_12m as integer) as months_12m,
        latest_windows.first_month_12m,
        cast(latest_windows.new_mrr_12m as decimal(18, 2)) as new_mrr_12m,
        cast(latest_windows.expansion_mrr_12m as decimal(18, 2)) as expansion_mrr_12m,
        cast(latest_windows.new_mrr_12m + latest_windows.expansion_mrr_12m as decimal(18, 2)) as gained_mrr_12m,
        cast(latest_windows.contraction_mrr_12m as decimal(18, 2)) as contraction_mrr_12m,
        cast(latest_windows.churned_mrr_12m as decimal(18, 2)) as churned_mrr_12m,
        cast(latest_windows.months_24m as integer) as months_24m,
        latest_windows.first_month_24m,
        latest_windows.grr_min_24m,
        latest_windows.grr_max_24m,
        latest_windows.nrr_min_24m,
        latest_windows.nrr_max_24m,
        latest_windows.nrr_grr_gap_max_24m,
        getvariable('as_of_date') as as_of_date,
    from monthly
    left join latest_windows on latest_windows.month = monthly.month
)

select * from final
