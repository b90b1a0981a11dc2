-- one row per seller per month with targets
-- codes that hold personal data become pseudonyms, as in stg_customers
select
    pseudonymous_id('VEN', seller_id) as seller_id,
    month,
    revenue_target,
    coverage_target_pct,
    new_customers_target
from src_targets
