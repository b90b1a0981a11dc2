import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of Friday 2026-11-20 November is still running; October 2026 is the last complete month.
//
// Ticket médio (revenue ÷ invoiced orders, rounded to the cent):
//   Oct 2025: O2 100 + O3 200 = 300 in 2 orders → 150.00
//   Aug 2026: no order → no ticket
//   Sep 2026: O4 100 + O5 100 + O6 101 = 301 in 3 orders → 100.33
//   Oct 2026: O7 150 + O8 210 = 360 in 2 orders → 180.00
//   Nov 2026 (running): O9 1,300,000 in 1 order
// Oct 2026 against Sep 2026: (180 − 100.33) ÷ 100.33 = 79.67 ÷ 100.33 = 0.794080 (of the rounded tickets;
//   the unrounded 100.3333 would give 0.794020); against Oct 2025: (180 − 150) ÷ 150 = 0.2.
//
// Business days (Monday to Friday less national holidays and Good Friday):
//   Nov 2023: 22 weekdays less Finados (Thu 2) and Proclamação (Wed 15) = 20; 20/11 (a Monday) became a national
//     holiday only in 2024.
//   Mar 2024: 21 weekdays less Good Friday (Fri 29; Easter is 31 March) = 20.
//   Apr 2025: 22 weekdays less Good Friday (Fri 18; Easter is 20 April) and Tiradentes (Mon 21) = 20.
//   Feb 2026: 20 weekdays, no holiday: Carnival (Mon 16, Tue 17) counts as business days → 20.
//   Apr 2026: 22 weekdays less Good Friday (Fri 3; Easter is 5 April) and Tiradentes (Tue 21) = 20.
//   Oct 2026: 22 weekdays less Nossa Senhora Aparecida (Mon 12) = 21.
//   Nov 2026: 21 weekdays less Finados (Mon 2) and Consciência Negra (Fri 20) = 19; to the 20th: the weeks 2-6,
//     9-13 and 16-20 are 15 weekdays, less the same two holidays = 13; 20 of 30 calendar days.
// Pace: Oct 2026 360 ÷ 21 = 17.142857 → 17.14 per business day; Nov 2026 1,300,000 ÷ 13 = 100,000.
// Projection of November: 1,300,000 ÷ 13 × 19 = 1,900,000; by calendar days 1,300,000 ÷ 20 × 30 = 1,950,000;
//   against V1's target of 2,000,000: 1,900,000 ÷ 2,000,000 = 0.95 (95%).
const FILES = {
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,C1,2023-11-10,V1,invoiced,,100',
    'O2,C1,2025-10-10,V1,invoiced,,100',
    'O3,C2,2025-10-20,V1,invoiced,,200',
    'O4,C1,2026-09-02,V1,invoiced,,100',
    'O5,C2,2026-09-10,V1,invoiced,,100',
    'O6,C3,2026-09-20,V1,invoiced,,101',
    'O7,C1,2026-10-05,V1,invoiced,,150',
    'O8,C2,2026-10-15,V1,invoiced,,210',
    'O9,C1,2026-11-05,V1,invoiced,,1300000',
  ],
  'targets.csv': ['seller_id,month,revenue_target', 'V1,2026-10,400', 'V1,2026-11,2000000'],
};

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts(FILES, '2026-11-20');
});
afterAll(() => marts.close());

