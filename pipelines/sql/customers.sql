-- one row per customer (bought or prospect), judged at the as-of date
-- (computed in int_customers_profiled, which models read; published as it is)
with

profiles as (select * from int_customers_profiled),

final as (select * from profiles)

select * from final
