-- one row per month × status: the customers in that status at the month's end (a customer counts from the month of
-- its first invoiced order, so there are no prospects), as the Carteira page charts them
with

customer_months as (select * from int_customer_status_monthly),

final as (
    select
        month,
        status,
        count(*)::integer as customers,
        bool_or(is_partial_month) as is_partial_month,
        getvariable('as_of_date') as as_of_date,
    from customer_months
    group by month, status
)

select * from final
