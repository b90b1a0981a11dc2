-- one row: the spread of the customers' own ticket médio (revenue ÷ orders in the segmentation window) over the
-- customers who bought in the window, as the Ticket médio page's histogram states it: the quartiles interpolated
-- linearly between the sorted tickets (quantile_cont: position (n − 1) × q) and the largest ticket, each rounded to
-- the centavo as the page shows it
with

profiles as (select * from int_customers_profiled),

tickets as (
    select (window_revenue / window_orders)::double as ticket,
    from profiles
    where window_orders > 0
),

final as (
    select
        count(*)::integer as buying_customers,
        cast(quantile_cont(ticket, 0.25) as decimal(18, 2)) as ticket_q1,
        cast(quantile_cont(ticket, 0.5) as decimal(18, 2)) as ticket_median,
        cast(quantile_cont(ticket, 0.75) as decimal(18, 2)) as ticket_q3,
        cast(max(ticket) as decimal(18, 2)) as ticket_max,
        getvariable('as_of_date') as as_of_date,
    from tickets
)

select * from final
