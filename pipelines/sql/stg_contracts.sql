-- one row per contract starting on or before the as-of date
select
    contract_id,
    customer_id,
    start_date,
    end_date,
    monthly_value,
    product_id,
    coalesce(status, 'active') as status
from src_contracts
