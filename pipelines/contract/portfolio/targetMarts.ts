import type { ColumnDoc, MartSpec } from '../marts.ts';
import { asOf, coverageTargetMet, month, newCustomersTargetMet, partialMonth, revenueTargetMet } from './columnDocs.ts';

const sellerId = ['Código do vendedor', 'Seller code', 'text', 'not null'] as const satisfies ColumnDoc;
const openBand = (pt: string, en: string): readonly [string, string, 'count'] => [
  `Leads abertos na data de referência criados há ${pt}`,
  `Leads open at the as-of date created ${en} ago`,
  'count',
];

/**
 * Marts of issue 13 items 4 and 5: the lead funnel (prospecção), target attainment per seller and month,
 * and a suggested revenue target per active seller for the next month from the portfolio's potential.
 */
export const targetMarts = [
  {
    name: 'lead_funnel',
    grain_pt:
      'uma linha por recorte dos leads (breakdown): vendedor × origem, vendedor, origem e todos; o arquivo de leads não tem etapa: a etapa é a situação na data de referência (aberto, ganho, perdido) e os abertos são divididos por idade',
    grain_en:
      'one row per breakdown of the leads: seller × source, seller, source and all; the leads export has no stage: the stage is the status at the as-of date (open, won, lost) and open leads are split by age',
    orderBy: 'breakdown, seller_id, source',
    columns: {
      breakdown: [
        'Recorte da linha: seller_source (vendedor × origem), seller (total do vendedor), source (total da origem), all (todos os leads). Conversão e medianas não se somam: use a linha do recorte desejado',
        'Breakdown of the row: seller_source, seller (seller total), source (source total), all (every lead). Conversion and medians do not add up: use the row of the wanted breakdown',
        'text',
        'not null',
      ],
      seller_id: [
        'Vendedor responsável pelo lead; NULL nas linhas source e all, e nas linhas de leads sem vendedor',
        'Seller responsible for the lead; NULL on the source and all rows, and on the rows of leads without a seller',
        'text',
      ],
      source: [
        'Origem do lead ("Sem origem" quando vazia); NULL nas linhas seller e all',
        'Lead source ("Sem origem" when empty); NULL on the seller and all rows',
        'text',
      ],
      leads_created_12m: ['Leads criados nos 12 meses até a data de referência', 'Leads created in the 12 months to the as-of date', 'count'],
      open_leads: [
        'Leads abertos na data de referência (situação aberta, ou fechados depois da data)',
        'Leads open at the as-of date (status open, or closed after the date)',
        'count',
      ],
      open_0_30_days: openBand('até 30 dias', 'up to 30 days'),
      open_31_60_days: openBand('31 a 60 dias', '31 to 60 days'),
      open_61_90_days: openBand('61 a 90 dias', '61 to 90 days'),
      open_over_90_days: openBand('mais de 90 dias (parados: rever ou encerrar)', 'over 90 days (stale: review or close)'),
      median_open_age_days: ['Mediana da idade dos leads abertos (dias desde a criação)', 'Median age of the open leads (days since creation)', 'days'],
      won_12m: [
        'Leads ganhos fechados nos 12 meses até a data de referência (data de fechamento; sem ela, a de criação)',
        'Leads won, closed in the 12 months to the as-of date (close date; creation date when missing)',
        'count',
      ],
      lost_12m: ['Leads perdidos fechados nos 12 meses até a data de referência', 'Leads lost, closed in the 12 months to the as-of date', 'count'],
      closed_12m: [
        'Leads fechados (ganhos + perdidos) nos 12 meses até a data de referência; a base da conversão',
        'Leads closed (won + lost) in the 12 months to the as-of date; the conversion base',
        'count',
      ],
      conversion_rate_12m: [
        'Conversão nos 12 meses: ganhos ÷ (ganhos + perdidos) fechados no período; NULL sem leads fechados',
        'Conversion over the 12 months: won ÷ (won + lost) closed in the period; NULL without closed leads',
        'share',
      ],
      median_days_to_win: [
        'Tempo até ganhar: mediana dos dias entre criação e fechamento dos leads ganhos nos 12 meses',
        'Time to win: median days from creation to close of the leads won in the 12 months',
        'days',
      ],
      median_days_to_lose: [
        'Tempo até perder: mediana dos dias entre criação e fechamento dos leads perdidos nos 12 meses',
        'Time to lose: median days from creation to close of the leads lost in the 12 months',
        'days',
      ],
      won_total: ['Leads ganhos em todo o histórico até a data de referência', 'Leads won over all history to the as-of date', 'count'],
      lost_total: ['Leads perdidos em todo o histórico até a data de referência', 'Leads lost over all history to the as-of date', 'count'],
      conversion_rate_total: [
        'Conversão em todo o histórico: ganhos ÷ (ganhos + perdidos); NULL sem leads fechados',
        'Conversion over all history: won ÷ (won + lost); NULL without closed leads',
        'share',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'target_attainment',
    grain_pt: 'uma linha por vendedor por mês com ao menos uma meta no arquivo de metas; realizado e atingimento de faturamento vêm de sellers_monthly',
    grain_en: 'one row per seller per month with at least one target in the targets export; actuals and revenue attainment come from sellers_monthly',
    orderBy: 'month, seller_id',
    columns: {
      seller_id: sellerId,
      team: ['Equipe do vendedor', 'Seller team', 'text'],
      month,
      is_partial_month: partialMonth,
      revenue: [
        'Faturamento creditado ao vendedor no mês (sellers_monthly.revenue)',
        'Revenue credited to the seller in the month (sellers_monthly.revenue)',
        'brl',
        'not null',
      ],
      revenue_target: ['Meta de faturamento; NULL sem meta', 'Revenue target; NULL without a target', 'brl'],
      revenue_attainment_pct: [
        'Atingimento da meta de faturamento: faturamento ÷ meta × 100 (sellers_monthly.target_pct); NULL sem meta',
        'Revenue target attainment: revenue ÷ target × 100 (sellers_monthly.target_pct); NULL without a target',
        'pct',
      ],
      projected_revenue_attainment_pct: [
        'Projeção do mês em curso em % da meta: faturamento até a data de referência ÷ dias úteis passados × dias úteis do mês ÷ meta × 100 (dias úteis em kpis_monthly); NULL nos meses completos, sem meta ou antes do primeiro dia útil',
        "The running month's projected close as a % of the target: revenue to the as-of date ÷ business days passed × the month's business days ÷ target × 100 (business days in kpis_monthly); NULL in complete months, without a target or before the first business day",
        'pct',
      ],
      revenue_attainment_rank: [
        'Posição no mês pelo atingimento da meta de faturamento (1 = maior %; empates recebem a mesma posição); NULL sem meta de faturamento',
        'Rank in the month by revenue target attainment (1 = highest %; ties share a rank); NULL without a revenue target',
        'number',
      ],
      ranked_sellers: [
        'Vendedores com meta de faturamento no mês (o total do ranking)',
        'Sellers with a revenue target in the month (the size of the ranking)',
        'count',
      ],
      sellers_met_revenue_target: [
        'Vendedores do mês que bateram a meta de faturamento (atingimento ≥ 100%), de ranked_sellers',
        'Sellers of the month who met their revenue target (attainment ≥ 100%), of ranked_sellers',
        'count',
      ],
      coverage_pct: ['Positivação da carteira no mês (sellers_monthly.coverage_pct)', 'Portfolio coverage in the month (sellers_monthly.coverage_pct)', 'pct'],
      coverage_target_pct: ['Meta de positivação; NULL sem meta', 'Coverage target; NULL without a target', 'pct'],
      coverage_attainment_pct: [
        'Atingimento da meta de positivação: positivação ÷ meta × 100; NULL sem meta ou sem carteira',
        'Coverage target attainment: coverage ÷ target × 100; NULL without a target or a portfolio',
        'pct',
      ],
      new_customers: [
        'Clientes novos creditados ao vendedor no mês (sellers_monthly.new_customers)',
        'New customers credited to the seller in the month (sellers_monthly.new_customers)',
        'count',
      ],
      new_customers_target: ['Meta de clientes novos; NULL sem meta', 'New-customer target; NULL without a target', 'count', 'nullable'],
      new_customers_attainment_pct: [
        'Atingimento da meta de clientes novos: novos ÷ meta × 100; NULL sem meta ou com meta 0',
        'New-customer target attainment: new ÷ target × 100; NULL without a target or with a target of 0',
        'pct',
      ],
      revenue_target_met: revenueTargetMet,
      coverage_target_met: coverageTargetMet,
      new_customers_target_met: newCustomersTargetMet,
      targets_met: [
        'Metas batidas no mês (as colunas *_target_met verdadeiras), de 0 a targets_set',
        'Targets met in the month (the *_target_met columns that are true), from 0 to targets_set',
        'count',
      ],
      targets_set: [
        'Tipos de meta definidos para o vendedor no mês com valor acima de 0 (faturamento, positivação, clientes novos)',
        'Target kinds set for the seller in the month above 0 (revenue, coverage, new customers)',
        'count',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'target_attainment_ytd',
    grain_pt:
      'uma linha por vendedor por mês, para os vendedores com meta no ano do mês até ele: as metas somadas de janeiro ao mês (acumulado do ano); cada tipo soma só os meses com esse tipo de meta',
    grain_en:
      "one row per seller per month, for the sellers with a target in the month's year up to it: the targets summed from January to the month (year to date); each kind sums only the months with that kind of target",
    orderBy: 'month, seller_id',
    columns: {
      seller_id: sellerId,
      month: ['Último mês do acumulado (o acumulado vai de janeiro a ele)', 'Last month of the year to date (which runs from January to it)', 'month'],
      target_months: [
        'Meses do ano até o mês em que o vendedor tem alguma meta (linhas de target_attainment)',
        'Months of the year to the month in which the seller has any target (target_attainment rows)',
        'count',
      ],
      revenue: [
        'Faturamento dos meses com meta de faturamento (um mês sem essa meta não soma nem faturamento nem meta); 0 sem nenhum',
        'Revenue of the months with a revenue target (a month without one adds neither revenue nor target); 0 without any',
        'brl',
        'not null',
      ],
      revenue_target: [
        'Soma das metas de faturamento do ano até o mês; NULL sem meta',
        "Sum of the year's revenue targets to the month; NULL without a target",
        'brl',
      ],
      revenue_attainment_pct: [
        'Atingimento acumulado: revenue ÷ revenue_target × 100; NULL sem meta de faturamento',
        'Year-to-date attainment: revenue ÷ revenue_target × 100; NULL without a revenue target',
        'pct',
      ],
      revenue_attainment_rank: [
        'Posição no mês pelo atingimento acumulado (1 = maior %; empates recebem a mesma posição); NULL sem meta de faturamento',
        'Rank in the month by year-to-date attainment (1 = highest %; ties share a rank); NULL without a revenue target',
        'number',
      ],
      new_customers: [
        'Clientes novos dos meses com meta de clientes novos; 0 sem nenhum',
        'New customers of the months with a new-customer target; 0 without any',
        'count',
      ],
      new_customers_target: [
        'Soma das metas de clientes novos do ano até o mês; NULL sem meta',
        "Sum of the year's new-customer targets to the month; NULL without a target",
        'count',
        'nullable',
      ],
      new_customers_attainment_pct: [
        'Atingimento acumulado de clientes novos: new_customers ÷ new_customers_target × 100; NULL sem meta ou com meta 0',
        'Year-to-date new-customer attainment: new_customers ÷ new_customers_target × 100; NULL without a target or with a target of 0',
        'pct',
      ],
      coverage_months_met: [
        'Meses em que a positivação chegou à meta (a positivação é uma razão e não se soma)',
        'Months whose coverage reached its target (coverage is a ratio and is not summed)',
        'count',
      ],
      coverage_months: [
        'Meses com meta de positivação acima de 0 e carteira para medi-la (coverage_target_met não NULL)',
        'Months with a coverage target above 0 and a portfolio to measure it (coverage_target_met not NULL)',
        'count',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'target_suggestions',
    grain_pt: 'uma linha por vendedor ativo: meta de faturamento sugerida para o mês seguinte ao da data de referência',
    grain_en: 'one row per active seller: suggested revenue target for the month after the as-of month',
    orderBy: 'seller_id',
    columns: {
      seller_id: sellerId,
      target_month: [
        'Mês da meta sugerida: o mês seguinte ao da data de referência (primeiro dia)',
        'Month of the suggested target: the month after the as-of month (its first day)',
        'month',
      ],
      active_portfolio_customers: [
        'Clientes da carteira ativa do vendedor (novo, ativo, em risco, reativado; dono da conta em customers)',
        "Customers in the seller's active portfolio (new, active, at_risk, reactivated; owner in customers)",
        'count',
      ],
      model_customers: [
        'Desses, clientes com previsão dos modelos (BG/NBD e Gamma-Gamma, model_fit.is_used); os demais usam o ritmo',
        'Of those, customers with model predictions (BG/NBD and Gamma-Gamma, model_fit.is_used); the others use their rhythm',
        'count',
      ],
      expected_purchases: [
        'Dias de compra esperados no mês da meta: com modelo, expected_purchases_90d × dias do mês ÷ 90; sem modelo, dias do mês ÷ rhythm_days',
        'Purchase days expected in the target month: with the model, expected_purchases_90d × days in the month ÷ 90; without it, days in the month ÷ rhythm_days',
        'number',
        'not null',
      ],
      expected_revenue: [
        'Faturamento esperado da carteira: Σ compras esperadas × valor esperado por dia de compra (com modelo, expected_avg_order_value; sem modelo, faturamento ÷ dias de compra do cliente)',
        "Expected revenue of the portfolio: Σ expected purchases × expected value per purchase day (with the model, expected_avg_order_value; without it, the customer's revenue ÷ purchase days)",
        'brl',
        'not null',
      ],
      opportunity_value: [
        'Oportunidades ponderadas pela taxa de acerto: Σ opportunity_customers.holdout_weighted_gain (ganho mensal × taxa de acerto medida); 0 quando o holdout não mediu nada',
        'Opportunities weighted by the hit rate: Σ opportunity_customers.holdout_weighted_gain (monthly gain × measured hit rate); 0 when the holdout measured nothing',
        'brl',
        'not null',
      ],
      opportunity_customers: [
        'Clientes com oportunidade ponderada somada em opportunity_value',
        'Customers whose weighted opportunity is summed in opportunity_value',
        'count',
      ],
      suggested_revenue_target: [
        'Meta de faturamento sugerida: expected_revenue + opportunity_value (o potencial da carteira no mês da meta)',
        "Suggested revenue target: expected_revenue + opportunity_value (the portfolio's potential in the target month)",
        'brl',
        'not null',
      ],
      existing_revenue_target: [
        'Meta de faturamento já definida no arquivo de metas para o mês da meta; NULL quando não há',
        'Revenue target already set in the targets export for the target month; NULL when none',
        'brl',
      ],
      last_month: [
        'Último mês completo: o mês da data de referência quando ela é o último dia do mês, senão o anterior',
        'Last complete month: the as-of month when the as-of date is its last day, else the month before',
        'month',
      ],
      last_month_revenue_target: [
        'Meta de faturamento do último mês completo; NULL sem meta',
        'Revenue target of the last complete month; NULL without a target',
        'brl',
      ],
      last_month_revenue: ['Faturamento do último mês completo', 'Revenue of the last complete month', 'brl'],
      last_month_attainment_pct: [
        'Atingimento da meta no último mês completo: faturamento ÷ meta × 100; NULL sem meta',
        'Target attainment in the last complete month: revenue ÷ target × 100; NULL without a target',
        'pct',
      ],
      avg_revenue_3m: [
        'Faturamento médio mensal dos 3 últimos meses completos (meses com dados)',
        'Average monthly revenue of the last 3 complete months (months with data)',
        'brl',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'target_suggestion_totals',
    grain_pt:
      'uma linha por mês da meta (o mês seguinte ao da data de referência; vazio sem vendedor ativo): as metas sugeridas de todos os vendedores ativos somadas',
    grain_en: 'one row per target month (the month after the as-of month; empty without an active seller): the suggested targets of every active seller summed',
    orderBy: 'target_month',
    columns: {
      target_month: ['Mês da meta sugerida (target_suggestions.target_month)', 'Month of the suggested target (target_suggestions.target_month)', 'month'],
      sellers: ['Vendedores ativos com meta sugerida', 'Active sellers with a suggested target', 'count'],
      suggested_revenue_target: [
        'Soma das metas de faturamento sugeridas dos vendedores ativos',
        "Sum of the active sellers' suggested revenue targets",
        'brl',
        'not null',
      ],
      last_month: ['Último mês completo (target_suggestions.last_month)', 'Last complete month (target_suggestions.last_month)', 'month'],
      last_month_revenue_target: [
        'Soma das metas de faturamento desses vendedores no último mês completo; NULL sem nenhuma',
        "Sum of those sellers' revenue targets in the last complete month; NULL without any",
        'brl',
      ],
      active_portfolio_customers: [
        'Clientes da carteira ativa dos vendedores ativos (os que entram nas sugestões)',
        "Customers in the active sellers' active portfolios (the ones the suggestions count)",
        'count',
      ],
      model_customers: [
        'Desses, clientes com previsão dos modelos (BG/NBD e Gamma-Gamma); os demais usam o ritmo',
        'Of those, customers with model predictions (BG/NBD and Gamma-Gamma); the others use their rhythm',
        'count',
      ],
      customers_without_suggestion: [
        'Clientes da carteira ativa fora de toda sugestão: o dono não é um vendedor ativo (saiu) ou não há dono; a redistribuir',
        'Active-portfolio customers in no suggestion: their owner is not an active seller (left) or they have none; to hand over',
        'count',
      ],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
