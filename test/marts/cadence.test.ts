import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

/** One order a month on `day`, from `from` to `to` (YYYY-MM), as order CSV lines. */
function monthly(customer: string, from: string, to: string, day: number): string[] {
  const lines: string[] = [];
  for (let month = new Date(`${from}-01T00:00:00Z`); month <= new Date(`${to}-01T00:00:00Z`); month.setUTCMonth(month.getUTCMonth() + 1)) {
    const date = `${month.toISOString().slice(0, 8)}${String(day).padStart(2, '0')}`;
    lines.push(`${customer}-${date},${customer},${date},100`);
  }
  return lines;
}

let marts: MartRun;

// History from December 2024 to the as-of date 2026-03-15 (16 months):
// A buys every month throughout; B monthly Dec 2024 – Jun 2025 then stops (rhythm 31 days: inactive after
// 180 silent days, at the end of December 2025); D on 2024-12-20 and 2025-01-20 (inactive at the end of July 2025,
// lost from the end of January 2026); F once on 2024-12-05 (inactive at the end of June 2025) and again on
// 2025-11-10 (reactivated, then active on a rhythm of 340 days); G once on 2025-02-12 (new until May, lost
// after 365 days, at the end of February 2026); C monthly from June 2025; E once on 2025-09-05 (at risk
// from December, inactive on 2026-03-15). Spend: 1,000 a month, 2,200 in January 2025.
beforeAll(async () => {
  const spend = ['month,channel,amount'];
  for (let month = new Date('2024-12-01T00:00:00Z'); month <= new Date('2026-03-01T00:00:00Z'); month.setUTCMonth(month.getUTCMonth() + 1)) {
    const key = month.toISOString().slice(0, 7);
    spend.push(`${key},Feiras,${key === '2025-01' ? 2200 : 1000}`);
  }
  marts = await runMarts(
    {
      'orders.csv': [
        'order_id,customer_id,order_date,amount',
        ...monthly('A', '2024-12', '2026-03', 10),
        ...monthly('B', '2024-12', '2025-06', 10),
        'D1,D,2024-12-20,100',
        'D2,D,2025-01-20,100',
        'F1,F,2024-12-05,100',
        'F2,F,2025-11-10,100',
        'G1,G,2025-02-12,100',
        ...monthly('C', '2025-06', '2026-02', 15),
        'E1,E,2025-09-05,100',
      ],
      'marketing_spend.csv': spend,
    },
    '2026-03-15',
  );
});
afterAll(() => marts.close());

describe('the 12-month churn and CAC of kpis_monthly', () => {
  it('are NULL until twelve months of history exist', async () => {
    const rows = await marts.rows(`select month::varchar as month, churn_rate_12m, cac_12m from kpis_monthly where month <= DATE '2025-10-01' order by month`);
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.churn_rate_12m === null && r.cac_12m === null)).toBe(true);
  });

  it('counts the customers active a year before who are out of the active portfolio now, keeping one who left and came back', async () => {
    const rows = await marts.rows(
      `select month::varchar as month, active_start_12m, churned_12m, round(churn_rate_12m, 6) as churn_rate_12m
       from kpis_monthly where month >= DATE '2025-11-01' order by month`,
    );
    expect(rows).toEqual([
      // the window starts in December 2024, the first month: nobody was active at its start
      { month: '2025-11-01', active_start_12m: 0, churned_12m: 0, churn_rate_12m: null },
      // active at the end of December 2024: A, B, D, F (all new); out at the end of December 2025: B (inactive), D.
      // F churned in June and came back in November: kept. 2 ÷ 4
      { month: '2025-12-01', active_start_12m: 4, churned_12m: 2, churn_rate_12m: 0.5 },
      // active at the end of January 2025: the same four (G had not bought yet); out: B, D (lost). 2 ÷ 4
      { month: '2026-01-01', active_start_12m: 4, churned_12m: 2, churn_rate_12m: 0.5 },
      // active at the end of February 2025: A, B, D, F and G (new); out at the end of February 2026: B, D, G (lost). 3 ÷ 5
      { month: '2026-02-01', active_start_12m: 5, churned_12m: 3, churn_rate_12m: 0.6 },
      // active at the end of March 2025: A, B, D (at risk), F (at risk), G (new); out on 2026-03-15: B, D, G. C and E
      // arrived within the window and are not in its base (E, inactive now, does not count). 3 ÷ 5
      { month: '2026-03-01', active_start_12m: 5, churned_12m: 3, churn_rate_12m: 0.6 },
    ]);
  });

  it('equals the year churn of kpis_periods in December, unlike the sum of the monthly churn', async () => {
    const [year] = await marts.rows(`select churned, churn_rate from kpis_periods where period_type = 'year' and period_start = DATE '2025-01-01'`);
    expect(year).toEqual({ churned: 2, churn_rate: 0.5 });
    // monthly: F in June, D in July, G in August (acquired in February, so outside the year's base), B in December
    const [monthlySum] = await marts.rows(`select cast(sum(churned) as integer) as churned from kpis_monthly where year(month) = 2025`);
    expect(monthlySum).toEqual({ churned: 4 });
  });

  it('divides the spend of the trailing 12 months by the customers acquired in them', async () => {
    const rows = await marts.rows(
      `select month::varchar as month, new_customers_12m, marketing_spend_12m, cac_12m, cac from kpis_monthly where month >= DATE '2025-11-01' order by month`,
    );
    expect(rows).toEqual([
      // Dec 2024 – Nov 2025: 1,000 + 2,200 + 10 × 1,000 = 13,200 over A, B, D, F, G, C, E = 7 → 1,885.71
      { month: '2025-11-01', new_customers_12m: 7, marketing_spend_12m: '13200.00', cac_12m: '1885.71', cac: null },
      // Jan – Dec 2025: 2,200 + 11 × 1,000 = 13,200 over G, C, E = 3 → 4,400
      { month: '2025-12-01', new_customers_12m: 3, marketing_spend_12m: '13200.00', cac_12m: '4400.00', cac: null },
      // Feb 2025 – Jan 2026: 12,000 over G, C, E → 4,000
      { month: '2026-01-01', new_customers_12m: 3, marketing_spend_12m: '12000.00', cac_12m: '4000.00', cac: null },
      // Mar 2025 – Feb 2026: 12,000 over C, E → 6,000
      { month: '2026-02-01', new_customers_12m: 2, marketing_spend_12m: '12000.00', cac_12m: '6000.00', cac: null },
      { month: '2026-03-01', new_customers_12m: 2, marketing_spend_12m: '12000.00', cac_12m: '6000.00', cac: null },
    ]);
  });
});
