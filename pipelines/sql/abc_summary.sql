-- one row per ABC class held by a customer who bought in the segmentation window (classes without customers are left out)
with

segmented as (select * from int_customers_segmented),

per_class as (
    select
        abc_class,
        count(*) as customers,
        sum(revenue) as revenue,
    from segmented
    where abc_class is not null
    group by all
),

totals as (
    select
        sum(customers) as customers,
        sum(revenue) as revenue,
    from per_class
),

final as (
    select
        per_class.abc_class,
        cast(per_class.customers as integer) as customers,
        per_class.customers / nullif(totals.customers, 0) as customer_share,
        cast(per_class.revenue as decimal(18, 2)) as revenue,
        per_class.revenue / nullif(totals.revenue, 0) as revenue_share,
        cast(per_class.revenue / nullif(per_class.customers, 0) as decimal(18, 2)) as revenue_per_customer,
        getvariable('as_of_date') as as_of_date,
    from per_class
    cross join totals
)

select * from final
