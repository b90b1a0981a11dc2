import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// The worked cases of test/marts/lifecycle.test.ts, judged on 2026-06-30: A active, B at_risk, E reactivated and
// F new make the active portfolio (4); C inactive, D lost and the prospect G are outside it.
// Revenue in the segmentation window (2025-07-01..2026-06-30), R$ 100 an order: A 4 orders = 400, B 21 weekly = 2100,
// E only E3 = 100, F 100 → 2700. At risk by rhythm: B alone.
const ORDERS_HEADER = 'order_id,customer_id,order_date,seller_id,status,channel,amount';

function weeklyOrders(customer: string): string[] {
  return Array.from({ length: 21 }, (_, week) => {
    const day = new Date(Date.UTC(2026, 0, 6 + 7 * week)).toISOString().slice(0, 10);
    return `${customer}-W${week},${customer},${day},V1,invoiced,,100`;
  });
}

const FILES = {
  'customers.csv': [
    'customer_id,name,segment,state,seller_id',
    'A,Empresa A,Bar,SP,V1',
    'B,Empresa B,Bar,SP,V1',
    'C,Empresa C,Bar,SP,V1',
    'D,Empresa D,Bar,SP,V1',
    'E,Empresa E,Bar,SP,V1',
    'F,Empresa F,Bar,SP,V1',
    'G,Empresa G,Bar,SP,V1',
  ],
  'orders.csv': [
    ORDERS_HEADER,
    'A1,A,2025-08-04,V1,invoiced,,100',
    'A2,A,2025-11-02,V1,invoiced,,100',
    'A3,A,2026-01-31,V1,invoiced,,100',
    'A4,A,2026-05-01,V1,invoiced,,100',
    ...weeklyOrders('B'),
    'C1,C,2025-09-01,V1,invoiced,,100',
    'C2,C,2025-10-01,V1,invoiced,,100',
    'D1,D,2024-12-29,V1,invoiced,,100',
    'D2,D,2025-01-29,V1,invoiced,,100',
    'E1,E,2025-01-10,V1,invoiced,,100',
    'E2,E,2025-02-10,V1,invoiced,,100',
    'E3,E,2026-06-15,V1,invoiced,,100',
    'F1,F,2026-06-10,V1,invoiced,,100',
  ],
};

describe('churn_bands', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-30');
  });
  afterAll(() => marts.close());

  it('counts the active portfolio per status, each a quarter of the 4, with a total row', async () => {
    const rows = await marts.rows(
      "select status, customers, customer_share, at_risk_by_rhythm, window_revenue from churn_bands where breakdown = 'status' order by status nulls last",
    );
    expect(rows).toEqual([
      { status: 'active', customers: 1, customer_share: 0.25, at_risk_by_rhythm: 0, window_revenue: '400.00' },
      { status: 'at_risk', customers: 1, customer_share: 0.25, at_risk_by_rhythm: 1, window_revenue: '2100.00' },
      { status: 'new', customers: 1, customer_share: 0.25, at_risk_by_rhythm: 0, window_revenue: '100.00' },
      { status: 'reactivated', customers: 1, customer_share: 0.25, at_risk_by_rhythm: 0, window_revenue: '100.00' },
      { status: null, customers: 4, customer_share: 1, at_risk_by_rhythm: 1, window_revenue: '2700.00' },
    ]);
  });

  it('publishes no churn_risk rows when the model scored nobody (too few repeat buyers): the page falls back to status', async () => {
    expect(await marts.rows('select count(p_alive)::integer as scored from customers')).toEqual([{ scored: 0 }]);
    expect(await marts.rows("select churn_risk, customers from churn_bands where breakdown = 'churn_risk'")).toEqual([]);
    expect(await marts.rows('select count(*)::integer as n from churn_bands where p_alive_q1 is not null or p_alive_q3 is not null')).toEqual([{ n: 0 }]);
  });
});

describe('churn_bands with the BG/NBD model fitted (min_repeat_buyers 3: A, B, C, D and E bought again)', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-30', { customer_value: { min_repeat_buyers: 3 } });
  });
  afterAll(() => marts.close());

  it('states the spread of P(alive) in the total row: the 4 scored customers, quartiles interpolated at (n − 1) × q, the largest', async () => {
    const scored = await marts.rows<{ p_alive: number }>('select p_alive from customers where is_active_portfolio and p_alive is not null order by p_alive');
    expect(scored).toHaveLength(4);
    const [v0, v1, v2, v3] = scored.map((r) => r.p_alive) as [number, number, number, number];
    // four distinct values, so an interpolated quartile differs from picking one of them
    expect(v0 < v1 && v1 < v2 && v2 < v3).toBe(true);
    const [total] = await marts.rows<{ customers: number; p_alive_q1: number; p_alive_q3: number; max_p_alive: number }>(
      "select customers, p_alive_q1, p_alive_q3, max_p_alive from churn_bands where breakdown = 'churn_risk' and churn_risk is null",
    );
    // n = 4: Q1 at position 3 × 0.25 = 0.75, between the 1st and 2nd; Q3 at 3 × 0.75 = 2.25, between the 3rd and 4th
    expect(total!.customers).toBe(4);
    expect(total!.p_alive_q1).toBeCloseTo(v0 + 0.75 * (v1 - v0), 15);
    expect(total!.p_alive_q3).toBeCloseTo(v2 + 0.25 * (v3 - v2), 15);
    expect(total!.max_p_alive).toBe(v3);
  });

  it('counts in the total row the customers late for their rhythm over every band: B alone', async () => {
    expect(await marts.rows("select at_risk_by_rhythm from churn_bands where breakdown = 'churn_risk' and churn_risk is null")).toEqual([
      { at_risk_by_rhythm: 1 },
    ]);
  });

  it('publishes the quartiles on every status row too once the model scores every active-portfolio customer', async () => {
    expect(await marts.rows("select count(*)::integer as n from churn_bands where breakdown = 'status' and p_alive_q1 is null")).toEqual([{ n: 0 }]);
  });
});
