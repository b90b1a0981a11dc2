import type { ColumnDoc, MartSpec } from '../marts.ts';
import { asOf, region, segment, state } from './columnDocs.ts';

/** A seller named as the proposal names people: the seller_label macro. */
const sellerLabel = (whose_pt: string, whose_en: string) =>
  [
    `Nome e código ${whose_pt}, "Ana Teixeira (V0123)" (o código só, sem nome; NULL sem vendedor)`,
    `${whose_en}'s name and code, "Ana Teixeira (V0123)" (the code alone without a name; NULL without a seller)`,
    'text',
  ] as const satisfies ColumnDoc;
const windowRevenue = [
  'Faturamento dos clientes na janela da segmentação (padrão: 12 meses antes da data de referência)',
  'Revenue of the customers in the segmentation window (default: 12 months before the as-of date)',
  'brl',
  'not null',
] as const satisfies ColumnDoc;
const potential = [
  'Potencial: soma do CLV de 12 meses dos clientes (NULL sem modelo de valor ajustado)',
  "Potential: sum of the customers' 12-month CLV (NULL when the value model was not fitted)",
  'brl',
] as const satisfies ColumnDoc;
const atRiskValue = [
  'Valor em risco: soma do valor em jogo das ações "reter" (action_list), o mesmo número da página Risco',
  'Value at risk: sum of the value at stake of the "retain" actions (action_list), as on the Risco page',
  'brl',
  'not null',
] as const satisfies ColumnDoc;
const workload = [
  'Carga: metade pela carteira ativa e metade pelo potencial, cada uma dividida pela média por vendedor apto (1,0 = carga média; sem CLV, só a carteira ativa)',
  'Workload: half active portfolio and half potential, each divided by the mean per eligible seller (1.0 = the mean load; without CLV, the active portfolio alone)',
  'ratio',
  'not null',
] as const satisfies ColumnDoc;
const after = <const D extends ColumnDoc>([pt, en, unit, nulls]: D): readonly [string, string, D[2], D[3]] => [
  `${pt}, depois da proposta de redistribuição`,
  `${en}, after the reassignment proposal`,
  unit,
  nulls,
];
const share = (pt: string, en: string): readonly [string, string, 'share'] => [
  `Parcela do total da empresa: ${pt} (0 a 1)`,
  `Share of the company total: ${en} (0-1)`,
  'share',
];
const spread = (stat: string, statEn: string, when: string, whenEn: string): readonly [string, string, 'ratio'] => [
  `${stat} da medida entre os vendedores aptos, ${when}`,
  `${statEn} of the measure across the eligible sellers, ${whenEn}`,
  'ratio',
];
const cv = ['Coeficiente de variação (desvio-padrão populacional ÷ média)', 'Coefficient of variation (population standard deviation ÷ mean)'] as const;
const gini = [
  'Índice de Gini (0 = todos iguais; perto de 1 = um vendedor concentra tudo)',
  'Gini index (0 = all equal; near 1 = one seller holds everything)',
] as const;

