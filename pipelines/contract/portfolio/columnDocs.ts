import type { ColumnDoc } from '../marts.ts';

/**
 * Column descriptions shared by the portfolio marts, so that one measure reads the same in every
 * mart. Defaults named here are configurable (pipelines/contract/config.ts).
 */

/** A shared column doc marked as never NULL in one mart. */
export const notNull = <const D extends ColumnDoc>([pt, en, unit]: D): readonly [D[0], D[1], D[2], 'not null'] => [pt, en, unit, 'not null'];

/** A shared column doc marked as possibly NULL in one mart. */
export const nullable = <const D extends ColumnDoc>([pt, en, unit]: D): readonly [D[0], D[1], D[2], 'nullable'] => [pt, en, unit, 'nullable'];

/** as_of_date, in every mart. */
export const asOf = ['Data de referência da análise', 'Date the portfolio is judged at', 'date'] as const satisfies ColumnDoc;
/** A month column (its first day). */
export const month = ['Mês (primeiro dia)', 'Month (its first day)', 'month'] as const satisfies ColumnDoc;
/** is_partial_month, wherever months appear. */
export const partialMonth = [
  'Mês da data de referência ainda em curso (a data não é o último dia do mês): não compare com meses fechados',
  'The as-of month is still running (the as-of date is not its last day): do not compare it with complete months',
  'flag',
] as const satisfies ColumnDoc;
/** Whether a target was met (the is_target_met rule), for each kind of target. */
const targetMet = (kind_pt: string, kind_en: string) =>
  [
    `Meta de ${kind_pt} batida: realizado ≥ meta (valores publicados); NULL sem meta, com meta 0 ou sem realizado`,
    `${kind_en} target met: actual ≥ target (as published); NULL without a target, with a target of 0 or without an actual`,
    'flag',
    'nullable',
  ] as const satisfies ColumnDoc;
