import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 30/04/2026. Customers known from orders alone belong to the seller of their orders.
//   A: K1 new in January (1.000), buys again in February (3.000); K2 and K3 new in March (250 each = 500)
//   B: K4 new in December 2025 (9.999), buys in February (1.500) and April (9.999)
//   C: K5 new in March (9.000); D: K6 new in February (1.500)
// Targets (revenue / coverage % / new customers):
//   A  jan 2.000 / 50 / 2   fev 2.000 / 50 / —   mar — / 50 / 2
//   B  dez/2025 1 / — / —   fev 1.000 / — / —    abr 1 / — / —
//   C  mar — / — / 1        D  fev 1.000 / — / —
// A's coverage: in January its portfolio at the start of the month is empty (K1 had not bought yet), so there is no
// coverage to measure; in February K1 is in it and buys (100% ≥ 50: met); in March K1 is in it and does not buy
// (0% < 50: not met) → 1 of 2 months.
const FILES = {
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,K4,2025-12-10,B,invoiced,,9999',
    'O2,K1,2026-01-10,A,invoiced,,1000',
    'O3,K1,2026-02-10,A,invoiced,,3000',
    'O4,K4,2026-02-12,B,invoiced,,1500',
    'O5,K6,2026-02-14,D,invoiced,,1500',
    'O6,K2,2026-03-05,A,invoiced,,250',
    'O7,K3,2026-03-06,A,invoiced,,250',
    'O8,K5,2026-03-07,C,invoiced,,9000',
    'O9,K4,2026-04-10,B,invoiced,,9999',
  ],
  'targets.csv': [
    'seller_id,month,revenue_target,coverage_target_pct,new_customers_target',
    'A,2026-01,2000,50,2',
    'A,2026-02,2000,50,',
    'A,2026-03,,50,2',
    'B,2025-12,1,,',
    'B,2026-02,1000,,',
    'B,2026-04,1,,',
    'C,2026-03,,,1',
    'D,2026-02,1000,,',
  ],
};

const COLUMNS = `seller_id, target_months as months, revenue, revenue_target as target, revenue_attainment_pct as pct,
  revenue_attainment_rank as rank, new_customers as new, new_customers_target as new_target, new_customers_attainment_pct as new_pct,
  coverage_months_met as cov_met, coverage_months as cov`;

describe('target_attainment_ytd', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-04-30');
  });
  afterAll(() => marts.close());

  it('sums each kind over the months of the year that have that target, and ranks by revenue attainment with ties sharing a rank', async () => {
    const rows = await marts.rows(
      `select ${COLUMNS} from target_attainment_ytd where month = '2026-03-01' order by revenue_attainment_rank nulls last, revenue desc, seller_id`,
    );
    // B and D: 1.500 ÷ 1.000 = 150%, both first. A: (1.000 + 3.000) ÷ (2.000 + 2.000) = 100%, third: March's 500 had no
    // revenue target and stays out; new customers 1 (Jan) + 2 (Mar) = 3 of 2 + 2 = 4 → 75%. C: no revenue target (0, not
    // ranked), 1 new customer of 1 → 100%. D's K6 is new in February, a month without a new-customer target: 0.
    expect(rows).toEqual([
      { seller_id: 'B', months: 1, revenue: '1500.00', target: '1000.00', pct: 150, rank: 1, new: 0, new_target: null, new_pct: null, cov_met: 0, cov: 0 },
      { seller_id: 'D', months: 1, revenue: '1500.00', target: '1000.00', pct: 150, rank: 1, new: 0, new_target: null, new_pct: null, cov_met: 0, cov: 0 },
      { seller_id: 'A', months: 3, revenue: '4000.00', target: '4000.00', pct: 100, rank: 3, new: 3, new_target: 4, new_pct: 75, cov_met: 1, cov: 2 },
      { seller_id: 'C', months: 1, revenue: '0.00', target: null, pct: null, rank: null, new: 1, new_target: 1, new_pct: 100, cov_met: 0, cov: 0 },
    ]);
  });

  it('starts again each January and leaves out the months after the one summed to', async () => {
    const rows = await marts.rows(
      `select month::varchar as month, seller_id, revenue, revenue_target as target from target_attainment_ytd
       where seller_id in ('A', 'B') and month in ('2025-12-01', '2026-01-01', '2026-04-01') order by month, seller_id`,
    );
    // January: only A (1.000 of 2.000); B's December target is last year's. April: B adds April's 9.999 of 1.
    expect(rows).toEqual([
      { month: '2025-12-01', seller_id: 'B', revenue: '9999.00', target: '1.00' },
      { month: '2026-01-01', seller_id: 'A', revenue: '1000.00', target: '2000.00' },
      { month: '2026-04-01', seller_id: 'A', revenue: '4000.00', target: '4000.00' },
      { month: '2026-04-01', seller_id: 'B', revenue: '11499.00', target: '1001.00' },
    ]);
  });
});
