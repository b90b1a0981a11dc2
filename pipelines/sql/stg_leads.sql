-- one row per lead created on or before the as-of date
select
    lead_id,
    created_at,
    seller_id,
    source,
    coalesce(status, 'open') as status,
    closed_at,
    customer_id
from src_leads