/** Balance between sellers (issue 13): each seller's portfolio, its spread, and the reassignment proposal. */
export const balanceMarts = [
  {
    name: 'portfolio_balance',
    grain_pt:
      'uma linha por vendedor apto a receber clientes ou dono de algum cliente, mais uma linha (seller_id NULL) para clientes sem vendedor; hoje e depois da proposta',
    grain_en:
      'one row per seller able to take customers or owning any, plus one row (seller_id NULL) for customers without an owner; today and after the proposal',
    orderBy: 'seller_id nulls last',
    columns: {
      seller_id: ['Código do vendedor (NULL = clientes sem vendedor)', 'Seller code (NULL = customers without an owner)', 'text'],
      seller_name: ['Nome do vendedor (como no mart sellers)', 'Seller name (as in the sellers mart)', 'text'],
      seller_label: sellerLabel('do vendedor', 'The seller'),
      region: [
        'Região IBGE do vendedor: a da UF no arquivo de vendedores, senão a da maioria dos seus clientes',
        "The seller's IBGE region: its UF's in the sellers export, else where most of its customers are",
        'text',
      ],
      is_eligible: [
        'Apto a receber clientes: ativo no arquivo de vendedores (sem esse arquivo, todo vendedor conhecido)',
        'Able to take customers: active in the sellers export (without that export, every known seller)',
        'flag',
      ],
      orphan_reason: [
        'Carteira órfã: departed (vendedor desligado), not_in_sellers_export (fora do cadastro de vendedores), no_owner (sem vendedor); NULL = vendedor apto',
        'Orphaned portfolio: departed, not_in_sellers_export, no_owner; NULL = an eligible seller',
        'text',
      ],
      customers: ['Clientes da carteira (qualquer situação)', 'Customers owned (any status)', 'count'],
      active_portfolio_customers: [
        'Clientes na carteira ativa (novo, ativo, em risco, reativado)',
        'Customers in the active portfolio (new, active, at_risk, reactivated)',
        'count',
      ],
      window_revenue: windowRevenue,
      potential,
      at_risk_value: atRiskValue,
      customers_share: share('clientes', 'customers'),
      active_portfolio_customers_share: share('carteira ativa', 'active portfolio'),
      window_revenue_share: share('faturamento na janela', 'window revenue'),
      potential_share: share('potencial', 'potential'),
      at_risk_value_share: share('valor em risco', 'value at risk'),
      workload,
      customers_after: after(['Clientes da carteira', 'Customers owned', 'count']),
      active_portfolio_customers_after: after(['Clientes na carteira ativa', 'Customers in the active portfolio', 'count']),
      window_revenue_after: after(windowRevenue),
      potential_after: after(potential),
      at_risk_value_after: after(atRiskValue),
      workload_after: after(workload),
      customers_received: ['Clientes que a proposta passa a este vendedor', 'Customers the proposal moves to this seller', 'count'],
      customers_given: [
        'Clientes que a proposta tira deste vendedor (ou desta carteira órfã)',
        'Customers the proposal moves away from this seller (or orphaned portfolio)',
        'count',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'portfolio_balance_spread',
    grain_pt: 'uma linha por medida do equilíbrio entre vendedores (clientes, carteira ativa, faturamento, potencial, valor em risco, carga)',
    grain_en: 'one row per measure of the balance between sellers (customers, active portfolio, revenue, potential, value at risk, workload)',
    orderBy: 'measure_order',
    columns: {
      measure: [
        'Medida: customers, active_portfolio_customers, window_revenue, potential, at_risk_value ou workload (colunas de portfolio_balance)',
        'Measure: customers, active_portfolio_customers, window_revenue, potential, at_risk_value or workload (portfolio_balance columns)',
        'text',
        'not null',
      ],
      measure_order: ['Ordem de apresentação da medida', 'Display order of the measure', 'number'],
      sellers: ['Vendedores aptos comparados', 'Eligible sellers compared', 'count'],
      mean_before: ['Média por vendedor apto, hoje (na unidade da medida)', 'Mean per eligible seller today (in the unit of the measure)', 'number'],
      cv_before: spread(cv[0], cv[1], 'hoje', 'today'),
      gini_before: spread(gini[0], gini[1], 'hoje', 'today'),
      mean_after: [
        'Média por vendedor apto depois da proposta (na unidade da medida)',
        'Mean per eligible seller after the proposal (in the unit of the measure)',
        'number',
      ],
      cv_after: spread(cv[0], cv[1], 'depois da proposta', 'after the proposal'),
      gini_after: spread(gini[0], gini[1], 'depois da proposta', 'after the proposal'),
      as_of_date: asOf,
    },
  },
  {
    name: 'portfolio_balance_totals',
    grain_pt: 'uma linha: as carteiras órfãs de portfolio_balance somadas (hoje e sem destino na proposta) e as mudanças propostas por fase',
    grain_en:
      'one row: the orphaned portfolios of portfolio_balance in total (today and left without a destination by the proposal) and the proposed moves by phase',
    orderBy: 'as_of_date',
    columns: {
      orphaned_sellers: [
        'Vendedores com carteira órfã (desligados ou fora do cadastro; a linha sem vendedor não conta)',
        'Sellers with an orphaned portfolio (departed or not in the sellers export; the no-owner row does not count)',
        'count',
      ],
      orphaned_customers: ['Clientes em carteiras órfãs (qualquer situação)', 'Customers in orphaned portfolios (any status)', 'count'],
      orphaned_active_portfolio_customers: ['Deles, na carteira ativa', 'Of them, in the active portfolio', 'count'],
      orphaned_window_revenue: [
        'Faturamento desses clientes na janela da segmentação',
        'Revenue of those customers in the segmentation window',
        'brl',
        'not null',
      ],
      orphaned_potential: [
        'Potencial desses clientes: CLV de 12 meses somado (NULL sem modelo de valor ajustado ou sem carteira órfã)',
        "Those customers' potential: 12-month CLV summed (NULL without a fitted value model or without orphaned portfolios)",
        'brl',
      ],
      orphaned_customers_after: [
        'Clientes que ficam sem destino na proposta (sem UF ou em região sem vendedor apto)',
        'Customers the proposal leaves without a destination (no UF, or a region without an eligible seller)',
        'count',
      ],
      moves: ['Mudanças propostas (linhas de reassignment_suggestions)', 'Proposed moves (rows of reassignment_suggestions)', 'count'],
      orphan_moves: ['Delas, de carteiras órfãs (fase orphaned)', 'Of them, from orphaned portfolios (phase orphaned)', 'count'],
      balance_moves: ['Delas, para equilibrar vendedores (as demais)', 'Of them, to balance sellers (the rest)', 'count'],
      as_of_date: asOf,
    },
  },
  {
    name: 'reassignment_suggestions',
    grain_pt: 'uma linha por cliente que a proposta passa a outro vendedor, na ordem em que foi decidida (uma proposta, não uma mudança)',
    grain_en: 'one row per customer the proposal moves to another seller, in the order decided (a proposal, not a change)',
    orderBy: 'step',
    columns: {
      step: [
        'Passo da proposta: primeiro as carteiras órfãs, depois o equilíbrio',
        'Step of the proposal: orphaned portfolios first, then balancing',
        'number',
        'not null',
      ],
      phase: [
        'Fase: orphaned (carteira órfã) ou balance (equilíbrio entre vendedores da região)',
        'Phase: orphaned (orphaned portfolio) or balance (between sellers of a region)',
        'text',
        'not null',
      ],
      customer_id: ['Código do cliente', 'Customer code', 'text', 'not null'],
      customer_name: [
        'Nome do cliente (como no mart customers; pessoas físicas com pseudônimo)',
        'Customer name (as in the customers mart; persons pseudonymized)',
        'text',
      ],
      segment,
      state,
      region,
      status: ['Situação do cliente na data de referência', 'Customer status at the as-of date', 'text'],
      from_seller_id: ['Vendedor de hoje (NULL = sem vendedor)', 'Current owner (NULL = none)', 'text'],
      from_seller_name: ['Nome do vendedor de hoje', 'Current owner name', 'text'],
      from_seller_label: sellerLabel('do vendedor de hoje', 'The current owner'),
      to_seller_id: ['Vendedor proposto', 'Proposed owner', 'text', 'not null'],
      to_seller_name: ['Nome do vendedor proposto', 'Proposed owner name', 'text'],
      to_seller_label: sellerLabel('do vendedor proposto', 'The proposed owner'),
      reason_pt: ['Motivo da mudança, em português', 'Reason for the move, in Portuguese', 'text', 'not null'],
      is_same_segment: ['O vendedor proposto já atende clientes do mesmo segmento', 'The proposed owner already serves customers of the same segment', 'flag'],
      is_active_portfolio: ['Cliente na carteira ativa', 'Customer in the active portfolio', 'flag'],
      window_revenue: windowRevenue,
      potential: ['CLV de 12 meses do cliente (NULL sem modelo)', "The customer's 12-month CLV (NULL without the model)", 'brl'],
      workload: [
        'Carga do cliente (a parte que ele soma à carga do vendedor)',
        "The customer's workload (what it adds to its seller's load)",
        'ratio',
        'not null',
      ],
      from_workload_after: [
        'Carga do vendedor de hoje depois deste passo (NULL para carteira órfã)',
        "The current owner's workload after this step (NULL for an orphaned portfolio)",
        'ratio',
      ],
      to_workload_after: ['Carga do vendedor proposto depois deste passo', "The proposed owner's workload after this step", 'ratio', 'not null'],
      workload_cv_after: [
        'Coeficiente de variação da carga entre vendedores aptos depois deste passo',
        'Coefficient of variation of the workload across eligible sellers after this step',
        'ratio',
        'not null',
      ],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
