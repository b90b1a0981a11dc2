-- one row per customer with an invoiced order up to the as-of date: the behaviour and profile the carteirização clusters on
-- (prospects have no behaviour to group by and are left out)
with

-- customers with a purchase day by the as-of date (orders dated after it are not known yet)
buyers as (select * from int_customers_profiled where purchase_days > 0),

profiles as (select customer_id, company_size from int_customers_unified),

region_labels as (select value, label_pt from ref_labels where field = 'region'),

category_spend as (select * from int_customer_category_spend_summed where scenario = 'current'),

categories_bought as (
    select
        customer_id,
        count(distinct category) as categories,
    from category_spend
    group by all
),

final as (
    select
        buyers.customer_id,
        -- behaviour on a log scale (ticket and rhythm spread over orders of magnitude), rounded so reruns agree to the bit
        round(ln(1 + greatest(buyers.days_since_last_order, 0)), 6) as recency_log,
        -- purchase days per month of relationship (30.4375 days, at least one), defined even for a single purchase
        round(ln(buyers.purchase_days
            / greatest(1, (getvariable('as_of_date') - buyers.first_order_date + 1) / 30.4375)), 6) as frequency_log,
        -- a ticket at or below zero (discounts, odd exports) counts as zero rather than failing the logarithm
        round(ln(1 + greatest(coalesce(buyers.avg_ticket, 0), 0)), 6) as ticket_log,
        round(ln(1 + coalesce(categories_bought.categories, 0)), 6) as categories_log,
        coalesce(region_labels.label_pt, 'Sem região') as region,
        coalesce(buyers.segment, 'Sem segmento') as segment,
        profiles.company_size,
        -- traits that name the clusters
        cast(coalesce(categories_bought.categories, 0) as integer) as categories,
        cast(buyers.median_interval_days as double) as median_interval_days,
        cast(coalesce(buyers.avg_ticket, 0) as double) as avg_ticket,
        cast(buyers.days_since_last_order as integer) as days_since_last_order,
        cast(coalesce(buyers.window_revenue, 0) as double) as window_revenue,
        cast(buyers.revenue as double) as revenue,
    from buyers
    left join profiles on profiles.customer_id = buyers.customer_id
    left join categories_bought on categories_bought.customer_id = buyers.customer_id
    left join region_labels on region_labels.value = buyers.region
)

select * from final
order by customer_id
