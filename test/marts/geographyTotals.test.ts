import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// Judged on 2026-06-15: June 2026 is in progress, May 2026 is the last complete month. The history starts in
// April 2025, so the 12 complete months run from June 2025 to May 2026.
// A (SP) and B (RJ) have a valid UF, C none. In the window: A R$ 300 (July 2025), B R$ 200 (January 2026),
// C R$ 100 (February 2026) → 600, of which 300 + 200 = 500 with a UF (5/6) and 100 without (1/6).
// Left out: A's R$ 500 of April 2025 (before the window) and C's R$ 1.000 of June 2026 (the month in progress).
const FILES = {
  'customers.csv': ['customer_id,name,segment,state,seller_id', 'A,Empresa A,Bar,SP,V1', 'B,Empresa B,Bar,RJ,V1', 'C,Empresa C,Bar,,V1'],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'A1,A,2025-04-10,V1,invoiced,,500',
    'A2,A,2025-07-01,V1,invoiced,,300',
    'B1,B,2026-01-05,V1,invoiced,,200',
    'C1,C,2026-02-01,V1,invoiced,,100',
    'C2,C,2026-06-10,V1,invoiced,,1000',
  ],
};

describe('geography_totals', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-15');
  });
  afterAll(() => marts.close());

  it("splits the 12 complete months' revenue between customers with a valid UF and without one", async () => {
    const rows = await marts.rows(
      `select window_start::varchar as window_start, window_end::varchar as window_end, revenue, uf_revenue, unknown_uf_revenue,
              round(uf_revenue_share, 6) as uf_share, round(unknown_uf_revenue_share, 6) as unknown_share
       from geography_totals`,
    );
    expect(rows).toEqual([
      {
        window_start: '2025-06-01',
        window_end: '2026-05-01',
        revenue: '600.00',
        uf_revenue: '500.00',
        unknown_uf_revenue: '100.00',
        // 500 ÷ 600 and 100 ÷ 600
        uf_share: 0.833333,
        unknown_share: 0.166667,
      },
    ]);
  });

  it('starts the window at the first month of the history when it is shorter than 12 months', async () => {
    const short = await runMarts({ ...FILES, 'orders.csv': FILES['orders.csv'].filter((line) => !line.startsWith('A1,')) }, '2026-06-15');
    try {
      // A2 in July 2025 is now the first order: July 2025 to May 2026, 11 months, the same R$ 600
      expect(await short.rows('select window_start::varchar as window_start, revenue from geography_totals')).toEqual([
        { window_start: '2025-07-01', revenue: '600.00' },
      ]);
    } finally {
      short.close();
    }
  });
});
