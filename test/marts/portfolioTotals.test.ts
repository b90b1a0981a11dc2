import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

/** 25 orders of `value`, 14 days apart, the last on 2026-05-16: silent for 45 days on 2026-06-30, at_risk → retain. */
function slowingOrders(customer: string, value: number): string[] {
  return Array.from({ length: 25 }, (_, k) => `${customer}-${k},${customer},${day('2026-05-16', -14 * (24 - k))},,invoiced,,${value}`);
}

// Three customers slowing down like R of actionList.test.ts, two sellers and two UFs, a prospect and a customer
// without an owner. Too few customers to fit the churn model: the value at stake is the whole yearly revenue.
const FILES: Record<string, string[]> = {
  'customers.csv': [
    'customer_id,name,segment,state,seller_id',
    'R1,Hotel R1,Hotel,SP,V1',
    'R2,Hotel R2,Hotel,RJ,V1',
    'R3,Hotel R3,Hotel,RJ,V2',
    'P,Hotel P,Hotel,RJ,V2',
    'N,Hotel N,Hotel,SP,',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    ...slowingOrders('R1', 1000),
    ...slowingOrders('R2', 500),
    ...slowingOrders('R3', 2000),
  ],
};

describe('totals the pages state, computed once in marts', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-30');
  });
  afterAll(() => marts.close());

  it('totals the customers to retain per seller, per UF and all of them, each row its own sum', async () => {
    const rows = await marts.rows('select breakdown, seller_id, state, customers, value_at_stake from retention_totals order by breakdown, seller_id, state');
    // the yearly revenue counts the 25 orders (all within 12 months of the last purchase): R1 25.000, R2 12.500, R3 50.000
    expect(rows).toEqual([
      { breakdown: 'all', seller_id: null, state: null, customers: 3, value_at_stake: '87500.00' },
      { breakdown: 'seller', seller_id: 'V1', state: null, customers: 2, value_at_stake: '37500.00' },
      { breakdown: 'seller', seller_id: 'V2', state: null, customers: 1, value_at_stake: '50000.00' },
      { breakdown: 'state', seller_id: null, state: 'RJ', customers: 2, value_at_stake: '62500.00' },
      { breakdown: 'state', seller_id: null, state: 'SP', customers: 1, value_at_stake: '25000.00' },
    ]);
    // the same figures as the action list's retain rows
    const [fromActions] = await marts.rows("select count(*)::integer as customers, sum(value_at_stake) as value from action_list where action = 'retain'");
    expect(fromActions).toEqual({ customers: 3, value: '87500.00' });
  });

  it("counts each seller's customers by status with their revenue in the segmentation window", async () => {
    const rows = await marts.rows(
      'select seller_id, status, is_active_portfolio, customers, window_revenue from seller_status order by seller_id nulls last, status',
    );
    // the window starts after 2025-06-30: the first two orders (2025-06-14 and 2025-06-28) fall before it, 23 remain:
    // V1 = R1 23 × 1.000 + R2 23 × 500 = 34.500; V2 = R3 23 × 2.000 = 46.000 and the prospect P; N has no owner
    expect(rows).toEqual([
      { seller_id: 'V1', status: 'at_risk', is_active_portfolio: true, customers: 2, window_revenue: '34500.00' },
      { seller_id: 'V2', status: 'at_risk', is_active_portfolio: true, customers: 1, window_revenue: '46000.00' },
      { seller_id: 'V2', status: 'prospect', is_active_portfolio: false, customers: 1, window_revenue: '0.00' },
      { seller_id: null, status: 'prospect', is_active_portfolio: false, customers: 1, window_revenue: '0.00' },
    ]);
  });

  it('counts the customers of each status and, of those, the ones a seller owns', async () => {
    const rows = await marts.rows(
      'select status, customers, customers_with_owner, customer_share, total_customers from portfolio_status where customers > 0 order by status',
    );
    // at risk: R1, R2 (V1) and R3 (V2), all owned; prospects: P (V2) and N, who has no owner → 2, of which 1 owned;
    // 5 customers in all, so 3/5 and 2/5 of them
    expect(rows).toEqual([
      { status: 'at_risk', customers: 3, customers_with_owner: 3, customer_share: 0.6, total_customers: 5 },
      { status: 'prospect', customers: 2, customers_with_owner: 1, customer_share: 0.4, total_customers: 5 },
    ]);
    // the empty statuses are there too, with a share of 0
    expect(await marts.rows('select cast(count(*) as integer) as n, max(customer_share) as share from portfolio_status where customers = 0')).toEqual([
      { n: 5, share: 0 },
    ]);
  });
});
