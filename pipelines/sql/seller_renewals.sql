-- one row per owning seller (seller_id NULL = customers without an owner) with contracts to renew: those of renewals
-- still due or in their grace days, counted and their monthly value summed, as each seller page states them
with

listed as (select * from renewals),

final as (
    select
        seller_id,
        count(*)::integer as renewal_contracts,
        cast(coalesce(sum(monthly_value), 0) as decimal(18, 2)) as renewal_monthly_value,
        getvariable('as_of_date') as as_of_date,
    from listed
    where renewal_status in ('due', 'in_grace')
    group by seller_id
)

select * from final
