-- one row per customer with at least one suggestion: its upsell and cross-sell suggestions summed
-- A mart of its own rather than columns on customers: it has the grain of the customers that got suggestions
-- (the active portfolio with item purchases), and keeps the customers mart from depending on the opportunity engine
with

suggestions as (select * from opportunities),

final as (
    select
        customer_id,
        any_value(seller_id) as seller_id,
        any_value(company_size) as company_size,
        cast(count(*) as integer) as suggestions,
        cast(count(*) filter (where kind = 'upsell') as integer) as upsell_suggestions,
        cast(count(*) filter (where kind = 'cross_sell') as integer) as cross_sell_suggestions,
        cast(coalesce(sum(gain) filter (where kind = 'upsell'), 0) as decimal(18, 2)) as upsell_gain,
        cast(coalesce(sum(gain) filter (where kind = 'cross_sell'), 0) as decimal(18, 2)) as cross_sell_gain,
        cast(sum(gain) as decimal(18, 2)) as gain,
        -- NULL, like each suggestion's, when the holdout measured nothing
        cast(sum(holdout_weighted_gain) as decimal(18, 2)) as holdout_weighted_gain,
        getvariable('as_of_date') as as_of_date,
    from suggestions
    group by customer_id
)

select * from final
