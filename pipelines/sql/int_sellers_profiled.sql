-- one row per seller: who they are (sellers export, or derived when only referenced elsewhere) and the portfolio they own at the as-of date (published as the sellers mart)
--
-- name is the name every page and mart shows: two sellers with the same name (ignoring case, accents and
-- spaces around it) would be one person to the reader, so each of them carries the code in parentheses
with

sellers as (select * from int_sellers_unified),

portfolio as (select * from int_customers_profiled),

owned as (
    select
        seller_id,
        count(*) as owned_customers,
        count(*) filter (where is_active_portfolio(status)) as active_portfolio_customers,
        count(*) filter (where status = 'at_risk') as at_risk_customers,
        count(*) filter (where status = 'inactive') as inactive_customers,
        count(*) filter (where status = 'lost') as lost_customers,
        count(*) filter (where status = 'prospect') as prospects,
    from portfolio
    where seller_id is not null
    group by seller_id
),

-- seller names stay (an internal management report) unless the config pseudonymizes them too
published_names as (
    select
        seller_id,
        case
            when getvariable('privacy_pseudonymize_seller_names') and name is not null
            then 'Vendedor ' || left(pseudonym_code(seller_id), 6)
            else nullif(trim(name), '')
        end as name,
    from sellers
),

told_apart as (
    select
        seller_id,
        case
            when name is not null and count(*) over (partition by lower(strip_accents(name))) > 1
            then name || ' (' || seller_id || ')'
            else name
        end as name,
    from published_names
),

final as (
    select
        sellers.seller_id,
        told_apart.name,
        sellers.team,
        sellers.state,
        sellers.hired_at,
        sellers.is_active,
        sellers.is_derived,
        coalesce(owned.owned_customers, 0)::integer as owned_customers,
        coalesce(owned.active_portfolio_customers, 0)::integer as active_portfolio_customers,
        coalesce(owned.at_risk_customers, 0)::integer as at_risk_customers,
        coalesce(owned.inactive_customers, 0)::integer as inactive_customers,
        coalesce(owned.lost_customers, 0)::integer as lost_customers,
        coalesce(owned.prospects, 0)::integer as prospects,
        getvariable('as_of_date') as as_of_date,
    from sellers
    inner join told_apart on told_apart.seller_id = sellers.seller_id
    left join owned on owned.seller_id = sellers.seller_id
)

select * from final
