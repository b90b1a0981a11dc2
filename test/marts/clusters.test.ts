import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameClusters, segmentPlural, type NamingRow } from '../../pipelines/models/nameClusters.ts';
import { runMarts, type MartRun } from './runMarts.ts';

/** `count` orders of `amount`, `days` apart from `first` (YYYY-MM-DD), as order CSV lines. */
function every(customer: string, first: string, days: number, count: number, amount: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.parse(`${first}T00:00:00Z`) + i * days * 86_400_000).toISOString().slice(0, 10);
    return `${customer}-${i + 1},${customer},${date},${amount}`;
  });
}

// Three groups obvious by construction, judged on 2026-06-30:
// supermarkets in SP buying weekly since 2026-05-05 (8 orders of 900 to 1,150: new customers, ticket high);
// bakeries in BA buying monthly since 2026-01-10 (6 orders of 80 to 130: active, ticket low);
// restaurants in PR buying fortnightly from 2025-09-01 to 2025-10-27 (5 orders of 280 to 340: inactive, silent 246 days).
// Q1 never bought: a prospect, not clustered.
const files = {
  'customers.csv': [
    'customer_id,name,segment,city,state,seller_id',
    ...['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].map((id) => `${id},Supermercado ${id} Ltda,Supermercado,São Paulo,SP,V1`),
    ...['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((id) => `${id},Padaria ${id} Ltda,Padaria,Salvador,BA,V2`),
    ...['R1', 'R2', 'R3', 'R4'].map((id) => `${id},Restaurante ${id} Ltda,Restaurante,Curitiba,PR,V3`),
    'Q1,Mercado Q1 Ltda,Supermercado,Campinas,SP,V1',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,amount',
    ...[900, 950, 1000, 1050, 1100, 1150].flatMap((amount, i) => every(`S${i + 1}`, '2026-05-05', 7, 8, amount)),
    ...[80, 90, 100, 110, 120, 130].flatMap((amount, i) => every(`P${i + 1}`, '2026-01-10', 30, 6, amount)),
    ...[280, 300, 320, 340].flatMap((amount, i) => every(`R${i + 1}`, '2025-09-01', 14, 5, amount)),
  ],
};
const AS_OF = '2026-06-30';

let marts: MartRun;
beforeAll(async () => {
  marts = await runMarts(files, AS_OF);
});
afterAll(() => marts.close());

describe('customer_clusters', () => {
  it('chooses k = 3 by the best silhouette among k = 3..8 (min_k to max_k)', async () => {
    const scores = await marts.rows<{ k: number; silhouette: number; is_chosen: boolean }>(
      'select k, silhouette, is_chosen from customer_cluster_k_scores order by k',
    );
    expect(scores.map((s) => s.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(scores.filter((s) => s.is_chosen).map((s) => s.k)).toEqual([3]);
    // three tight groups far apart: every customer much nearer its own group than the next one
    expect(scores[0]!.silhouette).toBeGreaterThan(0.7);
    expect(Math.max(...scores.slice(1).map((s) => s.silhouette))).toBeLessThan(scores[0]!.silhouette);
    const [cluster] = await marts.rows(
      'select chosen_k, k_criterion, silhouette = (select silhouette from customer_cluster_k_scores where is_chosen) as same from customer_clusters limit 1',
    );
    expect(cluster).toEqual({ chosen_k: 3, k_criterion: 'silhueta', same: true });
  });

  it('names each group from its dominant segment, region, rhythm and ticket, numbered by 12-month revenue', async () => {
    const rows = await marts.rows(`select cluster_id, cluster_name, customers, revenue_12m, round(revenue_12m_share, 4) as revenue_12m_share,
        status_new, status_active, status_inactive, median_interval_days, median_avg_ticket from customer_clusters order by cluster_id`);
    expect(rows).toEqual([
      // 8 × (900 + 950 + 1,000 + 1,050 + 1,100 + 1,150) = 49,200 of 59,180; ticket median 1,025 above the upper tercile
      // (the 11th of the 16 tickets, 900); first order 56 days ago: new
      {
        cluster_id: 1,
        cluster_name: 'Supermercados do Sudeste, compra semanal, ticket alto',
        customers: 6,
        revenue_12m: '49200.00',
        revenue_12m_share: 0.8314,
        status_new: 6,
        status_active: 0,
        status_inactive: 0,
        median_interval_days: 7,
        median_avg_ticket: '1025.00',
      },
      // 5 × (280 + 300 + 320 + 340) = 6,200; median ticket 310 between the terciles; silent 246 days (rhythm 14 → inactive)
      {
        cluster_id: 2,
        cluster_name: 'Restaurantes do Sul, compra quinzenal, ticket médio, sem comprar há mais de 6 meses',
        customers: 4,
        revenue_12m: '6200.00',
        revenue_12m_share: 0.1048,
        status_new: 0,
        status_active: 0,
        status_inactive: 4,
        median_interval_days: 14,
        median_avg_ticket: '310.00',
      },
      // 6 × (80 + … + 130) = 3,780; median ticket 105 below the lower tercile (the 6th ticket, 130)
      {
        cluster_id: 3,
        cluster_name: 'Padarias do Nordeste, compra mensal, ticket baixo',
        customers: 6,
        revenue_12m: '3780.00',
        revenue_12m_share: 0.0639,
        status_new: 0,
        status_active: 6,
        status_inactive: 0,
        median_interval_days: 30,
        median_avg_ticket: '105.00',
      },
    ]);
  });

  it('puts each customer with its own kind and leaves the prospect out', async () => {
    const rows = await marts.rows<{ cluster_id: number; members: string }>(
      `select cluster_id, string_agg(customer_id, ' ' order by revenue_rank_in_cluster) as members from customer_cluster_members group by all order by cluster_id`,
    );
    // members listed from the largest 12-month revenue
    expect(rows).toEqual([
      { cluster_id: 1, members: 'S6 S5 S4 S3 S2 S1' },
      { cluster_id: 2, members: 'R4 R3 R2 R1' },
      { cluster_id: 3, members: 'P6 P5 P4 P3 P2 P1' },
    ]);
  });

  it('publishes the same marts when run again on the same inputs', async () => {
    const again = await runMarts(files, AS_OF);
    try {
      for (const mart of ['customer_clusters', 'customer_cluster_members', 'customer_cluster_k_scores']) {
        const query = `select * from ${mart} order by all`;
        expect(await again.rows(query)).toEqual(await marts.rows(query));
      }
    } finally {
      again.close();
    }
  });

  it('uses a fixed k from the config and says so', async () => {
    const fixed = await runMarts(files, AS_OF, { clusters: { k: 2 } });
    try {
      const rows = await fixed.rows('select cluster_id, customers, chosen_k, k_criterion from customer_clusters order by cluster_id');
      // two groups: the supermarkets apart from the rest, or the rest split another way; either way 16 customers in 2
      expect(rows.map((r) => [r.chosen_k, r.k_criterion])).toEqual([
        [2, 'fixo'],
        [2, 'fixo'],
      ]);
      expect(rows.reduce((n, r) => n + (r.customers as number), 0)).toBe(16);
    } finally {
      fixed.close();
    }
  });
});

describe('a base too small or odd to split', () => {
  it('puts everyone in one group, a zero ticket and a single purchase included, and says why', async () => {
    // two distinct customers (Z1 and Z2 alike, Z3 apart): fewer than 3 distinct points, so no k can be tried
    const small = await runMarts(
      { 'orders.csv': ['order_id,customer_id,order_date,amount', 'O1,Z1,2026-06-01,0', 'O2,Z2,2026-06-01,0', 'O3,Z3,2026-05-01,50', 'O4,Z3,2026-06-01,50'] },
      '2026-06-30',
    );
    try {
      expect(await small.rows('select cluster_id, customers, chosen_k, k_criterion, note from customer_clusters')).toEqual([
        { cluster_id: 1, customers: 3, chosen_k: 1, k_criterion: 'poucos_clientes', note: 'poucos clientes distintos para agrupar: um só grupo' },
      ]);
      expect(await small.rows('select count(*)::integer as k_tried from customer_cluster_k_scores')).toEqual([{ k_tried: 0 }]);
    } finally {
      small.close();
    }
  });
});

describe('cluster names', () => {
  const row = (segment: string, region: string, ticket: number, silentDays: number): NamingRow => ({
    segment,
    region,
    company_size: null,
    median_interval_days: 30,
    avg_ticket: ticket,
    days_since_last_order: silentDays,
  });

  it('puts one-word segments in the plural and leaves longer ones as "Segmento X"', () => {
    expect(['Supermercado', 'Hotel', 'Farmácia', 'Bar', 'Atacado e varejo'].map(segmentPlural)).toEqual([
      'Supermercados',
      'Hotéis',
      'Farmácias',
      'Bares',
      'Segmento Atacado e varejo',
    ]);
  });

  it('does not name a region that is as common in the group as in the whole base, and tells equal names apart by recency', () => {
    // both groups: half Sudeste, like the base; same rhythm and ticket; one bought lately, the other 100 days ago
    const recent = [row('Hotel', 'Sudeste', 100, 10), row('Bar', 'Sul', 100, 20)];
    const older = [row('Hotel', 'Sudeste', 100, 100), row('Bar', 'Sul', 100, 110)];
    expect(nameClusters([recent, older], [...recent, ...older]).map((t) => t.cluster_name)).toEqual([
      'Compra mensal, ticket médio, compras recentes',
      'Compra mensal, ticket médio, sem comprar há 2 a 6 meses',
    ]);
  });
});
