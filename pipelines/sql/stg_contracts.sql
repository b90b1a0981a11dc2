-- one row per contract starting on or before the as-of date
-- codes that hold personal data become pseudonyms, as in stg_customers
select
    contract_id,
    pseudonymous_id('CLI', customer_id) as customer_id,
    start_date,
    end_date,
    monthly_value,
    product_id,
    coalesce(status, 'active') as status
from src_contracts
