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
  });
});
