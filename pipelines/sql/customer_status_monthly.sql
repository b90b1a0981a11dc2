-- one row per customer per month from the month of the first invoiced order to the as-of month, status judged at month end
-- (computed in int_customer_status_monthly, which models read; published as it is)
with

customer_months as (select * from int_customer_status_monthly),

final as (select * from customer_months)

select * from final
