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
 * A customer who first bought on 2025-05-15 (before the 12-month window, so its spend is divided by 12) and bought
 * a year's worth on 2026-02-01 (quantity 12 × the monthly value of each product): inside both the current window
 * and the holdout one (which ends 3 months before the as-of date, on 2026-03-30), and active at both dates.
 */
function buyer(customer: string, monthly: Record<string, number>): { orders: string[]; items: string[] } {
  const year = Object.values(monthly).reduce((a, b) => a + 12 * b, 0);
  return {
    orders: [`${customer}-0,${customer},2025-05-15,V1,invoiced,,100`, `${customer}-1,${customer},2026-02-01,V1,invoiced,,${year}`],
    items: [`${customer}-0,LEITE,1,100`, ...Object.entries(monthly).map(([product, value]) => `${customer}-1,${product},12,${value}`)],
  };
}

const PEER = { LEITE: 10000, MANT: 4000, QUEIJO: 5000, REQ: 4000 };
const PEERS = Array.from({ length: 19 }, (_, i) => `P${i + 1}`);
// The ways an export writes EPP: labels in any case, with or without accents, and headcounts of 10 to 49
const EPP_SPELLINGS = ['EPP', 'Empresa de Pequeno Porte', 'pequeno porte', '25', 'Pequena empresa', 'epp'];

// The worked case with a porte: C, an EPP bakery in Pernambuco, buys milk at R$ 7.000 and butter at R$ 3.000 a month.
// Its 19 peers (EPP bakeries in the Nordeste: with C, 20 = the default min_peers) buy milk at 10.000, butter at 4.000,
// cheese at 5.000 and requeijão at 4.000. C totals 10.000 a month against their 23.000: a size factor would shrink
// its potential to 0,43 of the peers', but peers of its own porte need no scaling.
// H: the only EPP hotel (porte given as 12 employees); its segment groups hold only H, so its peers are every EPP.
// E (porte left empty) and U (porte "gigante", unknown) have no porte: their peers are the spend-band groups,
// too small here, so everyone (23 customers), and their potentials are scaled to their size.
const BUYERS: Record<string, Record<string, number>> = {
  C: { LEITE: 7000, MANT: 3000 },
  ...Object.fromEntries(PEERS.map((p) => [p, PEER])),
  H: { LEITE: 1000 },
  E: { LEITE: 5000, MANT: 4000, QUEIJO: 5000, REQ: 4000 },
  U: { LEITE: 5000, MANT: 4000, QUEIJO: 5000, REQ: 4000 },
};

