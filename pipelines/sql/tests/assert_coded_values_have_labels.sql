-- every value key a mart publishes in a coded column has its label in labels (returns the unlabelled keys);
-- the coded columns are the ones labels.used_in lists (test/marts/contract.test.ts keeps the two lists equal)
with

coded as (
    select distinct 'status' as field, status as value from customers
    union select distinct 'status', status from customer_status_monthly
    union select distinct 'status', status from status_counts_monthly
    union select distinct 'status', status from portfolio_status
    union select distinct 'status', status from seller_status
    union select distinct 'retention_breakdown', breakdown from retention_totals
    union select distinct 'opportunity_breakdown', breakdown from opportunity_totals
    union select distinct 'product_breakdown', breakdown from product_totals
    union select distinct 'penetration_breakdown', breakdown from product_mix_totals
    union select distinct 'penetration_breakdown', breakdown from category_penetration_totals
    union select distinct 'ticket_breakdown', breakdown from ticket_cuts
    union select distinct 'abc_class', abc_class from product_totals
    union select distinct 'state', state from product_mix_totals
    union select distinct 'state', state from category_penetration_totals
    union select distinct 'state', state from ticket_cuts
    union select distinct 'churn_breakdown', breakdown from churn_bands
    union select distinct 'churn_risk', churn_risk from churn_bands
    union select distinct 'status', status from churn_bands
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
    union select distinct 'status', status_start from customer_status_monthly
    union select distinct 'status', status from status_changes
    union select distinct 'status', status from status_change_summary
    union select distinct 'status', previous_status from status_change_summary
    union select distinct 'status', status from reassignment_suggestions
    union select distinct 'rfm_segment', rfm_segment from rfm_segments
    union select distinct 'rfm_segment', rfm_segment from rfm_cells
    union select distinct 'abc_class', abc_class from abc_summary
    union select distinct 'region', region from geography
    union select distinct 'region', region from sales_cube
    union select distinct 'region', region from portfolio_balance
    union select distinct 'region', region from reassignment_suggestions
    union select distinct 'state', state from customers
    union select distinct 'state', state from geography
    union select distinct 'state', state from sales_cube
    union select distinct 'state', state from category_penetration
    union select distinct 'state', state from product_mix
    union select distinct 'state', state from reassignment_suggestions
    union select distinct 'state', state from sellers
    union select distinct 'contract_status', status from renewals
    union select distinct 'change_type', change_type from status_change_summary
    union select distinct 'unit', unit from status_changes
    union select distinct 'entity', entity from load_summary
    union select distinct 'entity', entity from rejects
    union select distinct 'severity', severity from rejects
    union select distinct 'orphan_reason', orphan_reason from portfolio_balance
    union select distinct 'balance_measure', measure from portfolio_balance_spread
    union select distinct 'reassignment_phase', phase from reassignment_suggestions
    union select distinct 'model', model from model_fit
    union select distinct 'status', status from customer_cluster_members
    union select distinct 'region', region from customer_cluster_members
    union select distinct 'state', state from customer_cluster_members
    union select distinct 'company_size', company_size from customer_cluster_members
    union select distinct 'company_size', dominant_company_size from customer_clusters
)

select coded.field, coded.value
from coded
anti join labels on labels.field = coded.field and labels.value = coded.value
where coded.value is not null
