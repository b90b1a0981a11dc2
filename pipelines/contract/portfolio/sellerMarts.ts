import type { MartSpec } from '../marts.ts';
import { asOf, kpiColumns } from './columnDocs.ts';

const owned = (pt: string, en: string): readonly [string, string, 'count'] => [
  `Clientes do vendedor (dono da conta) ${pt} na data de referência`,
  `Customers the seller owns ${en} at the as-of date`,
  'count',
];

/** The sellers themselves: names and teams for the report, and the portfolio each one owns today. */
export const sellerMarts = [
  {
    name: 'sellers',
    grain_pt: 'uma linha por vendedor (do arquivo de vendedores ou citado em clientes, pedidos, metas ou leads)',
    grain_en: 'one row per seller (from the sellers export or referenced by customers, orders, targets or leads)',
    orderBy: 'seller_id',
    columns: {
      seller_id: ['Código do vendedor', 'Seller code', 'text', 'not null'],
      name: [
        'Nome do vendedor como o relatório o mostra: com o código entre parênteses quando outro vendedor tem o mesmo nome (sem diferença de maiúsculas, acentos e espaços nas pontas); NULL sem arquivo de vendedores; o pseudônimo "Vendedor XXXXXX" quando a configuração pede pseudônimos também para vendedores',
        'Seller name as the report shows it: with the code in parentheses when another seller has the same name (ignoring case, accents and surrounding spaces); NULL without a sellers export; the pseudonym "Vendedor XXXXXX" when the configuration asks for seller pseudonyms too',
        'text',
      ],
      team: ['Equipe', 'Team', 'text'],
      state: ['UF de atuação', 'State (UF) the seller works in', 'text'],
      hired_at: ['Data de admissão', 'Hiring date', 'date', 'nullable'],
      is_active: ['Ainda na empresa (arquivo de vendedores; sem ele, verdadeiro)', 'Still with the company (sellers export; true without it)', 'flag'],
      is_derived: [
        'Vendedor sem linha no arquivo de vendedores, conhecido só por outras exportações',
        'Seller missing from the sellers export, known only from other exports',
        'flag',
      ],
      owned_customers: owned('em qualquer situação', 'in any status'),
      active_portfolio_customers: owned('na carteira ativa (novo, ativo, em risco, reativado)', 'in the active portfolio (new, active, at_risk, reactivated)'),
      at_risk_customers: owned('em risco (atrasados para o próprio ritmo)', 'at risk (late against their own rhythm)'),
      inactive_customers: owned('inativos', 'inactive'),
      lost_customers: owned('perdidos (ex-clientes)', 'lost (ex-customers)'),
      prospects: owned('que nunca compraram (possíveis clientes)', 'who never bought (prospects)'),
      as_of_date: asOf,
    },
  },
  {
    name: 'departed_portfolios',
    grain_pt:
      'uma linha por vendedor que saiu da empresa (sellers.is_active falso) e uma para os clientes sem vendedor (seller_id NULL), dos que têm clientes, mais uma linha com todos eles (coluna breakdown)',
    grain_en:
      'one row per seller no longer with the company (sellers.is_active false) and one for the customers without an owner (seller_id NULL), of those with customers, plus one row over all of them (column breakdown)',
    orderBy: 'breakdown desc, seller_id nulls last',
    columns: {
      breakdown: [
        'Recorte da linha: seller (um vendedor, ou os sem vendedor), all (todos eles); use a linha all em vez de somar (labels, campo departed_breakdown)',
        'Breakdown of the row: seller (one seller, or the customers without one), all (all of them); use the all row rather than summing',
        'text',
        'not null',
      ],
      seller_id: [
        'Vendedor que saiu (NULL na linha seller = clientes sem vendedor; NULL na linha all)',
        'Departed seller (NULL on a seller row = customers without an owner; NULL on the all row)',
        'text',
      ],
      active_portfolio_customers: owned('na carteira ativa (novo, ativo, em risco, reativado)', 'in the active portfolio (new, active, at_risk, reactivated)'),
      at_risk_customers: owned('em risco', 'at risk'),
      inactive_customers: owned('inativos', 'inactive'),
      lost_customers: owned('perdidos (ex-clientes)', 'lost (ex-customers)'),
      prospects: owned('que nunca compraram (possíveis clientes)', 'who never bought (prospects)'),
      window_revenue: [
        'Faturamento desses clientes na janela da segmentação (padrão: 12 meses)',
        'Revenue of those customers in the segmentation window (default: 12 months)',
        'brl',
        'not null',
      ],
      renewal_contracts: [
        'Contratos desses clientes a renovar ou na carência (renewals: due, in_grace); NULL sem arquivo de contratos',
        "Those customers' contracts due or in grace (renewals: due, in_grace); NULL without a contracts file",
        'count',
        'nullable',
      ],
      renewal_monthly_value: [
        'Valor mensal desses contratos; NULL sem arquivo de contratos',
        'Monthly value of those contracts; NULL without a contracts file',
        'brl',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'seller_periods',
    grain_pt:
      'uma linha por janela (last_month: o último mês completo; last_12_months: os 12 meses completos até ele) × recorte: por vendedor, por equipe e todos (coluna breakdown); vazio sem mês completo',
    grain_en:
      'one row per window (last_month: the last complete month; last_12_months: the 12 complete months to it) × breakdown: per seller, per team and all (column breakdown); empty without a complete month',
    orderBy: 'period, breakdown, team nulls last, seller_id nulls last',
    columns: {
      period: [
        'Janela: last_month (último mês completo) ou last_12_months (os 12 meses completos até ele, menos quando o histórico é mais curto)',
        'Window: last_month (the last complete month) or last_12_months (the 12 complete months to it, fewer when the history is shorter)',
        'text',
        'not null',
      ],
      breakdown: [
        'Recorte da linha: seller (um vendedor, ou os sem vendedor), team (uma equipe), all (todos); use as linhas team e all em vez de somar (labels, campo seller_period_breakdown)',
        'Breakdown of the row: seller (one seller, or those without one), team (one team), all (everybody); use the team and all rows rather than summing',
        'text',
        'not null',
      ],
      seller_id: [
        'Vendedor (NULL na linha seller = clientes e vendas sem vendedor; NULL nas linhas team e all)',
        'Seller (NULL on a seller row = customers and sales without a seller; NULL on the team and all rows)',
        'text',
      ],
      team: ['Equipe (NULL = sem equipe, ou a linha all)', 'Team (NULL = no team, or the all row)', 'text'],
      window_start: ['Primeiro mês da janela', 'First month of the window', 'month'],
      window_end: ['Último mês da janela (o último mês completo)', 'Last month of the window (the last complete month)', 'month'],
      active_sellers: [
        'Vendedores ainda na empresa (sellers.is_active) na linha (0 ou 1 numa linha seller)',
        'Sellers still with the company (sellers.is_active) in the row (0 or 1 on a seller row)',
        'count',
      ],
      sellers_on_target: [
        'Vendedores cujo atingimento da meta de faturamento na janela (target_pct) chegou a 100%',
        'Sellers whose revenue target attainment over the window (target_pct) reached 100%',
        'count',
      ],
      portfolio_customers: [
        'Carteira de trabalho (ativos ou inativos) no início do último mês da janela',
        'Working portfolio (active or inactive) at the start of the last month of the window',
        'count',
      ],
      coverage_pct: [
        'Positivação: Σ clientes da carteira que compraram ÷ Σ carteiras dos meses × 100 (num mês, a do mês)',
        "Coverage: Σ portfolio customers who bought ÷ Σ the months' portfolios × 100 (one month: that month's)",
        'pct',
      ],
      coverage_target_pct: [
        'Meta de positivação: Σ (meta % × carteira) ÷ Σ carteira nos meses com meta; NULL sem meta',
        'Coverage target: Σ (target % × portfolio) ÷ Σ portfolio over the months with a target; NULL without a target',
        'pct',
      ],
      revenue: ['Faturamento na janela (sellers_monthly.revenue somado)', 'Revenue over the window (sellers_monthly.revenue summed)', 'brl', 'not null'],
      revenue_with_target: [
        'Faturamento dos meses com meta de faturamento; NULL sem meta',
        'Revenue of the months with a revenue target; NULL without a target',
        'brl',
      ],
      revenue_target: [
        'Meta de faturamento somada nos meses que têm meta; NULL sem meta',
        'Revenue target summed over the months that have one; NULL without a target',
        'brl',
      ],
      target_pct: [
        'Atingimento da meta: revenue_with_target ÷ revenue_target × 100; NULL sem meta',
        'Target attainment: revenue_with_target ÷ revenue_target × 100; NULL without a target',
        'pct',
      ],
      orders: ['Pedidos faturados na janela', 'Invoiced orders over the window', 'count'],
      avg_ticket: ['Ticket médio: faturamento ÷ pedidos; NULL sem pedidos', 'Average ticket: revenue ÷ orders; NULL without orders', 'brl'],
      mix: [
        'Mix: Σ pares (cliente, categoria) ÷ Σ clientes compradores nos meses com mix; NULL sem itens ou produtos',
        'Mix: Σ (customer, category) pairs ÷ Σ buying customers over the months with a mix; NULL without items or products',
        'ratio',
      ],
      new_customers: ['Clientes novos na janela', 'New customers over the window', 'count'],
      reactivated: ['Clientes reativados na janela', 'Customers reactivated over the window', 'count'],
      churned: ['Clientes que saíram da carteira ativa na janela', 'Customers who left the active portfolio over the window', 'count'],
      active_end: ['Carteira ativa no fim do último mês da janela', 'Active portfolio at the end of the last month of the window', 'count'],
      at_risk: ['Clientes em risco no fim do último mês da janela', 'At-risk customers at the end of the last month of the window', 'count'],
      leads_won: kpiColumns.leads_won,
      leads_closed: kpiColumns.leads_closed,
      conversion_rate: kpiColumns.conversion_rate,
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
