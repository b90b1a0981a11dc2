/**
 * The Excel downloads a business user looks for first on the Dados page, in the order a sales director
 * would ask for them, each with one line saying what it holds. The other marts stay in the developer
 * catalogue below them.
 */
export interface BusinessDownload {
  /** The mart whose Excel CSV this is. */
  mart: string;
  /** What the file is called in the list. */
  title: string;
  /** One line: what a row is and what it tells. */
  description: string;
}

export const BUSINESS_DOWNLOADS: BusinessDownload[] = [
  {
    mart: 'customers',
    title: 'Clientes',
    description: 'Todos os clientes com situação (ativo, em risco, inativo…), vendedor, UF, segmento RFM, classe ABC e faturamento.',
  },
  {
    mart: 'action_list',
    title: 'Lista de trabalho',
    description: 'O que cada vendedor deve fazer com cada cliente (reter, reativar, renovar, oferecer), com o motivo e o valor em jogo.',
  },
  {
    mart: 'sellers',
    title: 'Vendedores',
    description: 'Cada vendedor com a equipe, a UF e os clientes da carteira por situação (ativos, em risco, inativos, perdidos, possíveis).',
  },
  {
    mart: 'sellers_monthly',
    title: 'Vendedores mês a mês',
    description: 'Faturamento, meta, positivação, ticket médio e clientes de cada vendedor em cada mês.',
  },
  {
    mart: 'kpis_monthly',
    title: 'Indicadores por mês',
    description: 'Os indicadores da empresa mês a mês: faturamento, pedidos, ticket médio, positivação, churn, LTV, CAC e a meta (do mês e acumulada no ano).',
  },
  {
    mart: 'kpis_periods',
    title: 'Indicadores por trimestre, semestre e ano',
    description: 'Os mesmos indicadores recalculados para cada trimestre, semestre e ano.',
  },
  {
    mart: 'renewals',
    title: 'Renovações',
    description: 'Contratos que vencem em breve ou venceram há pouco, com o valor mensal e se foram renovados.',
  },
  {
    mart: 'opportunities',
    title: 'Oportunidades',
    description: 'Sugestões de venda por cliente (cross-sell e upsell por categoria), com o ganho mensal estimado.',
  },
  {
    mart: 'target_attainment',
    title: 'Metas',
    description: 'Meta e realizado de cada vendedor em cada mês com meta no arquivo de metas.',
  },
];
