import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

const ORDERS_HEADER = 'order_id,customer_id,order_date,seller_id,status,channel,amount';

/** Weekly purchases from 2026-01-06 to 2026-05-26 (21 orders, 7 days apart). */
function weeklyOrders(customer: string): string[] {
  const lines: string[] = [];
  for (let week = 0; week <= 20; week++) {
    const day = new Date(Date.UTC(2026, 0, 6 + 7 * week)).toISOString().slice(0, 10);
    lines.push(`${customer}-W${week},${customer},${day},V1,invoiced,,100`);
  }
  return lines;
}

describe('lifecycle statuses judged at the as-of date (the worked cases of docs/lifecycle.md)', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(
      {
        'customers.csv': [
          'customer_id,name,segment,state,seller_id',
          'A,Empresa A,Bar,SP,V1',
          'B,Empresa B,Bar,SP,V1',
          'C,Empresa C,Bar,SP,V1',
          'D,Empresa D,Bar,SP,V1',
          'E,Empresa E,Bar,SP,V1',
          'F,Empresa F,Bar,SP,V1',
          'G,Empresa G,Bar,SP,V1',
          'H,Empresa H,Bar,SP,V1',
        ],
        'orders.csv': [
          ORDERS_HEADER,
          // A: every 90 days, last 60 days before the as-of date
          'A1,A,2025-08-04,V1,invoiced,,100',
          'A2,A,2025-11-02,V1,invoiced,,100',
          'A3,A,2026-01-31,V1,invoiced,,100',
          'A4,A,2026-05-01,V1,invoiced,,100',
          // B: weekly for months, silent 35 days
          ...weeklyOrders('B'),
          // C: two purchases 30 days apart, silent 272 days
          'C1,C,2025-09-01,V1,invoiced,,100',
          'C2,C,2025-10-01,V1,invoiced,,100',
          // D: two purchases 31 days apart, silent 517 days
          'D1,D,2024-12-29,V1,invoiced,,100',
          'D2,D,2025-01-29,V1,invoiced,,100',
          // E: lost for over a year, buys again in the as-of month
          'E1,E,2025-01-10,V1,invoiced,,100',
          'E2,E,2025-02-10,V1,invoiced,,100',
          'E3,E,2026-06-15,V1,invoiced,,100',
          // F: first purchase 20 days ago
          'F1,F,2026-06-10,V1,invoiced,,100',
          // H: only a canceled order, so still a prospect
          'H1,H,2026-06-20,V1,canceled,,100',
        ],
      },
      '2026-06-30',
    );
  });
  afterAll(() => marts.close());

  it('gives each worked case its status, with the rhythm and silence it was judged on', async () => {
    const rows = await marts.rows('select customer_id, status, days_since_last_order, rhythm_days, median_interval_days from customers order by customer_id');
    expect(rows).toEqual([
      { customer_id: 'A', status: 'active', days_since_last_order: 60, rhythm_days: 90, median_interval_days: 90 },
      { customer_id: 'B', status: 'at_risk', days_since_last_order: 35, rhythm_days: 7, median_interval_days: 7 },
      { customer_id: 'C', status: 'inactive', days_since_last_order: 272, rhythm_days: 30, median_interval_days: 30 },
      { customer_id: 'D', status: 'lost', days_since_last_order: 517, rhythm_days: 31, median_interval_days: 31 },
      { customer_id: 'E', status: 'reactivated', days_since_last_order: 15, rhythm_days: 260.5, median_interval_days: 260.5 },
      { customer_id: 'F', status: 'new', days_since_last_order: 20, rhythm_days: 20, median_interval_days: null },
      { customer_id: 'G', status: 'prospect', days_since_last_order: null, rhythm_days: null, median_interval_days: null },
      { customer_id: 'H', status: 'prospect', days_since_last_order: null, rhythm_days: null, median_interval_days: null },
    ]);
  });

  it('states how late each customer is for its own rhythm: days since the last order ÷ rhythm', async () => {
    const rows = await marts.rows('select customer_id, round(rhythm_lateness, 4) as lateness from customers order by customer_id');
    expect(rows).toEqual([
      { customer_id: 'A', lateness: 0.6667 }, // 60 ÷ 90
      { customer_id: 'B', lateness: 5 }, // 35 ÷ 7
      { customer_id: 'C', lateness: 9.0667 }, // 272 ÷ 30
      { customer_id: 'D', lateness: 16.6774 }, // 517 ÷ 31
      { customer_id: 'E', lateness: 0.0576 }, // 15 ÷ 260,5
      { customer_id: 'F', lateness: 1 }, // 20 ÷ 20 (the single-purchase rhythm)
      { customer_id: 'G', lateness: null }, // prospects never bought
      { customer_id: 'H', lateness: null },
    ]);
  });

  it('judges every month end with only the history known then, through lapse, loss and reactivation', async () => {
    const rows = await marts.rows<{ month: string; status: string }>(
      "select strftime(month, '%Y-%m') as month, status from customer_status_monthly where customer_id = 'E' order by month",
    );
    expect(rows.map((r) => `${r.month} ${r.status}`)).toEqual([
      '2025-01 new',
      '2025-02 new',
      '2025-03 new',
      '2025-04 at_risk',
      '2025-05 at_risk',
      '2025-06 at_risk',
      '2025-07 at_risk',
      '2025-08 inactive',
      '2025-09 inactive',
      '2025-10 inactive',
      '2025-11 inactive',
      '2025-12 inactive',
      '2026-01 inactive',
      '2026-02 lost',
      '2026-03 lost',
      '2026-04 lost',
      '2026-05 lost',
      '2026-06 reactivated',
    ]);
  });

  it('starts the monthly history at the first invoiced order and never lists prospects', async () => {
    const rows = await marts.rows(
      'select customer_id, min(month)::varchar as first_month, count(*)::integer as months from customer_status_monthly group by all order by 1',
    );
    expect(rows).toEqual([
      { customer_id: 'A', first_month: '2025-08-01', months: 11 },
      { customer_id: 'B', first_month: '2026-01-01', months: 6 },
      { customer_id: 'C', first_month: '2025-09-01', months: 10 },
      { customer_id: 'D', first_month: '2024-12-01', months: 19 },
      { customer_id: 'E', first_month: '2025-01-01', months: 18 },
      { customer_id: 'F', first_month: '2026-06-01', months: 1 },
    ]);
  });

  it('counts the customers of each status month by month, as the Carteira page charts them', async () => {
    const rows = await marts.rows(
      "select strftime(month, '%Y-%m') as month, status, customers, is_partial_month from status_counts_monthly where month in ('2024-12-01', '2025-01-01', '2026-06-01') order by month, status",
    );
    expect(rows).toEqual([
      // D's first purchase (2024-12-29): new
      { month: '2024-12', status: 'new', customers: 1, is_partial_month: false },
      // D (33 days after its first purchase on 2025-01-31) and E (first purchase 2025-01-10) are both new: 2
      { month: '2025-01', status: 'new', customers: 2, is_partial_month: false },
      // the as-of month (judged on 2026-06-30, its last day): one customer in each status, prospects G and H left out
      { month: '2026-06', status: 'active', customers: 1, is_partial_month: false },
      { month: '2026-06', status: 'at_risk', customers: 1, is_partial_month: false },
      { month: '2026-06', status: 'inactive', customers: 1, is_partial_month: false },
      { month: '2026-06', status: 'lost', customers: 1, is_partial_month: false },
      { month: '2026-06', status: 'new', customers: 1, is_partial_month: false },
      { month: '2026-06', status: 'reactivated', customers: 1, is_partial_month: false },
    ]);
  });

  it('counts the customers of every status at the as-of date with their revenue in the segmentation window', async () => {
    const rows = await marts.rows('select status, is_active_portfolio, customers, window_revenue, revenue from portfolio_status order by sort_order');
    // the window is 2025-07-01 to 2026-06-30: A 4 orders × 100, B 21 × 100, C 2 × 100, D none (its orders are from
    // 2024-12 and 2025-01), E only E3 (E1 and E2 are from 2025), F 1 × 100; the prospects G and H bought nothing (H's
    // only order was canceled). Over all history: E 3 × 100, D 2 × 100, the others as in the window
    expect(rows).toEqual([
      { status: 'prospect', is_active_portfolio: false, customers: 2, window_revenue: '0.00', revenue: '0.00' },
      { status: 'new', is_active_portfolio: true, customers: 1, window_revenue: '100.00', revenue: '100.00' },
      { status: 'active', is_active_portfolio: true, customers: 1, window_revenue: '400.00', revenue: '400.00' },
      { status: 'reactivated', is_active_portfolio: true, customers: 1, window_revenue: '100.00', revenue: '300.00' },
      { status: 'at_risk', is_active_portfolio: true, customers: 1, window_revenue: '2100.00', revenue: '2100.00' },
      { status: 'inactive', is_active_portfolio: false, customers: 1, window_revenue: '200.00', revenue: '200.00' },
      { status: 'lost', is_active_portfolio: false, customers: 1, window_revenue: '0.00', revenue: '200.00' },
    ]);
  });

  it('keeps a month without orders, with zero revenue and no ticket', async () => {
    const rows = await marts.rows("select revenue, orders, avg_ticket, canceled_orders from kpis_monthly where month = '2025-03-01'");
    expect(rows).toEqual([{ revenue: '0.00', orders: 0, avg_ticket: null, canceled_orders: 0 }]);
  });
});

