import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// Judged on 2026-05-15: the second quarter of 2026 is running. The data starts in February 2024, so the first
// quarter of 2024 holds 2 of its 3 months and 2024 11 of its 12: neither is whole.
// One customer's revenue per quarter: T1 2024 100, T2 2024 200, T1 2025 300, T2 2025 250, T1 2026 450, T2 2026 500;
// nothing in the third and fourth quarters.
const FILES = {
  'customers.csv': ['customer_id,name,segment,state,seller_id', 'A,Empresa A,Bar,SP,V1'],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,A,2024-02-10,V1,invoiced,,100',
    'O2,A,2024-04-10,V1,invoiced,,200',
    'O3,A,2025-02-10,V1,invoiced,,300',
    'O4,A,2025-04-10,V1,invoiced,,250',
    'O5,A,2026-02-10,V1,invoiced,,450',
    'O6,A,2026-04-10,V1,invoiced,,500',
  ],
};

describe('kpis_periods against the same period a year before', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-05-15');
  });
  afterAll(() => marts.close());

  it('compares each quarter with the same quarter a year before only when both are whole', async () => {
    const rows = await marts.rows(
      `select period_start::varchar as start, revenue, revenue_year_ago, revenue_change_year_ago as change
       from kpis_periods where period_type = 'quarter' order by period_start`,
    );
    expect(rows).toEqual([
      { start: '2024-01-01', revenue: '100.00', revenue_year_ago: null, change: null },
      { start: '2024-04-01', revenue: '200.00', revenue_year_ago: null, change: null },
      { start: '2024-07-01', revenue: '0.00', revenue_year_ago: null, change: null },
      { start: '2024-10-01', revenue: '0.00', revenue_year_ago: null, change: null },
      // T1 2024 holds only February and March: not compared
      { start: '2025-01-01', revenue: '300.00', revenue_year_ago: null, change: null },
      // 250 ÷ 200 − 1
      { start: '2025-04-01', revenue: '250.00', revenue_year_ago: '200.00', change: 0.25 },
      // nothing a year before: the base is there (0) but no change is divided by it
      { start: '2025-07-01', revenue: '0.00', revenue_year_ago: '0.00', change: null },
      { start: '2025-10-01', revenue: '0.00', revenue_year_ago: '0.00', change: null },
      // 450 ÷ 300 − 1
      { start: '2026-01-01', revenue: '450.00', revenue_year_ago: '300.00', change: 0.5 },
      // running: the quarter a year before is shown, the change is not
      { start: '2026-04-01', revenue: '500.00', revenue_year_ago: '250.00', change: null },
    ]);
  });

  it('leaves 2025 without a comparison: 2024 has 11 of its 12 months in the data', async () => {
    expect(
      await marts.rows(
        `select period_start::varchar as start, revenue, revenue_year_ago, revenue_change_year_ago as change
         from kpis_periods where period_type = 'year' order by period_start`,
      ),
    ).toEqual([
      { start: '2024-01-01', revenue: '300.00', revenue_year_ago: null, change: null },
      { start: '2025-01-01', revenue: '550.00', revenue_year_ago: null, change: null },
      // 2025 is whole but 2026 is running
      { start: '2026-01-01', revenue: '950.00', revenue_year_ago: '550.00', change: null },
    ]);
  });
});
