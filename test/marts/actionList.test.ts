import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

/** `count` orders of one Bebidas line each, `every` days apart, the last on `last`. */
function regularOrders(customer: string, last: string, every: number, count: number, value: number) {
  const dates = Array.from({ length: count }, (_, k) => day(last, -every * (count - 1 - k)));
  return {
    orders: dates.map((date, k) => `${customer}-${k},${customer},${date},,invoiced,,${value}`),
    items: dates.map((_, k) => `${customer}-${k},B,1,${value}`),
  };
}

/** A Bar buying a year's worth on 2026-06-01 (and a first small order before the window): quantity 12 × the monthly value. */
function barOrders(customer: string, monthly: Record<string, number>) {
  return {
    orders: [`${customer}-0,${customer},2025-05-15,,invoiced,,100`, `${customer}-1,${customer},2026-06-01,,invoiced,,1`],
    items: [`${customer}-0,B,1,100`, ...Object.entries(monthly).map(([product, value]) => `${customer}-1,${product},12,${value}`)],
  };
}

const HISTORY = [
  // R: every 14 days for 11 months (25 orders of R$ 1.000), silent for 45 days: at_risk → retain
  regularOrders('R', '2026-05-16', 14, 25, 1000),
  // A: every 30 days (12 orders of R$ 2.000), silent for 400 days: lost → reactivate
  regularOrders('A', '2025-05-26', 30, 12, 2000),
  // A2: silent for 800 days, longer than reactivate_max_days_silent (730): no action
  regularOrders('A2', '2024-05-22', 30, 3, 2000),
  // A3: one purchase of R$ 500 200 days ago: inactive, but R$ 500 is below min_value_at_stake
  regularOrders('A3', '2025-12-12', 30, 1, 500),
  // O1 buys Bebidas at R$ 1.200 a month and no Petiscos, which 3 of its 4 peers buy at R$ 500 → offer
  barOrders('O1', { B: 1200 }),
  barOrders('O2', { B: 1000, S: 500 }),
  barOrders('O3', { B: 1000, S: 500 }),
  barOrders('O4', { B: 1000, S: 500 }),
];

const FILES: Record<string, string[]> = {
  'customers.csv': [
    'customer_id,name,segment,state,seller_id',
    'R,Hotel R,Hotel,SP,V1',
    'A,Hotel A,Hotel,SP,V1',
    'A2,Hotel A2,Hotel,SP,V1',
    'A3,Hotel A3,Hotel,SP,V1',
    'O1,Bar O1,Bar,SP,V1',
    'O2,Bar O2,Bar,SP,V1',
    'O3,Bar O3,Bar,SP,V1',
    'O4,Bar O4,Bar,SP,V1',
    'K,Clínica K,Serviços,SP,V2',
    'K2,Clínica K2,Serviços,SP,V2',
  ],
  'products.csv': ['product_id,name,category', 'B,Refrigerante fd 6,Bebidas', 'S,Amendoim pct 10,Petiscos'],
  'orders.csv': ['order_id,customer_id,order_date,seller_id,status,channel,amount', ...HISTORY.flatMap((h) => h.orders)],
  'order_items.csv': ['order_id,product_id,quantity,unit_price', ...HISTORY.flatMap((h) => h.items)],
  'contracts.csv': [
    'contract_id,customer_id,start_date,end_date,monthly_value,product_id,status',
    // ends in 12 days, not renewed → renew
    'CT1,K,2025-07-13,2026-07-12,3200,,',
    // ends in 20 days but CT3 already renews it → nothing to do
    'CT2,K2,2025-07-21,2026-07-20,900,,',
    'CT3,K2,2026-06-25,2027-06-24,950,,',
  ],
};

// With one size band and groups of 3, the four Bars compare among themselves; R and the lost Hotels fall
// back to everyone, where Petiscos (3 of 6 buyers) stays under the 60% share asked for.
const CONFIG = { opportunities: { revenue_tiers: 1, min_peers: 3, min_category_buyers: 3, min_peer_share: 0.6 } };

const QUERY = 'select seller_id, customer_id, action, reason_pt, value_at_stake, priority_score, rank from action_list order by seller_id, rank';

const V1_ACTIONS = [
  {
    seller_id: 'V1',
    customer_id: 'R',
    action: 'retain',
    rank: 1,
    reason_pt: 'Comprava a cada 14 dias e está há 45 dias sem comprar',
    value_at_stake: '25000.00',
    priority_score: '25000.00',
  },
  {
    seller_id: 'V1',
    customer_id: 'A',
    action: 'reactivate',
    rank: 2,
    reason_pt: 'Comprava a cada 30 dias e está há 400 dias sem comprar; comprou R$ 24.000 nos 12 meses até a última compra',
    value_at_stake: '24000.00',
    priority_score: '24000.00',
  },
  {
    // potential 500 × size factor 1.200 / 1.500 = R$ 400 a month; priority 12 × 400 × 75%
    seller_id: 'V1',
    customer_id: 'O1',
    action: 'offer',
    rank: 3,
    reason_pt: '75% dos clientes semelhantes compram Petiscos; potencial estimado R$ 400/mês, ajustado ao tamanho do cliente',
    value_at_stake: '4800.00',
    priority_score: '3600.00',
  },
];

describe('action_list without a fitted churn model (rhythm fallback)', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-30', CONFIG);
  });
  afterAll(() => marts.close());

  it("ranks each seller's actions by expected value, with the evidence in Portuguese", async () => {
    expect(await marts.rows(QUERY)).toEqual([
      ...V1_ACTIONS,
      {
        seller_id: 'V2',
        customer_id: 'K',
        action: 'renew',
        rank: 1,
        reason_pt: 'Contrato termina em 12 dias: R$ 3.200/mês',
        value_at_stake: '38400.00',
        priority_score: '38400.00',
      },
    ]);
  });

  it("gives only the offer the customer's suggestion totals: O1's one cross-sell of R$ 400/mês", async () => {
    expect(await marts.rows(`select action, upsell_gain, cross_sell_gain from action_list order by seller_id, rank`)).toEqual([
      { action: 'retain', upsell_gain: null, cross_sell_gain: null },
      { action: 'reactivate', upsell_gain: null, cross_sell_gain: null },
      { action: 'offer', upsell_gain: '0.00', cross_sell_gain: '400.00' },
      { action: 'renew', upsell_gain: null, cross_sell_gain: null },
    ]);
  });

  it('falls back to the rhythm because the model could not be fitted on so few customers', async () => {
    expect(await marts.rows(`select customer_id, status, p_alive from customers where customer_id in ('R', 'A') order by customer_id`)).toEqual([
      { customer_id: 'A', status: 'lost', p_alive: null },
      { customer_id: 'R', status: 'at_risk', p_alive: null },
    ]);
  });
});

describe('action_list without a contracts file', () => {
  it('lists no renewals and still ranks the other actions', async () => {
    const { 'contracts.csv': _contracts, ...withoutContracts } = FILES;
    const marts = await runMarts(withoutContracts, '2026-06-30', CONFIG);
    try {
      expect(await marts.rows(QUERY)).toEqual(V1_ACTIONS);
    } finally {
      marts.close();
    }
  });
});
