import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

const PRODUCTS = [
  'product_id,name,category',
  'LEITE,Leite UHT cx 12,Leite',
  'MANT,Manteiga 500g,Manteiga',
  'QUEIJO,Queijo Mussarela,Queijos',
  'REQ,Requeijão 1kg,Requeijão',
];

/**
 * A customer who first bought on 2025-05-15 (before the 12-month window, so its spend is divided by 12)
 * and bought a year's worth on 2026-06-01: quantity 12 × the monthly value of each product.
 */
function buyer(customer: string, monthly: Record<string, number>): { orders: string[]; items: string[] } {
  const year = Object.values(monthly).reduce((a, b) => a + 12 * b, 0);
  return {
    orders: [`${customer}-0,${customer},2025-05-15,V1,invoiced,,100`, `${customer}-1,${customer},2026-06-01,V1,invoiced,,${year}`],
    items: [`${customer}-0,LEITE,1,100`, ...Object.entries(monthly).map(([product, value]) => `${customer}-1,${product},12,${value}`)],
  };
}

// The vendor's worked case: C buys milk at R$ 7.000 and butter at R$ 3.000 a month. Its seven peers (same
// segment, region and - with one tier - size band) have a median total of R$ 10.000 a month like C, so the
// size factor is 1, and medians among buyers of milk 10.000, butter 4.000, cheese 5.000, requeijão 4.000.
const BUYERS = {
  C: { LEITE: 7000, MANT: 3000 },
  P1: { LEITE: 10000 },
  P2: { LEITE: 10000 },
  P3: { LEITE: 13000 },
  P4: { MANT: 4000, QUEIJO: 5000, REQ: 4000 },
  P5: { MANT: 5000, QUEIJO: 5000, REQ: 4000 },
  P6: { QUEIJO: 5000, REQ: 4000 },
  P7: { REQ: 4000 },
  // X: a Padaria in the Sul, whose segment + tier + region group holds only X and L
  X: { LEITE: 2000 },
  // Y: the only Hotel: its segment groups hold only Y, so its peers are every customer
  Y: { LEITE: 1000 },
};

const CONFIG = { opportunities: { revenue_tiers: 1, min_peers: 5, min_category_buyers: 3 } };

