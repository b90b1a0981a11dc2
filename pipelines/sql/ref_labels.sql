-- one row per value key of a coded column (field), with its pt-BR and English labels and the mart columns it appears in.
-- Reference data: a fixed list (no export changes it), read by models that label a code and published as the labels mart
with

segment_grid as (select * from ref_rfm_segments),

ufs as (select * from ref_ufs),

fixed_labels as (
    select * from (values
        ('status', 1, 'prospect', 'Possível cliente (prospect)', 'Prospect'),
        ('status', 2, 'new', 'Novo', 'New'),
        ('status', 3, 'active', 'Ativo', 'Active'),
        ('status', 4, 'reactivated', 'Reativado', 'Reactivated'),
        ('status', 5, 'at_risk', 'Em risco (ritmo)', 'At risk (rhythm)'),
        ('status', 6, 'inactive', 'Inativo', 'Inactive'),
        ('status', 7, 'lost', 'Perdido (ex-cliente)', 'Lost (former customer)'),
        ('abc_class', 1, 'A', 'Classe A', 'Class A'),
        ('abc_class', 2, 'B', 'Classe B', 'Class B'),
        ('abc_class', 3, 'C', 'Classe C', 'Class C'),
        ('region', 1, 'norte', 'Norte', 'North'),
        ('region', 2, 'nordeste', 'Nordeste', 'Northeast'),
        ('region', 3, 'sudeste', 'Sudeste', 'Southeast'),
        ('region', 4, 'sul', 'Sul', 'South'),
        ('region', 5, 'centro_oeste', 'Centro-Oeste', 'Center-West'),
        ('order_status', 1, 'invoiced', 'Faturado', 'Invoiced'),
        ('order_status', 2, 'canceled', 'Cancelado', 'Canceled'),
        ('order_status', 3, 'returned', 'Devolvido', 'Returned'),
        ('contract_status', 1, 'active', 'Ativo', 'Active'),
        ('contract_status', 2, 'ended', 'Encerrado', 'Ended'),
        ('contract_status', 3, 'canceled', 'Cancelado', 'Canceled'),
        ('renewal_status', 1, 'due', 'A renovar', 'Due'),
        ('renewal_status', 2, 'in_grace', 'Vencido, em carência', 'Ended, within grace days'),
        ('renewal_status', 3, 'renewed', 'Renovado', 'Renewed'),
        ('renewal_status', 4, 'not_renewed', 'Não renovado', 'Not renewed'),
        ('renewal_status', 5, 'canceled', 'Cancelado', 'Canceled'),
        ('lead_status', 1, 'open', 'Aberto', 'Open'),
        ('lead_status', 2, 'won', 'Ganho', 'Won'),
        ('lead_status', 3, 'lost', 'Perdido', 'Lost'),
        ('period_type', 1, 'month', 'Mês', 'Month'),
        ('period_type', 2, 'quarter', 'Trimestre', 'Quarter'),
        ('period_type', 3, 'half_year', 'Semestre', 'Half year'),
        ('period_type', 4, 'year', 'Ano', 'Year'),
        ('document_kind', 1, 'cnpj', 'Pessoa jurídica (CNPJ)', 'Company (CNPJ)'),
        ('document_kind', 2, 'cpf', 'Pessoa física (CPF)', 'Person (CPF)'),
        ('opportunity_kind', 1, 'upsell', 'Upsell (comprar mais)', 'Upsell'),
        ('opportunity_kind', 2, 'cross_sell', 'Cross-sell (nova categoria)', 'Cross-sell'),
        ('peer_group_level', 1, 'segment_porte_region', 'Mesmo segmento, porte e região', 'Same segment, company size and region'),
        ('peer_group_level', 2, 'segment_porte', 'Mesmo segmento e porte', 'Same segment and company size'),
        ('peer_group_level', 3, 'porte', 'Mesmo porte', 'Same company size'),
        ('peer_group_level', 4, 'segment_tier_region', 'Mesmo segmento, faixa de gasto e região', 'Same segment, spend band and region'),
        ('peer_group_level', 5, 'segment_tier', 'Mesmo segmento e faixa de gasto', 'Same segment and spend band'),
        ('peer_group_level', 6, 'segment', 'Mesmo segmento', 'Same segment'),
        ('peer_group_level', 7, 'all', 'Todos os clientes', 'All customers'),
        ('company_size', 1, 'mei', 'MEI', 'Individual micro-entrepreneur (MEI)'),
        ('company_size', 2, 'me', 'ME', 'Micro company (ME)'),
        ('company_size', 3, 'epp', 'EPP', 'Small company (EPP)'),
        ('company_size', 4, 'medio', 'Médio', 'Medium'),
        ('company_size', 5, 'grande', 'Grande', 'Large'),
        ('potential_rule', 1, 'same_porte', 'Clientes do mesmo porte', 'Peers of the same company size'),
        ('potential_rule', 2, 'size_factor', 'Ajustado ao tamanho do cliente', 'Scaled to the customer''s size'),
        ('potential_rule', 3, 'capped_at_top_peer', 'Ajustado ao tamanho, limitado ao maior comprador semelhante', 'Scaled to the customer''s size, capped at the top peer'),
        ('holdout_method', 1, 'peer_group', 'Clientes semelhantes', 'Peer group'),
        ('holdout_method', 2, 'popularity', 'Mais vendidas (referência)', 'Most bought (baseline)'),
        ('action', 1, 'retain', 'Reter', 'Retain'),
        ('action', 2, 'reactivate', 'Reativar', 'Reactivate'),
        ('action', 3, 'renew', 'Renovar', 'Renew'),
        ('action', 4, 'offer', 'Oferecer', 'Offer'),
        ('lead_breakdown', 1, 'seller_source', 'Vendedor × origem', 'Seller × source'),
        ('lead_breakdown', 2, 'seller', 'Vendedor', 'Seller'),
        ('lead_breakdown', 3, 'source', 'Origem', 'Source'),
        ('lead_breakdown', 4, 'all', 'Todos os leads', 'All leads'),
        ('churn_risk', 1, 'high', 'Risco alto', 'High risk'),
        ('churn_risk', 2, 'medium', 'Risco médio', 'Medium risk'),
        ('churn_risk', 3, 'low', 'Risco baixo', 'Low risk'),
        ('change_type', 1, 'status', 'Mudança de situação', 'Status change'),
        ('change_type', 2, 'owner', 'Troca de vendedor', 'Handed to another seller'),
        ('change_type', 3, 'kpi', 'Indicador', 'Headline KPI'),
        ('kpi', 1, 'active_customers', 'Clientes na carteira ativa', 'Active portfolio customers'),
        ('kpi', 2, 'at_risk_customers', 'Clientes em risco', 'At-risk customers'),
        ('kpi', 3, 'new_customers', 'Clientes novos', 'New customers'),
        ('kpi', 4, 'churned', 'Clientes perdidos (churn)', 'Churned customers'),
        ('kpi', 5, 'revenue', 'Faturamento', 'Revenue'),
        ('kpi', 6, 'coverage_pct', 'Positivação (%)', 'Coverage (%)'),
        ('kpi', 7, 'avg_ticket', 'Ticket médio', 'Average ticket'),
        ('unit', 1, 'brl', 'R$', 'BRL'),
        ('unit', 2, 'pct', '% (0-100)', 'Percent (0-100)'),
        ('unit', 3, 'share', 'Fração (0-1)', 'Share (0-1)'),
        ('unit', 4, 'ratio', 'Razão', 'Ratio'),
        ('unit', 5, 'count', 'Contagem', 'Count'),
        ('unit', 6, 'number', 'Número', 'Number'),
        ('unit', 7, 'days', 'Dias', 'Days'),
        ('unit', 8, 'date', 'Data', 'Date'),
        ('unit', 9, 'month', 'Mês', 'Month'),
        ('unit', 10, 'flag', 'Sim/não', 'Yes/no'),
        ('unit', 11, 'text', 'Texto', 'Text'),
        ('entity', 1, 'customers', 'Clientes', 'Customers'),
        ('entity', 2, 'sellers', 'Vendedores', 'Sellers'),
        ('entity', 3, 'products', 'Produtos', 'Products'),
        ('entity', 4, 'orders', 'Pedidos', 'Orders'),
        ('entity', 5, 'order_items', 'Itens de pedido', 'Order items'),
        ('entity', 6, 'contracts', 'Contratos', 'Contracts'),
        ('entity', 7, 'targets', 'Metas', 'Targets'),
        ('entity', 8, 'leads', 'Leads', 'Leads'),
        ('entity', 9, 'marketing_spend', 'Investimento em marketing', 'Marketing spend'),
        ('severity', 1, 'reject', 'Linha rejeitada', 'Row rejected'),
        ('severity', 2, 'warning', 'Aviso', 'Warning'),
        ('orphan_reason', 1, 'departed', 'Vendedor desligado', 'Seller departed'),
        ('orphan_reason', 2, 'not_in_sellers_export', 'Fora do cadastro de vendedores', 'Not in the sellers export'),
        ('orphan_reason', 3, 'no_owner', 'Sem vendedor', 'No owner'),
        ('balance_measure', 1, 'customers', 'Clientes', 'Customers'),
        ('balance_measure', 2, 'active_portfolio_customers', 'Carteira ativa', 'Active portfolio'),
        ('balance_measure', 3, 'window_revenue', 'Faturamento na janela', 'Revenue in the window'),
        ('balance_measure', 4, 'potential', 'Potencial', 'Potential'),
        ('balance_measure', 5, 'at_risk_value', 'Valor em risco', 'Value at risk'),
        ('balance_measure', 6, 'workload', 'Carga', 'Workload'),
        ('reassignment_phase', 1, 'orphaned', 'Carteira órfã', 'Orphaned portfolio'),
        ('reassignment_phase', 2, 'balance', 'Equilíbrio', 'Balance'),
        ('model', 1, 'bgnbd', 'BG/NBD (recompra)', 'BG/NBD (repeat purchase)'),
        ('model', 2, 'gamma_gamma', 'Gamma-Gamma (valor por compra)', 'Gamma-Gamma (value per purchase)')
    ) as t(field, sort_order, value, label_pt, label_en)
),

