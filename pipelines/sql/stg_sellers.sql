-- one row per seller of the sellers export
select
    seller_id,
    name,
    team,
    state,
    hired_at,
    coalesce(active, true) as is_active
from src_sellers