describe('opportunities with a porte (company size) in the customers export, default config', () => {
  let marts: MartRun;

  beforeAll(async () => {
    const bought = Object.entries(BUYERS).map(([customer, monthly]) => buyer(customer, monthly));
    marts = await runMarts(
      {
        'customers.csv': [
          'customer_id,name,segment,state,seller_id,Porte',
          'C,Padaria C,Padaria,PE,V1,EPP',
          ...PEERS.map((p, i) => `${p},Padaria ${p},Padaria,PE,V1,${EPP_SPELLINGS[i % EPP_SPELLINGS.length]}`),
          'H,Hotel H,Hotel,PE,V1,12',
          'E,Padaria E,Padaria,PE,V1,',
          'U,Padaria U,Padaria,PE,V1,gigante',
        ],
        'products.csv': PRODUCTS,
        'orders.csv': [
          'order_id,customer_id,order_date,seller_id,status,channel,amount',
          ...bought.flatMap((b) => b.orders),
          // H buys cheese after the holdout date: one of the five cross-sells suggested then came true
          'H-2,H,2026-05-01,V1,invoiced,,1200',
        ],
        'order_items.csv': ['order_id,product_id,quantity,unit_price', ...bought.flatMap((b) => b.items), 'H-2,QUEIJO,1,1200'],
      },
      '2026-06-30',
    );
  });
  afterAll(() => marts.close());

  it('reproduces the worked case exactly: upsell +R$ 4.000/mês (milk, butter), cross-sell +R$ 9.000/mês (cheese, requeijão), no size scaling', async () => {
    // medians among the 20 of C's group: milk [7.000, 19 × 10.000] → 10.000; butter [3.000, 19 × 4.000] → 4.000;
    // cheese and requeijão bought by the 19 peers (95%) at 5.000 and 4.000. Upsell: 7.000 < 80% × 10.000 and
    // 3.000 < 80% × 4.000, so neither is hidden. Expected gain = gain × 95% or 100%: 4.750, 3.800, 3.000, 1.000.
    const rows = await marts.rows(
      `select kind, category, current_value, potential_value, gain, expected_gain, peer_share, peers, company_size, peer_group_level,
              potential_rule, size_factor, rank, reason_pt
       from opportunities where customer_id = 'C' order by rank`,
    );
    const same = { peers: 20, company_size: 'epp', peer_group_level: 'segment_porte_region', potential_rule: 'same_porte', size_factor: 1 };
    expect(rows).toEqual([
      {
        kind: 'cross_sell',
        category: 'Queijos',
        current_value: '0.00',
        potential_value: '5000.00',
        gain: '5000.00',
        expected_gain: '4750.00',
        peer_share: 0.95,
        rank: 1,
        ...same,
        reason_pt: '95% dos clientes do mesmo porte (EPP) compram Queijos; potencial estimado R$ 5.000/mês',
      },
      {
        kind: 'cross_sell',
        category: 'Requeijão',
        current_value: '0.00',
        potential_value: '4000.00',
        gain: '4000.00',
        expected_gain: '3800.00',
        peer_share: 0.95,
        rank: 2,
        ...same,
        reason_pt: '95% dos clientes do mesmo porte (EPP) compram Requeijão; potencial estimado R$ 4.000/mês',
      },
      {
        kind: 'upsell',
        category: 'Leite',
        current_value: '7000.00',
        potential_value: '10000.00',
        gain: '3000.00',
        expected_gain: '3000.00',
        peer_share: 1,
        rank: 3,
        ...same,
        reason_pt: 'Compra R$ 7.000/mês em Leite; clientes do mesmo porte (EPP) compram R$ 10.000/mês (+R$ 3.000/mês)',
      },
      {
        kind: 'upsell',
        category: 'Manteiga',
        current_value: '3000.00',
        potential_value: '4000.00',
        gain: '1000.00',
        expected_gain: '1000.00',
        peer_share: 1,
        rank: 4,
        ...same,
        reason_pt: 'Compra R$ 3.000/mês em Manteiga; clientes do mesmo porte (EPP) compram R$ 4.000/mês (+R$ 1.000/mês)',
      },
    ]);
  });

  it("sums the customer's suggestions in opportunity_customers: upsell 4.000, cross-sell 9.000, weighted by the 20% hit rate", async () => {
    // holdout (as of 30/03/2026): C was suggested cheese and requeijão and bought neither since; H was suggested
    // butter, cheese and requeijão and bought cheese: 1 hit in 5 → 20%. Weighted: 13.000 × 20% = 2.600.
    expect(await marts.rows(`select suggestions, hits, hit_rate from recommendation_holdout where method = 'peer_group'`)).toEqual([
      { suggestions: 5, hits: 1, hit_rate: 0.2 },
    ]);
    expect(await marts.rows(`select * exclude (as_of_date) from opportunity_customers where customer_id = 'C'`)).toEqual([
      {
        customer_id: 'C',
        seller_id: 'V1',
        company_size: 'epp',
        suggestions: 4,
        upsell_suggestions: 2,
        cross_sell_suggestions: 2,
        upsell_gain: '4000.00',
        cross_sell_gain: '9000.00',
        gain: '13000.00',
        holdout_weighted_gain: '2600.00',
      },
    ]);
    // each suggestion's gain × 20%: 5.000 → 1.000, 4.000 → 800, 3.000 → 600, 1.000 → 200
    expect(await marts.rows(`select category, holdout_weighted_gain from opportunities where customer_id = 'C' order by rank`)).toEqual([
      { category: 'Queijos', holdout_weighted_gain: '1000.00' },
      { category: 'Requeijão', holdout_weighted_gain: '800.00' },
      { category: 'Leite', holdout_weighted_gain: '600.00' },
      { category: 'Manteiga', holdout_weighted_gain: '200.00' },
    ]);
  });

  it("puts the customer's totals in its offer on the work list", async () => {
    // best suggestion: cheese, gain 5.000 (× 12 = 60.000 at stake), expected 4.750 (× 12 = 57.000 priority)
    expect(await marts.rows(`select reason_pt, value_at_stake, priority_score, upsell_gain, cross_sell_gain from action_list where customer_id = 'C'`)).toEqual(
      [
        {
          reason_pt:
            'Potencial de R$ 13.000/mês em 4 sugestões (upsell +R$ 4.000, cross-sell +R$ 9.000). Principal: 95% dos clientes do mesmo porte (EPP) compram Queijos; potencial estimado R$ 5.000/mês',
          value_at_stake: '60000.00',
          priority_score: '57000.00',
          upsell_gain: '4000.00',
          cross_sell_gain: '9000.00',
        },
      ],
    );
  });

  it('widens a porte group by dropping region and segment before porte: the lone EPP hotel is compared with every EPP', async () => {
    // Hotel | EPP | Nordeste and Hotel | EPP hold only H; * | EPP | * holds C, P1-P19 and H
    expect(await marts.rows(`select distinct peer_group_level, peers, potential_rule, size_factor from opportunities where customer_id = 'H'`)).toEqual([
      { peer_group_level: 'porte', peers: 21, potential_rule: 'same_porte', size_factor: 1 },
    ]);
  });

  it('scales a customer whose porte is empty or unknown to its size, and says so', async () => {
    // E and U: everyone is their group (23). Totals: H 1.100, C 10.000, E and U 18.000, 19 peers 23.000 → median
    // 23.000, size factor 18.000 ÷ 23.000 = 0,7826. Milk: median 10.000 × 0,7826 = 7.826,09 (below the top, 10.000);
    // 5.000 < 80% of it: upsell of 2.826,09. Butter 4.000 × 0,7826 = 3.130: E already buys 4.000, no upsell.
    const rows = await marts.rows<{ customer_id: string; size_factor: number }>(
      `select customer_id, company_size, peer_group_level, peers, category, potential_value, gain, potential_rule, peer_max_value, size_factor, reason_pt
       from opportunities where customer_id in ('E', 'U') order by customer_id`,
    );
    expect(rows.map((r) => ({ ...r, size_factor: Math.round(r.size_factor * 10000) / 10000 }))).toEqual(
      ['E', 'U'].map((customer_id) => ({
        customer_id,
        company_size: null,
        peer_group_level: 'all',
        peers: 23,
        category: 'Leite',
        potential_value: '7826.09',
        gain: '2826.09',
        potential_rule: 'size_factor',
        peer_max_value: '10000.00',
        size_factor: 0.7826,
        reason_pt: 'Compra R$ 5.000/mês em Leite; clientes semelhantes compram R$ 7.826/mês, ajustado ao tamanho do cliente (+R$ 2.826/mês)',
      })),
    );
  });

  it('reads 12 employees as EPP, and warns about an unknown porte without dropping the customer', async () => {
    // (P4's 25 employees and every spelling of EPP are read too: C's group above counts all 19 peers)
    expect(await marts.rows(`select customer_id, company_size from opportunity_customers order by customer_id`)).toEqual([
      { customer_id: 'C', company_size: 'epp' },
      { customer_id: 'E', company_size: null },
      { customer_id: 'H', company_size: 'epp' },
      { customer_id: 'U', company_size: null },
    ]);
    expect(await marts.rows(`select "column", value, reason_code, severity from rejects where entity = 'customers'`)).toEqual([
      { column: 'Porte', value: 'gigante', reason_code: 'unknown_value', severity: 'warning' },
    ]);
    expect(await marts.rows(`select customer_id from customers where customer_id = 'U'`)).toEqual([{ customer_id: 'U' }]);
  });
});
