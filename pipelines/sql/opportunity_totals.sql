-- one row per breakdown of the suggestions in opportunities: per category, per owning seller, per the customer's UF
-- and all of them (column breakdown says which), each with its customers, suggestions and monthly gains, as the
-- Oportunidades page states them; each breakdown is a row of its own (grouping sets), not left to be summed
with

suggestions as (select * from opportunities),

profiles as (select customer_id, state from int_customers_profiled),

located as (
    select
        suggestions.*,
        profiles.state,
    from suggestions
    left join profiles on profiles.customer_id = suggestions.customer_id
),

final as (
    select
        case grouping(category, seller_id, state)
            when 3 then 'category'
            when 5 then 'seller'
            when 6 then 'state'
            else 'all'
        end as breakdown,
        category,
        seller_id,
        state,
        count(distinct customer_id)::integer as customers,
        count(*)::integer as suggestions,
        cast(coalesce(sum(gain) filter (where kind = 'upsell'), 0) as decimal(18, 2)) as upsell_gain,
        cast(coalesce(sum(gain) filter (where kind = 'cross_sell'), 0) as decimal(18, 2)) as cross_sell_gain,
        cast(coalesce(sum(gain), 0) as decimal(18, 2)) as gain,
        cast(sum(holdout_weighted_gain) as decimal(18, 2)) as holdout_weighted_gain,
        count(distinct customer_id) filter (where company_size is not null)::integer as customers_with_porte,
        getvariable('as_of_date') as as_of_date,
    from located
    group by grouping sets ((category), (seller_id), (state), ())
)

select * from final
