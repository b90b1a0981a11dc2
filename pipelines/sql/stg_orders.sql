-- one row per order as exported (invoiced, canceled and returned), validated by the loader
-- customer and seller codes that hold personal data become pseudonyms, as in stg_customers
-- a negative total is a return or credit note (the loader marked it returned, or it was already canceled
-- or returned, and warned): it counts by its value, without the sign
select
    order_id,
    pseudonymous_id('CLI', customer_id) as customer_id,
    order_date,
    date_trunc('month', order_date)::date as order_month,
    pseudonymous_id('VEN', seller_id) as seller_id,
    coalesce(status, 'invoiced') as status,
    channel,
    abs(amount) as amount
from src_orders
