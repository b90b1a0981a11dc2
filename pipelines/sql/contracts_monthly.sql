-- one row per month from the first contract month to the as-of month (no rows without a contracts export)
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

final as (
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
        getvariable('as_of_date') as as_of_date,
    from movements
)

select * from final
