-- one row per order as exported (invoiced, canceled and returned), validated by the loader
select
    order_id,
    customer_id,
    order_date,
    date_trunc('month', order_date)::date as order_month,
    seller_id,
    coalesce(status, 'invoiced') as status,
    channel,
    amount
from src_orders