describe('the ticket médio against earlier months (kpis_monthly)', () => {
  it('compares the rounded tickets of a complete month with the month before and the same month a year before', async () => {
    const rows = await marts.rows<{ prev: number; year: number }>(
      "select avg_ticket_change_prev_month as prev, avg_ticket_change_year_ago as year from kpis_monthly where month = '2026-10-01'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.prev).toBeCloseTo(0.79408, 5);
    expect(rows[0]?.year).toBeCloseTo(0.2, 12);
  });

  it('has no change without a ticket in the month compared with, nor in the running month', async () => {
    const rows = await marts.rows(
      "select month::varchar as month, avg_ticket_change_prev_month as prev, avg_ticket_change_year_ago as year from kpis_monthly where month in ('2026-09-01', '2026-11-01') order by month",
    );
    // September follows an August without orders and a September 2025 without orders.
    expect(rows).toEqual([
      { month: '2026-09-01', prev: null, year: null },
      { month: '2026-11-01', prev: null, year: null },
    ]);
  });
});

describe('business days and the pace of a month (kpis_monthly)', () => {
  it('counts business days in Brazil: no weekends, national holidays or Good Friday, but Carnival counts', async () => {
    const rows = await marts.rows(
      "select month::varchar as month, business_days as days, business_days_elapsed as elapsed from kpis_monthly where month in ('2023-11-01', '2024-03-01', '2025-04-01', '2026-02-01', '2026-04-01', '2026-10-01') order by month",
    );
    expect(rows).toEqual([
      { month: '2023-11-01', days: 20, elapsed: 20 },
      { month: '2024-03-01', days: 20, elapsed: 20 },
      { month: '2025-04-01', days: 20, elapsed: 20 },
      { month: '2026-02-01', days: 20, elapsed: 20 },
      { month: '2026-04-01', days: 20, elapsed: 20 },
      { month: '2026-10-01', days: 21, elapsed: 21 },
    ]);
  });

  it('counts the days of the running month passed at the as-of date, the as-of day included', async () => {
    expect(
      await marts.rows(
        "select calendar_days, calendar_days_elapsed, business_days, business_days_elapsed, round(business_days_elapsed_pct, 4) as pct from kpis_monthly where month = '2026-11-01'",
      ),
    ).toEqual([{ calendar_days: 30, calendar_days_elapsed: 20, business_days: 19, business_days_elapsed: 13, pct: 68.4211 }]);
  });

  it('gives the pace per business day of every month, and projects only the running month', async () => {
    const rows = await marts.rows(
      `select month::varchar as month, revenue_per_business_day as pace, projected_revenue as projected,
         projected_revenue_calendar_days as by_calendar, projected_target_share as share
       from kpis_monthly where month >= '2026-10-01' order by month`,
    );
    expect(rows).toEqual([
      { month: '2026-10-01', pace: '17.14', projected: null, by_calendar: null, share: null },
      { month: '2026-11-01', pace: '100000.00', projected: '1900000.00', by_calendar: '1950000.00', share: 0.95 },
    ]);
  });
});

describe("a seller's projected attainment (target_attainment)", () => {
  it("projects the running month's revenue by business days against the seller's target", async () => {
    const rows = await marts.rows(
      'select month::varchar as month, round(projected_revenue_attainment_pct, 6) as projected from target_attainment order by month',
    );
    // October is complete: its attainment is 360 ÷ 400 = 90%, nothing to project.
    expect(rows).toEqual([
      { month: '2026-10-01', projected: null },
      { month: '2026-11-01', projected: 95 },
    ]);
  });
});

describe('a running month before its first business day', () => {
  let sunday: MartRun;
  beforeAll(async () => {
    // 1 November 2026 is a Sunday: no business day has passed, so the projection falls back to calendar days:
    // 3,000 ÷ 1 × 30 = 90,000.
    sunday = await runMarts(
      { 'orders.csv': ['order_id,customer_id,order_date,seller_id,status,channel,amount', 'O1,C1,2026-11-01,V1,invoiced,,3000'] },
      '2026-11-01',
    );
  });
  afterAll(() => sunday.close());

  it('has no pace per business day and projects by calendar days', async () => {
    expect(
      await sunday.rows('select business_days_elapsed as elapsed, revenue_per_business_day as pace, projected_revenue as projected from kpis_monthly'),
    ).toEqual([{ elapsed: 0, pace: null, projected: '90000.00' }]);
  });
});
