-- one row per order as exported (invoiced, canceled and returned), validated by the loader
-- customer and seller codes that hold personal data become pseudonyms, as in stg_customers
select
    order_id,
    pseudonymous_id('CLI', customer_id) as customer_id,
    order_date,
    date_trunc('month', order_date)::date as order_month,
    pseudonymous_id('VEN', seller_id) as seller_id,
    coalesce(status, 'invoiced') as status,
    channel,
    amount
from src_orders
