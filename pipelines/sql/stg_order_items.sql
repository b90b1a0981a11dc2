-- one row per order line, with its revenue (the exported line total, else quantity × unit price − discount) and cost when known
-- prices and quantities keep the export's decimals; each line total is rounded to cents once (line_amount), as the
-- line of an invoice is (NF-e vProd), so every sum above it is a sum of cents and adds up exactly
select
    order_id,
    product_id,
    line_number,
    quantity,
    unit_price,
    coalesce(discount, 0) as discount,
    unit_cost,
    coalesce(line_total, line_amount(quantity, unit_price, coalesce(discount, 0))) as line_revenue,
    line_amount(quantity, unit_cost, 0) as line_cost
from src_order_items
