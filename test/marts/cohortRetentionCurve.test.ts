import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

const HEADER = 'order_id,customer_id,order_date,seller_id,status,channel,amount';

describe('cohort_retention_curve', () => {
  let marts: MartRun;

  beforeAll(async () => {
    // As of 15 Apr 2026 (April still running, so left out). Cohorts: Dec 2025 {C6}, Jan 2026 {C1, C2, C5},
    // Feb {C3}, Mar {C4} (no complete month after acquisition yet, so not averaged).
    marts = await runMarts(
      {
        'orders.csv': [
          HEADER,
          'O1,C6,2025-12-15,V1,invoiced,,100',
          'O2,C6,2026-01-20,V1,invoiced,,100',
          'O3,C1,2026-01-05,V1,invoiced,,100',
          'O4,C1,2026-02-05,V1,invoiced,,100',
          'O5,C2,2026-01-20,V1,invoiced,,100',
          'O6,C2,2026-03-20,V1,invoiced,,100',
          'O7,C5,2026-01-10,V1,invoiced,,100',
          'O8,C3,2026-02-10,V1,invoiced,,100',
          'O9,C3,2026-03-10,V1,invoiced,,100',
          'O10,C4,2026-03-03,V1,invoiced,,100',
          'O11,C4,2026-04-03,V1,invoiced,,100',
        ],
      },
      '2026-04-15',
    );
  });
  afterAll(() => marts.close());

  it('averages each month since acquisition over the cohorts that completed it, weighted by their size', async () => {
    const rows = await marts.rows(
      `select months_since, cohorts, cohort_customers, customers_buying, round(retention_pct, 2) as retention_pct, has_enough_cohorts,
         first_cohort_month::varchar as first_cohort, last_cohort_month::varchar as last_cohort
       from cohort_retention_curve order by months_since`,
    );
    // Month 1: Dec (C6 bought in Jan), Jan (C1 of 3 bought in Feb), Feb (C3 bought in Mar): 3 of 5 customers.
    // Month 2: Dec (none in Feb), Jan (C2 in Mar): 1 of 4. Month 3: Dec (none in Mar): 0 of 1.
    expect(rows).toEqual([
      {
        months_since: 1,
        cohorts: 3,
        cohort_customers: 5,
        customers_buying: 3,
        retention_pct: 60,
        has_enough_cohorts: true,
        first_cohort: '2025-12-01',
        last_cohort: '2026-02-01',
      },
      {
        months_since: 2,
        cohorts: 2,
        cohort_customers: 4,
        customers_buying: 1,
        retention_pct: 25,
        has_enough_cohorts: false,
        first_cohort: '2025-12-01',
        last_cohort: '2026-02-01',
      },
      {
        months_since: 3,
        cohorts: 1,
        cohort_customers: 1,
        customers_buying: 0,
        retention_pct: 0,
        has_enough_cohorts: false,
        first_cohort: '2025-12-01',
        last_cohort: '2026-02-01',
      },
    ]);
  });
});

describe('cohort_retention_curve over more than 24 cohorts', () => {
  let marts: MartRun;

  beforeAll(async () => {
    // 26 customers, one acquired each month from Aug 2024 to Sep 2026, each buying again the month after; as of
    // 15 Dec 2026. The latest 24 cohorts with a complete month after acquisition run from Oct 2024 to Sep 2026.
    const lines = [HEADER];
    for (let i = 0; i < 26; i++) {
      const first = new Date(Date.UTC(2024, 7 + i, 10));
      const next = new Date(Date.UTC(2024, 8 + i, 10));
      lines.push(`A${i},K${i},${first.toISOString().slice(0, 10)},V1,invoiced,,100`, `B${i},K${i},${next.toISOString().slice(0, 10)},V1,invoiced,,100`);
    }
    marts = await runMarts({ 'orders.csv': lines }, '2026-12-15');
  });
  afterAll(() => marts.close());

  it('takes the latest 24 cohorts and at most 24 months after acquisition', async () => {
    const rows = await marts.rows<{
      months_since: number;
      cohorts: number;
      retention_pct: number;
      has_enough_cohorts: boolean;
      first_cohort: string;
      last_cohort: string;
    }>(
      `select months_since, cohorts, retention_pct, has_enough_cohorts, first_cohort_month::varchar as first_cohort, last_cohort_month::varchar as last_cohort
       from cohort_retention_curve order by months_since`,
    );
    expect(rows.map((r) => r.months_since)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(rows[0]).toEqual({
      months_since: 1,
      cohorts: 24,
      retention_pct: 100,
      has_enough_cohorts: true,
      first_cohort: '2024-10-01',
      last_cohort: '2026-09-01',
    });
    // Month 2 (Nov 2026 for the Sep 2026 cohort) is complete for all 24; nobody buys in it.
    expect(rows[1]).toMatchObject({ months_since: 2, cohorts: 24, retention_pct: 0 });
    // Month 24 is complete (by Nov 2026) only for the Oct and Nov 2024 cohorts.
    expect(rows[23]).toMatchObject({ months_since: 24, cohorts: 2, retention_pct: 0, has_enough_cohorts: false });
  });
});
