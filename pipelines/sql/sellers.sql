-- one row per seller: who they are and the portfolio they own at the as-of date
-- (computed in int_sellers_profiled, which models read; published as it is)
with

profiles as (select * from int_sellers_profiled),

final as (select * from profiles)

select * from final
