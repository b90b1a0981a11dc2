-- customers without exactly one valid status in customers, or with a month judged twice in customer_status_monthly
with

customer_rows as (
    select
        customer_id,
        count(*) as rows,
        count(*) filter (
            where status in ('prospect', 'new', 'active', 'at_risk', 'inactive', 'lost', 'reactivated')
        ) as valid_statuses,
    from customers
    group by all
),

bad_customers as (
    select
        customer_id,
        'customers' as mart,
        rows,
    from customer_rows
    where rows <> 1 or valid_statuses <> 1
),

bad_months as (
    select
        customer_id,
        'customer_status_monthly' as mart,
        count(*) as rows,
    from customer_status_monthly
    group by customer_id, month
    having count(*) <> 1 or count(status) <> 1
),

final as (
    select * from bad_customers
    union all
    select * from bad_months
)

select * from final
