-- every value key a mart publishes in a coded column has its label in labels (returns the unlabelled keys)
with

coded as (
    select distinct 'status' as field, status as value from customers
    union select distinct 'status', status from customer_status_monthly
    union select distinct 'rfm_segment', rfm_segment from customers
    union select distinct 'abc_class', abc_class from customers
    union select distinct 'abc_class', abc_class from product_abc
    union select distinct 'abc_class', abc_class from category_abc
    union select distinct 'region', region from customers
    union select distinct 'churn_risk', churn_risk from customers
    union select distinct 'document_kind', document_kind from customers
    union select distinct 'renewal_status', renewal_status from renewals
    union select distinct 'period_type', period_type from kpis_periods
    union select distinct 'opportunity_kind', kind from opportunities
    union select distinct 'peer_group_level', peer_group_level from opportunities
    union select distinct 'company_size', company_size from opportunities
    union select distinct 'company_size', company_size from opportunity_customers
    union select distinct 'potential_rule', potential_rule from opportunities
    union select distinct 'holdout_method', method from recommendation_holdout
    union select distinct 'action', action from action_list
    union select distinct 'lead_breakdown', breakdown from lead_funnel
    union select distinct 'change_type', change_type from status_changes
    union select distinct 'status', previous_status from status_changes
    union select distinct 'kpi', kpi from status_changes
)

select coded.field, coded.value
from coded
anti join labels on labels.field = coded.field and labels.value = coded.value
where coded.value is not null
