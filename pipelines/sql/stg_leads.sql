-- one row per lead created on or before the as-of date
-- codes that hold personal data become pseudonyms, as in stg_customers
select
    lead_id,
    created_at,
    pseudonymous_id('VEN', seller_id) as seller_id,
    source,
    coalesce(status, 'open') as status,
    closed_at,
    pseudonymous_id('CLI', customer_id) as customer_id
from src_leads