describe('opportunities: cross-sell and upsell against peers', () => {
  let marts: MartRun;

  beforeAll(async () => {
    const bought = Object.entries(BUYERS).map(([customer, monthly]) => buyer(customer, monthly));
    marts = await runMarts(
      {
        'customers.csv': [
          'customer_id,name,segment,state,seller_id',
          ...['C', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'].map((c) => `${c},Padaria ${c},Padaria,PE,V1`),
          'X,Padaria X,Padaria,RS,V2',
          'L,Padaria L,Padaria,RS,V2',
          'Y,Hotel Y,Hotel,SP,V2',
          'Z,Prospect Z,Padaria,PE,V1',
        ],
        'products.csv': PRODUCTS,
        'orders.csv': [
          'order_id,customer_id,order_date,seller_id,status,channel,amount',
          ...bought.flatMap((b) => b.orders),
          // L bought once, 200 days before the as-of date: inactive, a peer but not given suggestions
          'L-1,L,2025-12-12,V2,invoiced,,6600',
        ],
        'order_items.csv': ['order_id,product_id,quantity,unit_price', ...bought.flatMap((b) => b.items), 'L-1,QUEIJO,1,6600'],
      },
      '2026-06-30',
      CONFIG,
    );
  });
  afterAll(() => marts.close());

  it('finds the vendor case: upsell of R$ 4.000 (milk, butter) and cross-sell of R$ 9.000 (cheese, requeijão)', async () => {
    const rows = await marts.rows(
      `select kind, category, current_value, potential_value, gain, expected_gain, peer_share, peer_buyers, peers, peer_group_level, size_factor, rank, reason_pt
       from opportunities where customer_id = 'C' order by rank`,
    );
    expect(rows).toEqual([
      {
        kind: 'cross_sell',
        category: 'Requeijão',
        current_value: '0.00',
        potential_value: '4000.00',
        gain: '4000.00',
        expected_gain: '2000.00',
        peer_share: 0.5,
        peer_buyers: 4,
        peers: 8,
        peer_group_level: 'segment_tier_region',
        size_factor: 1,
        rank: 1,
        reason_pt: '50% dos clientes semelhantes compram Requeijão; potencial estimado R$ 4.000/mês, ajustado ao tamanho do cliente',
      },
      {
        kind: 'cross_sell',
        category: 'Queijos',
        current_value: '0.00',
        potential_value: '5000.00',
        gain: '5000.00',
        expected_gain: '1875.00',
        peer_share: 0.375,
        peer_buyers: 3,
        peers: 8,
        peer_group_level: 'segment_tier_region',
        size_factor: 1,
        rank: 2,
        reason_pt: '38% dos clientes semelhantes compram Queijos; potencial estimado R$ 5.000/mês, ajustado ao tamanho do cliente',
      },
      {
        kind: 'upsell',
        category: 'Leite',
        current_value: '7000.00',
        potential_value: '10000.00',
        gain: '3000.00',
        expected_gain: '1500.00',
        peer_share: 0.5,
        peer_buyers: 4,
        peers: 8,
        peer_group_level: 'segment_tier_region',
        size_factor: 1,
        rank: 3,
        reason_pt: 'Compra R$ 7.000/mês em Leite; clientes semelhantes compram R$ 10.000/mês, ajustado ao tamanho do cliente (+R$ 3.000/mês)',
      },
      {
        kind: 'upsell',
        category: 'Manteiga',
        current_value: '3000.00',
        potential_value: '4000.00',
        gain: '1000.00',
        expected_gain: '375.00',
        peer_share: 0.375,
        peer_buyers: 3,
        peers: 8,
        peer_group_level: 'segment_tier_region',
        size_factor: 1,
        rank: 4,
        reason_pt: 'Compra R$ 3.000/mês em Manteiga; clientes semelhantes compram R$ 4.000/mês, ajustado ao tamanho do cliente (+R$ 1.000/mês)',
      },
    ]);
    const totals = await marts.rows(`select kind, sum(gain)::varchar as gain from opportunities where customer_id = 'C' group by kind order by kind`);
    expect(totals).toEqual([
      { kind: 'cross_sell', gain: '9000.00' },
      { kind: 'upsell', gain: '4000.00' },
    ]);
  });

  it('never projects more than the top peer buys: P5, 1,4 times the median size, is offered milk at R$ 13.000, not 14.000', async () => {
    // group totals: P7 4.000, P6 9.000, C, P1, P2 10.000, P3, P4 13.000, P5 14.000 → median 10.000; P5's factor 1,4.
    // Milk: median of the buyers [7.000, 10.000, 10.000, 13.000] = 10.000 × 1,4 = 14.000 > the top buyer's 13.000.
    // Butter, cheese and requeijão: capped at 5.000, 5.000 and 4.000, which P5 already buys: no upsell.
    // The holdout (as of 30/03/2026) checked one suggestion: L, the only customer active then, was offered milk and
    // did not buy it since. Hit rate 0: every gain weighs 0.
    expect(await marts.rows(`select suggestions, hits, hit_rate from recommendation_holdout where method = 'peer_group'`)).toEqual([
      { suggestions: 1, hits: 0, hit_rate: 0 },
    ]);
    expect(
      await marts.rows(
        `select kind, category, potential_value, gain, potential_rule, peer_median_value, peer_max_value, size_factor, holdout_weighted_gain, reason_pt
       from opportunities where customer_id = 'P5'`,
      ),
    ).toEqual([
      {
        kind: 'cross_sell',
        category: 'Leite',
        potential_value: '13000.00',
        gain: '13000.00',
        potential_rule: 'capped_at_top_peer',
        peer_median_value: '10000.00',
        peer_max_value: '13000.00',
        size_factor: 1.4,
        holdout_weighted_gain: '0.00',
        reason_pt:
          '50% dos clientes semelhantes compram Leite; potencial estimado R$ 13.000/mês, ajustado ao tamanho do cliente, limitado ao maior comprador semelhante',
      },
    ]);
    expect(await marts.rows(`select upsell_gain, cross_sell_gain, gain, holdout_weighted_gain from opportunity_customers where customer_id = 'P5'`)).toEqual([
      { upsell_gain: '0.00', cross_sell_gain: '13000.00', gain: '13000.00', holdout_weighted_gain: '0.00' },
    ]);
  });

  it('falls back to segment + tier, then to everyone, when the group is smaller than min_peers', async () => {
    const rows = await marts.rows(
      `select customer_id, any_value(peer_group_level) as peer_group_level, any_value(peers) as peers
       from opportunities where customer_id in ('X', 'Y') group by customer_id order by customer_id`,
    );
    expect(rows).toEqual([
      // Padaria | tier 1 | sul holds X and L (2 < 5); Padaria | tier 1 holds C, P1-P7, X and L
      { customer_id: 'X', peer_group_level: 'segment_tier', peers: 10 },
      // the only Hotel: every customer with item purchases in the window
      { customer_id: 'Y', peer_group_level: 'all', peers: 11 },
    ]);
  });

  it('gives no suggestion to a customer outside the active portfolio (inactive L) nor to a prospect (Z)', async () => {
    const statuses = await marts.rows(`select customer_id, status from customers where customer_id in ('L', 'Z') order by customer_id`);
    expect(statuses).toEqual([
      { customer_id: 'L', status: 'inactive' },
      { customer_id: 'Z', status: 'prospect' },
    ]);
    expect(await marts.rows(`select customer_id from opportunities where customer_id in ('L', 'Z')`)).toEqual([]);
  });

  it('totals the suggestions per category, seller and UF and all of them, each breakdown a row of its own', async () => {
    const TOTALS = 'customers, suggestions, upsell_gain, cross_sell_gain, gain, holdout_weighted_gain, customers_with_porte';
    const totals = (where: string) => marts.rows(`select ${TOTALS} from opportunity_totals where ${where}`);
    // the same figures as summing opportunities directly, breakdown by breakdown
    const summed = (key: string) =>
      marts.rows(
        `select count(distinct o.customer_id)::integer as customers, count(*)::integer as suggestions,
              coalesce(sum(gain) filter (where kind = 'upsell'), 0) as upsell_gain, coalesce(sum(gain) filter (where kind = 'cross_sell'), 0) as cross_sell_gain,
              sum(gain) as gain, sum(holdout_weighted_gain) as holdout_weighted_gain, 0 as customers_with_porte
       from opportunities o left join customers c using (customer_id) group by ${key} order by ${key}`,
      );
    expect(await totals("breakdown = 'category' order by category")).toEqual(await summed('category'));
    expect(await totals("breakdown = 'seller' order by seller_id")).toEqual(await summed('o.seller_id'));
    expect(await totals("breakdown = 'state' order by state")).toEqual(await summed('c.state'));
    expect(await totals("breakdown = 'all'")).toEqual(await summed('true'));
    // every V1 customer is in PE and every PE customer belongs to V1: the two rows agree; the hit rate is 0 and no
    // customer has a porte, so every weighted gain is 0 and no customer counts as having a porte
    const [v1] = await totals("breakdown = 'seller' and seller_id = 'V1'");
    expect(await totals("breakdown = 'state' and state = 'PE'")).toEqual([v1]);
    expect(v1).toMatchObject({ holdout_weighted_gain: '0.00', customers_with_porte: 0 });
  });

  it("keeps at most max_suggestions per customer, ranked 1..n, owned by the customer's seller", async () => {
    const rows = await marts.rows(
      `select customer_id, count(*)::integer as n, max(rank) as last_rank, any_value(seller_id) as seller_id
       from opportunities group by customer_id having count(*) > 5 or max(rank) <> count(*) or any_value(seller_id) is null`,
    );
    expect(rows).toEqual([]);
  });
});

describe('opportunities without an order_items file', () => {
  it('publishes empty opportunities and a holdout with no suggestions, without failing', async () => {
    const marts = await runMarts(
      {
        'customers.csv': ['customer_id,name,segment,state,seller_id', 'A,Empresa A,Bar,SP,V1'],
        'orders.csv': [
          'order_id,customer_id,order_date,seller_id,status,channel,amount',
          'O1,A,2026-05-01,V1,invoiced,,100',
          'O2,A,2026-06-01,V1,invoiced,,100',
        ],
      },
      '2026-06-30',
      {},
    );
    try {
      expect(await marts.rows('select * from opportunities')).toEqual([]);
      expect(await marts.rows('select * from opportunity_customers')).toEqual([]);
      // the all row is there, with nothing in it
      expect(await marts.rows('select breakdown, customers, suggestions, gain, holdout_weighted_gain from opportunity_totals')).toEqual([
        { breakdown: 'all', customers: 0, suggestions: 0, gain: '0.00', holdout_weighted_gain: null },
      ]);
      expect(await marts.rows('select method, customers, suggestions, hits, hit_rate from recommendation_holdout order by method')).toEqual([
        { method: 'peer_group', customers: 0, suggestions: 0, hits: 0, hit_rate: null },
        { method: 'popularity', customers: 0, suggestions: 0, hits: 0, hit_rate: null },
      ]);
    } finally {
      marts.close();
    }
  });
});
