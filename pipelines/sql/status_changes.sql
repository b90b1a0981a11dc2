-- one row per change since the previous report (the latest earlier snapshot in the history folder): a customer whose status moved,
-- or who entered or left the customer list (change_type status); a customer handed to another seller (owner); a headline KPI of the
-- reference month, moved or not (kpi). No rows when there is no earlier snapshot; KPI rows only when its codes were read another way.
with

previous as (select * from previous_snapshot),

previous_customer_rows as (select * from previous_customers),

previous_seller_rows as (select * from previous_sellers),

previous_kpi_rows as (select * from previous_kpis),

current_customers as (select customer_id, name, status, seller_id, revenue from customers),

current_sellers as (select seller_id, name from sellers),

current_kpis as (select * from kpis_monthly),

status_labels as (select value, label_pt from ref_labels where field = 'status'),

-- every customer of either list, side by side
paired as (
    select
        coalesce(now.customer_id, before.customer_id) as customer_id,
        coalesce(now.name, before.name) as customer_name,
        now.revenue as customer_revenue,
        before.status as previous_status,
        now.status,
        before.seller_id as previous_seller_id,
        coalesce(now.seller_id, before.seller_id) as seller_id,
        now.customer_id is not null and before.customer_id is not null as is_in_both,
    from current_customers as now
    full outer join previous_customer_rows as before on before.customer_id = now.customer_id
    -- codes read another way (another pseudonym key, older rules) would pair nobody: every customer would seem to leave and enter
    where exists (select 1 from previous where are_customers_compared)
),

status_moves as (
    select
        'status' as change_type,
        paired.customer_id,
        paired.customer_name,
        paired.customer_revenue,
        paired.seller_id,
        paired.previous_seller_id,
        paired.previous_status,
        paired.status,
        null as kpi,
        null::double as previous_value,
        null::double as value,
        case
            when paired.previous_status is null then 'Entrou no cadastro como ' || lower(now_label.label_pt)
            when paired.status is null then 'Saiu do cadastro (era ' || lower(before_label.label_pt) || ')'
            else before_label.label_pt || ' → ' || lower(now_label.label_pt)
        end as description_pt,
    from paired
    left join status_labels as before_label on before_label.value = paired.previous_status
    left join status_labels as now_label on now_label.value = paired.status
    where paired.status is distinct from paired.previous_status
),

-- a seller's name as the report shows it: the name with the code, or the code alone
seller_names as (
    select
        coalesce(now.seller_id, before.seller_id) as seller_id,
        coalesce(name_with_code(now.name, now.seller_id), name_with_code(before.name, before.seller_id), coalesce(now.seller_id, before.seller_id)) as shown_name,
    from current_sellers as now
    full outer join previous_seller_rows as before on before.seller_id = now.seller_id
),

owner_moves as (
    select
        'owner' as change_type,
        paired.customer_id,
        paired.customer_name,
        paired.customer_revenue,
        paired.seller_id,
        paired.previous_seller_id,
        paired.previous_status,
        paired.status,
        null as kpi,
        null::double as previous_value,
        null::double as value,
        'Carteira passou de ' || coalesce(from_seller.shown_name, 'nenhum vendedor')
            || ' para ' || coalesce(to_seller.shown_name, 'nenhum vendedor') as description_pt,
    from paired
    left join seller_names as from_seller on from_seller.seller_id = paired.previous_seller_id
    left join seller_names as to_seller on to_seller.seller_id = paired.seller_id
    where paired.is_in_both and paired.seller_id is distinct from paired.previous_seller_id
),

-- the headline KPIs of each report's reference month (the month of its as-of date, partial or not)
kpi_pairs as (
    select
        unnest([
            {'kpi': 'active_customers', 'unit': 'count', 'sort_order': 1, 'before': before.active_customers::double, 'now': now.active_customers::double},
            {'kpi': 'at_risk_customers', 'unit': 'count', 'sort_order': 2, 'before': before.at_risk_customers::double, 'now': now.at_risk_customers::double},
            {'kpi': 'new_customers', 'unit': 'count', 'sort_order': 3, 'before': before.new_customers::double, 'now': now.new_customers::double},
            {'kpi': 'churned', 'unit': 'count', 'sort_order': 4, 'before': before.churned::double, 'now': now.churned::double},
            {'kpi': 'revenue', 'unit': 'brl', 'sort_order': 5, 'before': before.revenue::double, 'now': now.revenue::double},
            {'kpi': 'coverage_pct', 'unit': 'pct', 'sort_order': 6, 'before': before.coverage_pct, 'now': now.coverage_pct},
            {'kpi': 'avg_ticket', 'unit': 'brl', 'sort_order': 7, 'before': before.avg_ticket::double, 'now': now.avg_ticket::double}
        ]) as pair,
        before.is_partial_month as previous_is_partial_month,
        now.is_partial_month,
    from previous
    inner join previous_kpi_rows as before on before.month = date_trunc('month', previous.as_of_date)
    inner join current_kpis as now on now.month = date_trunc('month', getvariable('as_of_date'))
),

kpi_labels as (select value, label_pt from ref_labels where field = 'kpi'),

kpi_moves as (
    select
        'kpi' as change_type,
        null as customer_id,
        null as customer_name,
        null as seller_id,
        null as previous_seller_id,
        null as previous_status,
        null as status,
        kpi_pairs.pair.kpi as kpi,
        kpi_pairs.pair.before as previous_value,
        kpi_pairs.pair.now as value,
        kpi_pairs.pair.unit as unit,
        kpi_pairs.previous_is_partial_month,
        kpi_pairs.is_partial_month,
        kpi_labels.label_pt || ' no mês de referência' as description_pt,
    from kpi_pairs
    inner join kpi_labels on kpi_labels.value = kpi_pairs.pair.kpi
),

changes as (
    select * from status_moves
    union all by name
    select * from owner_moves
    union all by name
    select * from kpi_moves
),

final as (
    select
        changes.change_type,
        changes.customer_id,
        changes.customer_name,
        changes.customer_revenue,
        changes.previous_status,
        changes.status,
        coalesce(changes.status = 'at_risk' and changes.previous_status is distinct from 'at_risk', false) as is_new_at_risk,
        changes.previous_seller_id,
        changes.seller_id,
        changes.kpi,
        changes.previous_value,
        changes.value,
        changes.value - changes.previous_value as value_change,
        changes.unit,
        changes.previous_is_partial_month,
        changes.is_partial_month,
        changes.description_pt,
        previous.as_of_date as previous_as_of_date,
        previous.are_customers_compared,
        getvariable('as_of_date') as as_of_date,
    from changes
    cross join previous
)

select * from final
