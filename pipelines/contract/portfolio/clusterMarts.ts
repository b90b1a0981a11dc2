import type { ColumnDoc, MartSpec } from '../marts.ts';
import { asOf, notNull, avgTicket, region, segment, state, status } from './columnDocs.ts';

const clusterId = [
  'Grupo da carteirização, numerado pelo faturamento de 12 meses (1 = o maior)',
  'Carteirização cluster, numbered by 12-month revenue (1 = the largest)',
  'number',
] as const satisfies ColumnDoc;
const clusterName = [
  'Nome do grupo, gerado dos traços dominantes: segmento e região de ao menos metade dos membros, ritmo mediano de compra (semanal ≤ 10 dias, quinzenal ≤ 20, mensal ≤ 45, esporádica; compra única quando a maioria comprou um só dia) e ticket mediano contra os tercis de todos os clientes agrupados; nomes iguais recebem o porte, a recência ou o número do grupo',
  'Cluster name, generated from the dominant traits: segment and region held by at least half of the members, median purchase rhythm (weekly ≤ 10 days, fortnightly ≤ 20, monthly ≤ 45, sporadic; single purchase when most bought on one day only) and median ticket against the terciles of every clustered customer; equal names get the porte, the recency or the cluster number',
  'text',
] as const satisfies ColumnDoc;
const companySize = [
  'Porte (mei, me, epp, medio, grande; labels, campo company_size); NULL = desconhecido',
  'Company size (labels, field company_size); NULL = unknown',
  'text',
] as const satisfies ColumnDoc;
const statusCount = (pt: string, en: string): readonly [string, string, 'count'] => [
  `Membros na situação ${pt} na data de referência`,
  `Members with status ${en} at the as-of date`,
  'count',
];

