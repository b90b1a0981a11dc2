-- one row per month and channel of marketing spend
select
    month,
    channel,
    amount
from src_marketing_spend
