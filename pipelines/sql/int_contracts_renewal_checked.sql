-- one row per contract, with whether a later contract of the same customer renews it
with

contracts as (select * from stg_contracts),

-- a renewal: another contract of the same customer, for the same product where both name one,
-- starting after this one started and within the grace days before or after this one's end
renewals as (
    select
        contracts.contract_id,
        min(successors.contract_id) as renewal_contract_id,
    from contracts
    inner join contracts as successors
        on successors.customer_id = contracts.customer_id
        and successors.contract_id <> contracts.contract_id
        and successors.start_date > contracts.start_date
        and successors.start_date between contracts.end_date - getvariable('windows_renewal_grace_days')
            and contracts.end_date + getvariable('windows_renewal_grace_days')
        and (
            successors.product_id is null
            or contracts.product_id is null
            or successors.product_id = contracts.product_id
        )
    group by all
),

final as (
    select
        contracts.*,
        renewals.contract_id is not null as renewed,
        renewals.renewal_contract_id,
    from contracts
    left join renewals on renewals.contract_id = contracts.contract_id
)

select * from final