export const revenueTargetMet = targetMet('faturamento', 'Revenue');
export const coverageTargetMet = targetMet('positivação', 'Coverage');
export const newCustomersTargetMet = targetMet('clientes novos', 'New-customer');
/** months_since of the cohort marts. */
export const monthsSince = ['Meses desde o mês de aquisição', 'Months since the acquisition month', 'count'] as const satisfies ColumnDoc;
/** A seller key that may be NULL. */
export const sellerId = ['Código do vendedor (NULL = sem vendedor)', 'Seller code (NULL = no seller)', 'text'] as const satisfies ColumnDoc;
/** A UF that may be NULL. */
export const state = ['UF (NULL = desconhecida)', 'State, UF (NULL = unknown)', 'text'] as const satisfies ColumnDoc;
/** An IBGE region key. */
export const region = ['Região IBGE (chave; rótulos em labels, campo region)', 'IBGE region key (labels, field region)', 'text'] as const satisfies ColumnDoc;
/** A customer segment. */
export const segment = ['Segmento do cliente (NULL = desconhecido)', 'Customer segment (NULL = unknown)', 'text'] as const satisfies ColumnDoc;
/** Invoiced revenue. */
export const revenue = [
  'Faturamento: soma dos pedidos faturados (itens: quantidade × preço − desconto; sem itens: valor do pedido); cancelados e devolvidos excluídos',
  'Revenue: sum of invoiced orders (items: quantity × unit price − discount; without items: order amount); canceled and returned excluded',
  'brl',
  'not null',
] as const satisfies ColumnDoc;
/** Gross margin beside revenue, NULL where a cost is unknown. */
export const grossMargin = [
  'Margem bruta: faturamento − quantidade × custo unitário; NULL quando algum pedido do recorte não tem custo em todos os itens',
  'Gross margin: revenue − quantity × unit cost; NULL when an order of the cut lacks a cost on any line',
  'brl',
] as const satisfies ColumnDoc;
/** Invoiced orders. */
export const orders = ['Pedidos faturados', 'Invoiced orders', 'count'] as const satisfies ColumnDoc;
/** Ticket médio. */
export const avgTicket = ['Ticket médio: faturamento ÷ pedidos faturados', 'Average ticket: revenue ÷ invoiced orders', 'brl'] as const satisfies ColumnDoc;
/** The lifecycle status and its rule. */
export const status = [
  'Situação no ciclo de vida (prospect, new, active, at_risk, inactive, lost, reactivated; rótulos em labels, campo status), julgada só com o histórico até a data: g = mediana dos intervalos entre dias de compra (20 com um só dia de compra), d = dias desde a última compra; a primeira regra que vale: reactivated (comprou no mês após estar inativo ou perdido), new (primeira compra há ≤ 90 dias), active (d ≤ máx(1,5g; 30)), at_risk (d ≤ máx(3g; 180)), inactive (d ≤ máx(4g; 365)), lost',
  'Lifecycle status (labels, field status), judged with the history up to the date only: g = median gap between purchase days (20 with a single purchase day), d = days since the last purchase; first rule that matches: reactivated (bought in the month after being inactive or lost), new (first purchase ≤ 90 days ago), active (d ≤ max(1.5g, 30)), at_risk (d ≤ max(3g, 180)), inactive (d ≤ max(4g, 365)), lost',
  'text',
] as const satisfies ColumnDoc;
/** The working portfolio at the start of the month. */
export const portfolioCustomers = [
  'Carteira de trabalho: clientes com situação no início do mês (= fim do mês anterior) na carteira ativa (new, active, at_risk, reactivated) ou inactive; denominador da positivação',
  'Working portfolio: customers whose status at the start of the month (= end of the previous one) is in the active portfolio (new, active, at_risk, reactivated) or inactive; the coverage denominator',
  'count',
] as const satisfies ColumnDoc;
/** Working-portfolio customers who bought. */
export const portfolioBuying = [
  'Clientes da carteira de trabalho com ao menos um pedido faturado no período (qualquer vendedor); numerador da positivação',
  'Working-portfolio customers with at least one invoiced order in the period (any seller); the coverage numerator',
  'count',
] as const satisfies ColumnDoc;
/** Positivação. */
export const coveragePct = [
  'Positivação (cobertura): clientes da carteira de trabalho que compraram ÷ carteira de trabalho × 100; NULL com carteira vazia',
  'Coverage (positivação): working-portfolio customers who bought ÷ working portfolio × 100; NULL for an empty portfolio',
  'pct',
] as const satisfies ColumnDoc;
/** Distinct buying customers. */
export const buyingCustomers = [
  'Clientes distintos com ao menos um pedido faturado no recorte (inclui novos e reativados)',
  'Distinct customers with at least one invoiced order in the cut (new and reactivated included)',
  'count',
] as const satisfies ColumnDoc;
/** The active portfolio at the start. */
export const activeStart = [
  'Carteira ativa no início (new, active, at_risk, reactivated no fim do período anterior)',
  'Active portfolio at the start (new, active, at_risk, reactivated at the end of the previous period)',
  'count',
] as const satisfies ColumnDoc;
/** Customers who left the active portfolio. */
export const churned = [
  'Churn: clientes na carteira ativa no início e inactive ou lost no fim',
  'Churned: customers in the active portfolio at the start and inactive or lost at the end',
  'count',
] as const satisfies ColumnDoc;
/** Logo churn rate. */
export const churnRate = [
  'Taxa de churn de clientes: churn ÷ carteira ativa no início (novos do período fora da base); NULL sem base',
  'Logo churn rate: churned ÷ active portfolio at the start (customers new in the period are not in the base); NULL without a base',
  'share',
] as const satisfies ColumnDoc;
/** Retention rate. */
export const retentionRate = ['Retenção: 1 − taxa de churn', 'Retention: 1 − churn rate', 'share'] as const satisfies ColumnDoc;
/** Customers back in the active portfolio. */
export const reactivated = [
  'Reativados: clientes inactive ou lost no início e de volta à carteira ativa no fim (voltaram a comprar)',
  'Reactivated: customers inactive or lost at the start and back in the active portfolio at the end (they bought again)',
  'count',
] as const satisfies ColumnDoc;
/** Customers with their first invoiced order in the period. */
export const newCustomers = [
  'Clientes novos: primeiro pedido faturado no período',
  'New customers: first invoiced order in the period',
  'count',
] as const satisfies ColumnDoc;