/** Marts of the carteirização: customers grouped by k-means on behaviour and profile (pipelines/models/customerClusterModel.ts). */
export const clusterMarts = [
  {
    name: 'customer_clusters',
    grain_pt: 'uma linha por grupo da carteirização (clientes com compra faturada agrupados por comportamento e perfil)',
    grain_en: 'one row per carteirização cluster (customers with an invoiced order grouped by behaviour and profile)',
    orderBy: 'cluster_id',
    columns: {
      cluster_id: notNull(clusterId),
      cluster_name: notNull(clusterName),
      customers: ['Clientes no grupo', 'Customers in the cluster', 'count'],
      customer_share: [
        'Parcela dos clientes agrupados (prospects ficam fora)',
        'Share of the clustered customers (prospects are left out)',
        'share',
        'not null',
      ],
      revenue_12m: [
        'Faturamento do grupo nos 12 meses até a data de referência (janela de segmentação)',
        "The cluster's revenue over the 12 months to the as-of date (segmentation window)",
        'brl',
        'not null',
      ],
      revenue_12m_share: ['Parcela do faturamento de 12 meses de todos os grupos', 'Share of the 12-month revenue of all clusters', 'share'],
      revenue: ['Faturamento do grupo em todo o histórico', "The cluster's revenue over all history", 'brl'],
      revenue_12m_per_customer: ['Faturamento de 12 meses por cliente do grupo', '12-month revenue per customer of the cluster', 'brl'],
      status_new: statusCount('new (novo)', 'new'),
      status_active: statusCount('active (ativo)', 'active'),
      status_at_risk: statusCount('at_risk (em risco)', 'at_risk'),
      status_reactivated: statusCount('reactivated (reativado)', 'reactivated'),
      status_inactive: statusCount('inactive (inativo)', 'inactive'),
      status_lost: statusCount('lost (perdido)', 'lost'),
      dominant_segment: [
        'Segmento de ao menos metade dos membros e 1,2 × mais comum que na base; NULL se nenhum',
        'Segment held by at least half of the members and 1.2 × as common as in the base; NULL when none',
        'text',
      ],
      dominant_segment_share: ['Parcela dos membros no segmento mais comum', 'Share of the members in the most common segment', 'share'],
      dominant_region: [
        'Região IBGE (rótulo) de ao menos metade dos membros e 1,2 × mais comum que na base; NULL se nenhuma',
        'IBGE region (label) held by at least half of the members and 1.2 × as common as in the base; NULL when none',
        'text',
      ],
      dominant_region_share: ['Parcela dos membros na região mais comum', 'Share of the members in the most common region', 'share'],
      dominant_company_size: [
        'Porte de ao menos metade dos membros; NULL se nenhum chega lá ou sem porte no cadastro',
        'Company size held by at least half of the members; NULL when none is or without sizes in the export',
        'text',
      ],
      dominant_company_size_share: [
        'Parcela dos membros no porte mais comum (0 sem porte no cadastro)',
        'Share of the members in the most common company size (0 without sizes)',
        'share',
      ],
      median_interval_days: [
        'Mediana, entre os membros com mais de um dia de compra, da mediana de dias entre compras; NULL quando a maioria comprou um só dia',
        'Median, over members with more than one purchase day, of the median days between purchases; NULL when most bought on a single day',
        'days',
      ],
      rhythm_band: [
        'Faixa de ritmo do nome: compra semanal, quinzenal, mensal, esporádica ou única',
        'Rhythm band of the name: weekly, fortnightly, monthly, sporadic or single purchase',
        'text',
      ],
      median_avg_ticket: ['Ticket médio mediano dos membros', "Median of the members' average ticket", 'brl'],
      ticket_band: [
        'Faixa de ticket do nome: o ticket mediano contra os tercis do ticket de todos os clientes agrupados (baixo, médio, alto)',
        "Ticket band of the name: the median ticket against the terciles of every clustered customer's ticket (low, medium, high)",
        'text',
      ],
      median_days_since_last_order: ['Mediana dos dias desde o último pedido faturado', 'Median days since the last invoiced order', 'days'],
      median_categories: [
        'Mediana das categorias de produto compradas nos últimos 12 meses (0 sem itens de pedido)',
        'Median product categories bought in the last 12 months (0 without order lines)',
        'number',
      ],
      chosen_k: ['Número de grupos usado', 'Number of clusters used', 'count'],
      k_criterion: [
        'Como k foi escolhido: silhueta (a maior silhueta média entre k = clusters.min_k e clusters.max_k), fixo (clusters.k) ou poucos_clientes (menos de 3 clientes distintos: um só grupo)',
        'How k was chosen: silhueta (the best mean silhouette among k = clusters.min_k..clusters.max_k), fixo (clusters.k) or poucos_clientes (fewer than 3 distinct customers: one cluster)',
        'text',
        'not null',
      ],
      silhouette: [
        'Silhueta média do k escolhido, medida na amostra (−1 a 1; acima de 0,25 há estrutura, acima de 0,5 grupos bem separados)',
        'Mean silhouette of the chosen k, measured on the sample (−1 to 1; above 0.25 some structure, above 0.5 well separated)',
        'ratio',
      ],
      note: ['Observação sobre o agrupamento (NULL quando não há)', 'Note on the clustering (NULL when none)', 'text'],
      as_of_date: asOf,
    },
  },
  {
    name: 'customer_cluster_members',
    grain_pt: 'uma linha por cliente com compra faturada (prospects não são agrupados): o seu grupo da carteirização',
    grain_en: 'one row per customer with an invoiced order (prospects are not clustered): its carteirização cluster',
    orderBy: 'cluster_id, customer_id',
    columns: {
      customer_id: ['Código do cliente (o mesmo de customers)', 'Customer code (as in customers)', 'text'],
      name: [
        'Nome do cliente como publicado em customers (pessoas com pseudônimo)',
        'Customer name as published in customers (persons pseudonymised)',
        'text',
        'not null',
      ],
      cluster_id: notNull(clusterId),
      cluster_name: clusterName,
      segment,
      state,
      region,
      company_size: companySize,
      status: notNull(status),
      revenue_12m: [
        'Faturamento nos 12 meses até a data de referência (0 sem compra na janela)',
        'Revenue over the 12 months to the as-of date (0 without a purchase in the window)',
        'brl',
        'not null',
      ],
      revenue: ['Faturamento de todo o histórico', 'Revenue over all history', 'brl'],
      avg_ticket: avgTicket,
      median_interval_days: [
        'Mediana dos dias entre dias de compra (NULL com um só dia de compra)',
        'Median days between purchase days (NULL with a single purchase day)',
        'days',
      ],
      days_since_last_order: ['Dias desde o último pedido faturado', 'Days since the last invoiced order', 'days'],
      categories: ['Categorias de produto compradas nos últimos 12 meses', 'Product categories bought in the last 12 months', 'count'],
      distance_to_centre: [
        'Distância ao centro do grupo no espaço padronizado (menor = mais típico do grupo)',
        "Distance to the cluster's centre in the standardised space (smaller = more typical)",
        'number',
      ],
      revenue_rank_in_cluster: [
        'Posição no grupo pelo faturamento de 12 meses (1 = o maior)',
        'Rank in the cluster by 12-month revenue (1 = the largest)',
        'count',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'customer_cluster_k_scores',
    grain_pt: 'uma linha por número de grupos k testado na carteirização',
    grain_en: 'one row per number of clusters k tried by the carteirização',
    orderBy: 'k',
    columns: {
      k: ['Número de grupos testado', 'Number of clusters tried', 'count'],
      silhouette: [
        'Silhueta média na amostra (−1 a 1; maior = grupos mais separados); o maior valor escolhe k',
        'Mean silhouette on the sample (−1 to 1; higher = better separated); the highest chooses k',
        'ratio',
        'not null',
      ],
      inertia: [
        'Soma dos quadrados das distâncias ao centro do grupo na amostra (o "cotovelo")',
        'Within-cluster sum of squares on the sample (the "elbow")',
        'number',
        'not null',
      ],
      is_chosen: ['k usado na carteirização', 'The k used', 'flag'],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
