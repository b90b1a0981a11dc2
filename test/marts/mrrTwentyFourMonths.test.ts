import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

// as-of 2026-03-15: March 2026 is in progress. A and B start in June 2023 at R$ 100 each; B ends on 15/12/2023, so
// December 2023 keeps (200 − 100) ÷ 200 = 50% (GRR = NRR = 0,5). A adds R$ 20 on 05/10/2025: October 2025 starts at
// 100 and ends at 120, GRR 1 and NRR 1,2. Every other month keeps its MRR: GRR = NRR = 1.
// Complete months with a starting MRR: July 2023 (June starts at zero) to February 2026, 32 rows.
beforeAll(async () => {
  marts = await runMarts(
    {
      'customers.csv': ['customer_id,name', 'A1,Cliente A Ltda', 'B1,Cliente B Ltda'],
      'orders.csv': ['order_id,customer_id,order_date,amount', 'O1,A1,2026-03-10,100'],
      'contracts.csv': [
        'contract_id,customer_id,start_date,end_date,monthly_value,product_id,status',
        'CA1,A1,2023-06-01,2027-06-01,100,X,',
        'CA2,A1,2025-10-05,2027-06-01,20,Y,',
        'CB1,B1,2023-06-01,2023-12-15,100,X,',
      ],
    },
    '2026-03-15',
  );
});
afterAll(() => marts.close());

describe('contracts_monthly, range of GRR and NRR over 24 months', () => {
  it('states the lowest and highest GRR and NRR, and the largest NRR − GRR, over the latest 24 complete months with a starting MRR', async () => {
    const rows = await marts.rows(
      `select month::varchar as month, months_24m, first_month_24m::varchar as first_month_24m,
              grr_min_24m, grr_max_24m, nrr_min_24m, nrr_max_24m, round(nrr_grr_gap_max_24m, 12) as gap
       from contracts_monthly
       where month in ('2023-06-01', '2023-07-01', '2025-11-01', '2025-12-01', '2026-02-01', '2026-03-01')
       order by month`,
    );
    expect(rows).toEqual([
      // June 2023 starts without MRR: no range
      { month: '2023-06-01', months_24m: null, first_month_24m: null, grr_min_24m: null, grr_max_24m: null, nrr_min_24m: null, nrr_max_24m: null, gap: null },
      // July 2023, the first month with a starting MRR: itself only
      { month: '2023-07-01', months_24m: 1, first_month_24m: '2023-07-01', grr_min_24m: 1, grr_max_24m: 1, nrr_min_24m: 1, nrr_max_24m: 1, gap: 0 },
      // December 2023 to November 2025 (24 rows): B's loss (0,5) and A's expansion (1,2 − 1 = 0,2)
      { month: '2025-11-01', months_24m: 24, first_month_24m: '2023-12-01', grr_min_24m: 0.5, grr_max_24m: 1, nrr_min_24m: 0.5, nrr_max_24m: 1.2, gap: 0.2 },
      // January 2024 to December 2025: December 2023 has left the window, every GRR is 1
      { month: '2025-12-01', months_24m: 24, first_month_24m: '2024-01-01', grr_min_24m: 1, grr_max_24m: 1, nrr_min_24m: 1, nrr_max_24m: 1.2, gap: 0.2 },
      // March 2024 to February 2026: the months the Renovações chart shows on this base
      { month: '2026-02-01', months_24m: 24, first_month_24m: '2024-03-01', grr_min_24m: 1, grr_max_24m: 1, nrr_min_24m: 1, nrr_max_24m: 1.2, gap: 0.2 },
      // March 2026 is in progress: no range
      { month: '2026-03-01', months_24m: null, first_month_24m: null, grr_min_24m: null, grr_max_24m: null, nrr_min_24m: null, nrr_max_24m: null, gap: null },
    ]);
  });
});