segment_labels as (
    select
        'rfm_segment' as field,
        sort_order,
        rfm_segment as value,
        label_pt,
        label_en,
    from segment_grid
),

state_labels as (
    select
        'state' as field,
        row_number() over (order by name) as sort_order,
        uf as value,
        name as label_pt,
        name as label_en,
    from ufs
),

-- where each field's keys appear, so a reader knows which label set a column uses
field_columns as (
    select * from (values
        ('status', 'customers.status, customer_status_monthly.status, customer_status_monthly.status_start, status_counts_monthly.status, portfolio_status.status, status_changes.status, status_changes.previous_status, status_change_summary.status, status_change_summary.previous_status, reassignment_suggestions.status, customer_cluster_members.status'),
        ('rfm_segment', 'customers.rfm_segment, rfm_segments.rfm_segment'),
        ('abc_class', 'customers.abc_class, product_abc.abc_class, category_abc.abc_class'),
        ('region', 'customers.region, geography.region, sales_cube.region, portfolio_balance.region, reassignment_suggestions.region, customer_cluster_members.region'),
        ('state', 'customers.state, geography.state, sales_cube.state, category_penetration.state, product_mix.state, reassignment_suggestions.state, sellers.state, customer_cluster_members.state'),
        ('order_status', 'orders export (status); kpis_monthly.canceled_*, kpis_monthly.returned_*'),
        ('contract_status', 'renewals.status'),
        ('renewal_status', 'renewals.renewal_status'),
        ('lead_status', 'leads export (status); sellers_monthly.leads_*, kpis_monthly.leads_*, lead_funnel.open_leads and won/lost counts'),
        ('period_type', 'kpis_periods.period_type'),
        ('document_kind', 'customers.document_kind'),
        ('opportunity_kind', 'opportunities.kind'),
        ('peer_group_level', 'opportunities.peer_group_level'),
        ('company_size', 'customers export (company_size); opportunities.company_size, opportunity_customers.company_size, customer_cluster_members.company_size, customer_clusters.dominant_company_size'),
        ('potential_rule', 'opportunities.potential_rule'),
        ('holdout_method', 'recommendation_holdout.method'),
        ('action', 'action_list.action'),
        ('lead_breakdown', 'lead_funnel.breakdown'),
        ('churn_risk', 'customers.churn_risk'),
        ('change_type', 'status_changes.change_type, status_change_summary.change_type'),
        ('kpi', 'status_changes.kpi'),
        ('unit', 'status_changes.unit, data_dictionary.unit'),
        ('entity', 'load_summary.entity, rejects.entity'),
        ('severity', 'rejects.severity'),
        ('orphan_reason', 'portfolio_balance.orphan_reason'),
        ('balance_measure', 'portfolio_balance_spread.measure'),
        ('reassignment_phase', 'reassignment_suggestions.phase'),
        ('model', 'model_fit.model')
    ) as t(field, used_in)
),

all_labels as (
    select field, sort_order, value, label_pt, label_en from fixed_labels
    union all
    select field, sort_order, value, label_pt, label_en from segment_labels
    union all
    select field, sort_order, value, label_pt, label_en from state_labels
),

final as (
    select
        all_labels.field,
        all_labels.value,
        all_labels.label_pt,
        all_labels.label_en,
        cast(all_labels.sort_order as integer) as sort_order,
        field_columns.used_in,
    from all_labels
    left join field_columns on field_columns.field = all_labels.field
)

select * from final
