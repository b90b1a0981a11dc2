import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

// as-of 2026-03-15: March 2026 is in progress; contracts start in November 2024
beforeAll(async () => {
  marts = await runMarts(
    {
      'customers.csv': ['customer_id,name', 'A1,Cliente A Ltda', 'B1,Cliente B Ltda', 'D1,Cliente D Ltda'],
      'orders.csv': ['order_id,customer_id,order_date,amount', 'O1,A1,2026-03-10,100'],
      'contracts.csv': [
        'contract_id,customer_id,start_date,end_date,monthly_value,product_id,status',
        // A1: new in Nov/2024 (100), expands by 30 in Dec/2025
        'CA1,A1,2024-11-10,2027-01-01,100,X,',
        'CA2,A1,2025-12-05,2027-01-01,30,Y,',
        // D1: new in Jan/2025 (40 + 60), contracts by 40 in Jan/2026
        'CD1,D1,2025-01-05,2026-01-10,40,X,',
        'CD2,D1,2025-01-05,2027-01-01,60,Y,',
        // B1: new in May/2025 (50), churned in Sep/2025
        'CB1,B1,2025-05-10,2025-09-20,50,X,',
      ],
    },
    '2026-03-15',
  );
});
afterAll(() => marts.close());

describe('contracts_monthly, 12-month sums', () => {
  it('sums the MRR movements over the latest 12 complete months with a starting MRR, skipping the first month and the month in progress', async () => {
    const rows = await marts.rows(
      `select month::varchar as month, months_12m, first_month_12m::varchar as first_month_12m,
              new_mrr_12m::double as new, expansion_mrr_12m::double as expansion, gained_mrr_12m::double as gained,
              contraction_mrr_12m::double as contraction, churned_mrr_12m::double as churned
       from contracts_monthly
       where month in ('2024-11-01', '2024-12-01', '2025-01-01', '2026-02-01', '2026-03-01')
       order by month`,
    );
    expect(rows).toEqual([
      // Nov/2024 starts without MRR: no sums
      { month: '2024-11-01', months_12m: null, first_month_12m: null, new: null, expansion: null, gained: null, contraction: null, churned: null },
      // Dec/2024 is the first month with a starting MRR: itself only, nothing moved
      { month: '2024-12-01', months_12m: 1, first_month_12m: '2024-12-01', new: 0, expansion: 0, gained: 0, contraction: 0, churned: 0 },
      // Dec/2024 and Jan/2025: D1's 40 + 60 = 100 new
      { month: '2025-01-01', months_12m: 2, first_month_12m: '2024-12-01', new: 100, expansion: 0, gained: 100, contraction: 0, churned: 0 },
      // Mar/2025 to Feb/2026 (D1's new MRR of Jan/2025 has left the window): new B1 50, expansion A1 30, gained 50 + 30 = 80,
      // contraction D1 40 (CD1 ends 10/01/2026), churned B1 50 (CB1 ends 20/09/2025)
      { month: '2026-02-01', months_12m: 12, first_month_12m: '2025-03-01', new: 50, expansion: 30, gained: 80, contraction: 40, churned: 50 },
      // Mar/2026 is in progress: no sums
      { month: '2026-03-01', months_12m: null, first_month_12m: null, new: null, expansion: null, gained: null, contraction: null, churned: null },
    ]);
  });
});