/** The columns kpis_monthly and kpis_periods share, recomputed over the whole period in kpis_periods. */
export const kpiColumns = {
  revenue,
  gross_margin: grossMargin,
  orders,
  avg_ticket: avgTicket,
  active_customers: [
    'Carteira ativa no fim do período (new, active, at_risk, reactivated)',
    'Active portfolio at the end of the period (new, active, at_risk, reactivated)',
    'count',
  ],
  buying_customers: buyingCustomers,
  portfolio_customers: [
    'Carteira de trabalho no início do período: situação na carteira ativa ou inactive; denominador da positivação',
    'Working portfolio at the start of the period: status in the active portfolio or inactive; the coverage denominator',
    'count',
  ],
  portfolio_buying_customers: portfolioBuying,
  coverage_pct: coveragePct,
  active_start: activeStart,
  churned,
  churn_rate: churnRate,
  retention_rate: retentionRate,
  ltv: [
    'LTV simples ("valor da carteira" por cliente): faturamento de todo o histórico até o fim do período ÷ clientes que já compraram até lá',
    'Simple LTV: revenue over all history up to the end of the period ÷ customers who ever bought by then',
    'brl',
  ],
  new_customers: newCustomers,
  reactivated,
  at_risk_customers: ['Clientes em risco (ritmo) no fim do período', 'Customers at_risk (rhythm) at the end of the period', 'count'],
  marketing_spend: [
    'Investimento em marketing e vendas; NULL sem arquivo de investimento ou quando falta o valor de algum mês do período',
    'Sales and marketing spend; NULL without a spend file or when a month of the period has no spend row',
    'brl',
  ],
  cac: [
    'CAC: investimento ÷ clientes novos do período; NULL sem investimento informado ou sem clientes novos',
    'CAC: spend ÷ new customers of the period; NULL without reported spend or new customers',
    'brl',
  ],
  ltv_cac: ['LTV ÷ CAC (referência usual: ≥ 3)', 'LTV ÷ CAC (the usual bar: ≥ 3)', 'ratio'],
  leads_won: [
    'Leads ganhos fechados no período (data de fechamento; sem ela, a de criação); NULL sem arquivo de leads',
    'Leads won, closed in the period (close date; creation date when missing); NULL without a leads file',
    'count',
    'nullable',
  ],
  leads_closed: [
    'Leads fechados (ganhos + perdidos) no período; NULL sem arquivo de leads',
    'Leads closed (won + lost) in the period; NULL without a leads file',
    'count',
    'nullable',
  ],
  conversion_rate: [
    'Conversão: leads ganhos ÷ leads fechados; NULL sem leads fechados ou sem arquivo',
    'Conversion: leads won ÷ leads closed; NULL without closed leads or without a file',
    'share',
  ],
  top20_revenue_share: [
    'Concentração: parcela do faturamento do período vinda dos 20% maiores compradores do período (arredondado para cima; empates pelo código do cliente)',
    "Concentration: share of the period's revenue from its top 20% buyers (rounded up; ties by customer code)",
    'share',
  ],
  canceled_orders: ['Pedidos cancelados (fora do faturamento)', 'Canceled orders (not in revenue)', 'count'],
  canceled_value: ['Valor dos pedidos cancelados', 'Value of canceled orders', 'brl'],
  returned_orders: ['Pedidos devolvidos (fora do faturamento)', 'Returned orders (not in revenue)', 'count'],
  returned_value: ['Valor dos pedidos devolvidos', 'Value of returned orders', 'brl'],
  as_of_date: asOf,
} as const satisfies Record<string, ColumnDoc>;

const { as_of_date: _kpiAsOf, ...measures } = kpiColumns;
/** The KPI columns without as_of_date, for marts that place it last themselves. */
export const kpiMeasures = measures;
