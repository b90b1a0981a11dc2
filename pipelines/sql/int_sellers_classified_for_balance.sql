-- one row per seller: whether the seller can take customers in the balance proposal, and the region it works in
--
-- A seller takes customers (is_eligible) when active in the sellers export, or, without a sellers export,
-- whenever it is known (the only thing the exports say). An inactive seller (active = false) has departed;
-- a seller missing from a given sellers export is unknown to HR: the customers of both are orphaned.
-- The seller's region is the IBGE region of its UF in the sellers export, else the region where most of
-- its customers are (ties broken by the region key), else NULL (then it receives no customers).
with

known_sellers as (select * from int_sellers_profiled),

portfolio as (select * from int_customers_profiled),

presence as (select * from stg_input_presence),

ufs as (select * from ref_ufs),

customer_regions as (
    select
        seller_id,
        region,
        row_number() over (partition by seller_id order by count(*) desc, region) as rank,
    from portfolio
    where seller_id is not null and region is not null
    group by seller_id, region
),

final as (
    select
        known_sellers.seller_id,
        known_sellers.name,
        coalesce(ufs.region, customer_regions.region) as region,
        case
            when not known_sellers.is_active then 'departed'
            when known_sellers.is_derived and (select is_present from presence where entity = 'sellers') then 'not_in_sellers_export'
        end as orphan_reason,
        known_sellers.is_active
            and not (known_sellers.is_derived and (select is_present from presence where entity = 'sellers')) as is_eligible,
    from known_sellers
    left join ufs on ufs.uf = known_sellers.state
    left join customer_regions on customer_regions.seller_id = known_sellers.seller_id and customer_regions.rank = 1
)

select * from final
