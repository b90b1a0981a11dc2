-- one row per kind of move since the previous report: a status transition (from → to, entering or leaving the customer list
-- included) or a handover between two sellers, with the number of customers that made it
with

changes as (select * from status_changes where change_type in ('status', 'owner')),

status_labels as (select value, label_pt, sort_order from ref_labels where field = 'status'),

grouped as (
    select
        change_type,
        case when change_type = 'status' then previous_status end as previous_status,
        case when change_type = 'status' then status end as status,
        case when change_type = 'owner' then previous_seller_id end as previous_seller_id,
        case when change_type = 'owner' then seller_id end as seller_id,
        count(*) as customers,
        count(*) filter (where is_new_at_risk) as new_at_risk_customers,
        -- the words of one move of the group: the same for all but the seller codes' order
        min(description_pt) as description_pt,
        any_value(previous_as_of_date) as previous_as_of_date,
    from changes
    group by all
),

final as (
    select
        grouped.change_type,
        grouped.previous_status,
        grouped.status,
        grouped.previous_seller_id,
        grouped.seller_id,
        cast(grouped.customers as integer) as customers,
        cast(grouped.new_at_risk_customers as integer) as new_at_risk_customers,
        case
            when grouped.change_type = 'owner' then grouped.description_pt
            when grouped.previous_status is null then 'Entraram no cadastro como ' || lower(now_label.label_pt)
            when grouped.status is null then 'Saíram do cadastro (eram ' || lower(before_label.label_pt) || ')'
            else before_label.label_pt || ' → ' || lower(now_label.label_pt)
        end as description_pt,
        grouped.previous_as_of_date,
        getvariable('as_of_date') as as_of_date,
    from grouped
    left join status_labels as before_label on before_label.value = grouped.previous_status
    left join status_labels as now_label on now_label.value = grouped.status
)

select * from final
