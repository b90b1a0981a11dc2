-- one row per seller of the sellers export
-- codes that hold personal data become pseudonyms, as in stg_customers
select
    pseudonymous_id('VEN', seller_id) as seller_id,
    name,
    team,
    state,
    hired_at,
    coalesce(active, true) as is_active
from src_sellers
