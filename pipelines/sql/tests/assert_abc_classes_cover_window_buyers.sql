-- customers with an order in the segmentation window but no ABC class, RFM scores or RFM segment, or the reverse
select
    customer_id,
    window_orders,
    abc_class,
    r_score,
    f_score,
    m_score,
    rfm_segment,
from customers
where (coalesce(window_orders, 0) > 0) <> (abc_class is not null)
    or (abc_class is not null) <> (rfm_segment is not null)
    or (abc_class is not null) <> (r_score between 1 and 5 and f_score between 1 and 5 and m_score between 1 and 5)
