-- one row per RFM segment: the R and F scores it covers (the 10 cells tile the 25 R × F pairs) and its labels.
-- Reference data: a fixed list, read by the segmentation and the labels
with

segments as (
    select * from (values
        (1, 'champions', 5, 5, 4, 5, 'Campeões', 'Champions'),
        (2, 'loyal_customers', 3, 4, 4, 5, 'Fiéis', 'Loyal Customers'),
        (3, 'potential_loyalists', 4, 5, 2, 3, 'Potenciais fiéis', 'Potential Loyalists'),
        (4, 'new_customers', 5, 5, 1, 1, 'Novos', 'New Customers'),
        (5, 'promising', 4, 4, 1, 1, 'Promissores', 'Promising'),
        (6, 'need_attention', 3, 3, 3, 3, 'Precisam de atenção', 'Need Attention'),
        (7, 'about_to_sleep', 3, 3, 1, 2, 'Quase dormindo', 'About to Sleep'),
        (8, 'at_risk', 1, 2, 3, 4, 'Em risco (RFM)', 'At Risk (RFM)'),
        (9, 'cant_lose_them', 1, 2, 5, 5, 'Não pode perder', 'Can''t Lose Them'),
        (10, 'hibernating', 1, 2, 1, 2, 'Hibernando', 'Hibernating')
    ) as t(sort_order, rfm_segment, r_min, r_max, f_min, f_max, label_pt, label_en)
),

final as (
    select
        *,
        case when r_min = r_max then r_min::varchar else r_min || '-' || r_max end as r_scores,
        case when f_min = f_max then f_min::varchar else f_min || '-' || f_max end as f_scores,
    from segments
)

select * from final