describe('portfolio flows over several months', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(
      {
        'orders.csv': [
          ORDERS_HEADER,
          // X: first purchase in January 2026
          'X1,X,2026-01-15,V1,invoiced,,100',
          // Y: two purchases 10 days apart in 2025, lost, back in March 2026
          'Y1,Y,2025-01-10,V1,invoiced,,100',
          'Y2,Y,2025-01-20,V1,invoiced,,100',
          'Y3,Y,2026-03-05,V1,invoiced,,100',
          // Z: two purchases in August 2025, at risk until it lapses in February 2026
          'Z1,Z,2025-08-01,V1,invoiced,,100',
          'Z2,Z,2025-08-15,V1,invoiced,,100',
        ],
      },
      '2026-04-30',
    );
  });
  afterAll(() => marts.close());

  it('counts who entered and left the active portfolio each month, and who it kept (start − churned)', async () => {
    const rows = await marts.rows(
      "select month::varchar as month, active_start, new, reactivated, churned, retained, active_end, churn_rate, retention_rate from portfolio_flows where month >= '2026-01-01' order by month",
    );
    expect(rows).toEqual([
      { month: '2026-01-01', active_start: 1, new: 1, reactivated: 0, churned: 0, retained: 1, active_end: 2, churn_rate: 0, retention_rate: 1 },
      // 2 − 1 = 1 kept
      { month: '2026-02-01', active_start: 2, new: 0, reactivated: 0, churned: 1, retained: 1, active_end: 1, churn_rate: 0.5, retention_rate: 0.5 },
      { month: '2026-03-01', active_start: 1, new: 0, reactivated: 1, churned: 0, retained: 1, active_end: 2, churn_rate: 0, retention_rate: 1 },
      { month: '2026-04-01', active_start: 2, new: 0, reactivated: 0, churned: 0, retained: 2, active_end: 2, churn_rate: 0, retention_rate: 1 },
    ]);
  });

  it("states each month's net change and sums the flows of the complete months among the latest 24", async () => {
    const rows = await marts.rows(
      "select month::varchar as month, net_change, new_24m, reactivated_24m, churned_24m from portfolio_flows where month >= '2026-01-01' order by month",
    );
    // January 2025 to April 2026 are 16 months, all complete, all within 24: new Y (January 2025), Z (August 2025) and
    // X (January 2026) = 3; reactivated Y (March 2026) = 1; churned Y (2025) and Z (February 2026) = 2
    expect(rows).toEqual([
      { month: '2026-01-01', net_change: 1, new_24m: 3, reactivated_24m: 0, churned_24m: 1 },
      { month: '2026-02-01', net_change: -1, new_24m: 3, reactivated_24m: 0, churned_24m: 2 },
      { month: '2026-03-01', net_change: 1, new_24m: 3, reactivated_24m: 1, churned_24m: 2 },
      { month: '2026-04-01', net_change: 0, new_24m: 3, reactivated_24m: 1, churned_24m: 2 },
    ]);
  });

  it('leaves the month in progress out of the 24-month sums: W, new on 10/04/2026, judged on 15/04/2026', async () => {
    const running = await runMarts(
      {
        'orders.csv': [
          ORDERS_HEADER,
          'X1,X,2026-01-15,V1,invoiced,,100',
          'Y1,Y,2025-01-10,V1,invoiced,,100',
          'Y2,Y,2025-01-20,V1,invoiced,,100',
          'Y3,Y,2026-03-05,V1,invoiced,,100',
          'Z1,Z,2025-08-01,V1,invoiced,,100',
          'Z2,Z,2025-08-15,V1,invoiced,,100',
          'W1,W,2026-04-10,V1,invoiced,,100',
        ],
      },
      '2026-04-15',
    );
    try {
      // April counts W as new, but its sums stay those of the complete months to March: 3 new, 1 reactivated, 2 churned
      expect(
        await running.rows("select is_partial_month, new, net_change, new_24m, reactivated_24m, churned_24m from portfolio_flows where month = '2026-04-01'"),
      ).toEqual([{ is_partial_month: true, new: 1, net_change: 1, new_24m: 3, reactivated_24m: 1, churned_24m: 2 }]);
    } finally {
      running.close();
    }
  });

  it('keeps active_end = active_start + new + reactivated − churned and chains each start to the previous end', async () => {
    const rows = await marts.rows<{ active_start: number; new: number; reactivated: number; churned: number; active_end: number }>(
      'select active_start, new, reactivated, churned, active_end from portfolio_flows order by month',
    );
    expect(rows).toHaveLength(16);
    rows.forEach((row, i) => {
      expect(row.active_end).toBe(row.active_start + row.new + row.reactivated - row.churned);
      expect(row.active_start).toBe(i === 0 ? 0 : rows[i - 1]!.active_end);
    });
  });

  it('recomputes a quarter from its own start and end rather than summing months', async () => {
    const rows = await marts.rows(
      "select period_type, period_start::varchar as period_start, is_partial_period, months_covered, months_in_period, active_start, new_customers, reactivated, churned, active_customers, churn_rate, revenue from kpis_periods where period_start >= '2026-01-01' order by period_type, period_start",
    );
    expect(rows).toEqual([
      {
        period_type: 'half_year',
        period_start: '2026-01-01',
        is_partial_period: true,
        months_covered: 4,
        months_in_period: 6,
        active_start: 1,
        new_customers: 1,
        reactivated: 1,
        churned: 1,
        active_customers: 2,
        churn_rate: 1,
        revenue: '200.00',
      },
      {
        period_type: 'quarter',
        period_start: '2026-01-01',
        is_partial_period: false,
        months_covered: 3,
        months_in_period: 3,
        active_start: 1,
        new_customers: 1,
        reactivated: 1,
        churned: 1,
        active_customers: 2,
        churn_rate: 1,
        revenue: '200.00',
      },
      {
        period_type: 'quarter',
        period_start: '2026-04-01',
        is_partial_period: true,
        months_covered: 1,
        months_in_period: 3,
        active_start: 2,
        new_customers: 0,
        reactivated: 0,
        churned: 0,
        active_customers: 2,
        churn_rate: 0,
        revenue: '0.00',
      },
      {
        period_type: 'year',
        period_start: '2026-01-01',
        is_partial_period: true,
        months_covered: 4,
        months_in_period: 12,
        active_start: 1,
        new_customers: 1,
        reactivated: 1,
        churned: 1,
        active_customers: 2,
        churn_rate: 1,
        revenue: '200.00',
      },
    ]);
  });

  it('counts a customer acquired during a year but lapsed by its end as new, not as a flow into the portfolio', async () => {
    const rows = await marts.rows(
      "select active_start, new_customers, active_customers from kpis_periods where period_type = 'year' and period_start = '2025-01-01'",
    );
    // Y and Z first bought in 2025; on 31 Dec 2025 Z is at_risk (active portfolio) and Y inactive
    expect(rows).toEqual([{ active_start: 0, new_customers: 2, active_customers: 1 }]);
  });

  it('follows each acquisition cohort month by month, zero months included', async () => {
    const rows = await marts.rows(
      "select months_since, month::varchar as month, cohort_customers, customers_buying, retention_pct, active_customers, revenue, cumulative_revenue from cohorts where cohort_month = '2025-01-01' and months_since in (0, 1, 14, 15) order by months_since",
    );
    expect(rows).toEqual([
      {
        months_since: 0,
        month: '2025-01-01',
        cohort_customers: 1,
        customers_buying: 1,
        retention_pct: 100,
        active_customers: 1,
        revenue: '200.00',
        cumulative_revenue: '200.00',
      },
      {
        months_since: 1,
        month: '2025-02-01',
        cohort_customers: 1,
        customers_buying: 0,
        retention_pct: 0,
        active_customers: 1,
        revenue: '0.00',
        cumulative_revenue: '200.00',
      },
      {
        months_since: 14,
        month: '2026-03-01',
        cohort_customers: 1,
        customers_buying: 1,
        retention_pct: 100,
        active_customers: 1,
        revenue: '100.00',
        cumulative_revenue: '300.00',
      },
      {
        months_since: 15,
        month: '2026-04-01',
        cohort_customers: 1,
        customers_buying: 0,
        retention_pct: 0,
        active_customers: 1,
        revenue: '0.00',
        cumulative_revenue: '300.00',
      },
    ]);
    // Y: 2025-01 to 2026-04 (16 months), Z: 2025-08 onwards (9), X: 2026-01 onwards (4)
    expect(await marts.rows('select count(*)::integer as n from cohorts')).toEqual([{ n: 29 }]);
  });
});
