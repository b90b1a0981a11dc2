-- one row per seller per month with targets
select
    seller_id,
    month,
    revenue_target,
    coverage_target_pct,
    new_customers_target
from src_targets
