import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

const order = (id: string, customer: string, date: string, amount: number) => `${id},${customer},${date},V1,invoiced,,${amount}`;

// as-of 2026-06-30: the segmentation window runs from 2025-07-01 to 2026-06-30
const ORDERS = [
  'order_id,customer_id,order_date,seller_id,status,channel,amount',
  ...['2025-09-30', '2025-10-30', '2025-11-30', '2025-12-30', '2026-01-30', '2026-02-28', '2026-03-30', '2026-04-30', '2026-05-30', '2026-06-30'].map(
    (date, i) => order(`C1-${i}`, 'C1', date, 500),
  ),
  ...['2026-02-28', '2026-03-30', '2026-04-30', '2026-05-30', '2026-06-30'].map((date, i) => order(`C2-${i}`, 'C2', date, 400)),
  order('C3-1', 'C3', '2026-03-31', 300),
  order('C3-2', 'C3', '2026-04-30', 300),
  order('C3-3', 'C3', '2026-05-31', 400),
  order('C4-1', 'C4', '2025-12-01', 500),
  order('C4-2', 'C4', '2026-01-01', 500),
  order('C5-1', 'C5', '2025-08-01', 500),
  // before the window: counts for LTV, not for RFM, ABC or Pareto
  order('C6-1', 'C6', '2025-05-01', 999),
  order('C7-1', 'C7', '2025-12-01', 100),
];

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts({ 'orders.csv': ORDERS }, '2026-06-30');
});
afterAll(() => marts.close());

describe('RFM, ABC and Pareto over the segmentation window', () => {
  it('scores ties alike, maps R × F to the named segments and cuts ABC at the customer crossing 80% and 95%', async () => {
    const rows = await marts.rows(
      'select customer_id, window_orders, window_revenue, days_since_last_order, r_score, f_score, m_score, rfm_segment, abc_class, revenue_rank, round(cum_revenue_share, 6) as cum_revenue_share from customers order by customer_id',
    );
    expect(rows).toEqual([
      {
        customer_id: 'C1',
        window_orders: 10,
        window_revenue: '5000.00',
        days_since_last_order: 0,
        r_score: 5,
        f_score: 5,
        m_score: 5,
        rfm_segment: 'champions',
        abc_class: 'A',
        revenue_rank: 1,
        cum_revenue_share: 0.520833,
      },
      {
        customer_id: 'C2',
        window_orders: 5,
        window_revenue: '2000.00',
        days_since_last_order: 0,
        r_score: 5,
        f_score: 4,
        m_score: 5,
        rfm_segment: 'champions',
        abc_class: 'A',
        revenue_rank: 2,
        cum_revenue_share: 0.729167,
      },
      // C3 and C4 tie on revenue: same M score; C3 comes first by code and is the one crossing 80%
      {
        customer_id: 'C3',
        window_orders: 3,
        window_revenue: '1000.00',
        days_since_last_order: 30,
        r_score: 4,
        f_score: 3,
        m_score: 4,
        rfm_segment: 'potential_loyalists',
        abc_class: 'A',
        revenue_rank: 3,
        cum_revenue_share: 0.833333,
      },
      {
        customer_id: 'C4',
        window_orders: 2,
        window_revenue: '1000.00',
        days_since_last_order: 180,
        r_score: 3,
        f_score: 2,
        m_score: 4,
        rfm_segment: 'about_to_sleep',
        abc_class: 'B',
        revenue_rank: 4,
        cum_revenue_share: 0.9375,
      },
      // C5 crosses 95%, so it is still B
      {
        customer_id: 'C5',
        window_orders: 1,
        window_revenue: '500.00',
        days_since_last_order: 333,
        r_score: 1,
        f_score: 1,
        m_score: 2,
        rfm_segment: 'hibernating',
        abc_class: 'B',
        revenue_rank: 5,
        cum_revenue_share: 0.989583,
      },
      {
        customer_id: 'C6',
        window_orders: null,
        window_revenue: null,
        days_since_last_order: 425,
        r_score: null,
        f_score: null,
        m_score: null,
        rfm_segment: null,
        abc_class: null,
        revenue_rank: null,
        cum_revenue_share: null,
      },
      {
        customer_id: 'C7',
        window_orders: 1,
        window_revenue: '100.00',
        days_since_last_order: 211,
        r_score: 2,
        f_score: 1,
        m_score: 1,
        rfm_segment: 'hibernating',
        abc_class: 'C',
        revenue_rank: 6,
        cum_revenue_share: 1,
      },
    ]);
  });

  it("publishes each customer's own share of window revenue beside the cumulative one", async () => {
    const rows = await marts.rows('select customer_id, round(window_revenue_share, 6) as share from customers order by customer_id');
    // of 9,600: C1 5,000 → 0.520833, C2 2,000 → 0.208333, C3 and C4 1,000 → 0.104167, C5 500 → 0.052083, C7 100 → 0.010417; C6 bought before the window
    expect(rows.map((r) => [r.customer_id, r.share])).toEqual([
      ['C1', 0.520833],
      ['C2', 0.208333],
      ['C3', 0.104167],
      ['C4', 0.104167],
      ['C5', 0.052083],
      ['C6', null],
      ['C7', 0.010417],
    ]);
  });

  it('gives two customers who last bought on the same day the same recency score', async () => {
    const rows = await marts.rows("select distinct r_score from customers where customer_id in ('C1', 'C2')");
    expect(rows).toEqual([{ r_score: 5 }]);
  });

  it('lists all ten RFM segments with their rule and totals, empty ones included', async () => {
    const rows = await marts.rows(
      'select rfm_segment, r_scores, f_scores, customers, orders, revenue, round(revenue_share, 6) as revenue_share, avg_ticket, revenue_per_customer, avg_days_since_last_order from rfm_segments order by sort_order',
    );
    const empty = { customers: 0, orders: 0, revenue: '0.00', revenue_share: 0, avg_ticket: null, revenue_per_customer: null, avg_days_since_last_order: null };
    expect(rows).toEqual([
      {
        rfm_segment: 'champions',
        r_scores: '5',
        f_scores: '4-5',
        customers: 2,
        orders: 15,
        revenue: '7000.00',
        revenue_share: 0.729167,
        avg_ticket: '466.67',
        revenue_per_customer: '3500.00',
        avg_days_since_last_order: 0,
      },
      { rfm_segment: 'loyal_customers', r_scores: '3-4', f_scores: '4-5', ...empty },
      {
        rfm_segment: 'potential_loyalists',
        r_scores: '4-5',
        f_scores: '2-3',
        customers: 1,
        orders: 3,
        revenue: '1000.00',
        revenue_share: 0.104167,
        avg_ticket: '333.33',
        revenue_per_customer: '1000.00',
        avg_days_since_last_order: 30,
      },
      { rfm_segment: 'new_customers', r_scores: '5', f_scores: '1', ...empty },
      { rfm_segment: 'promising', r_scores: '4', f_scores: '1', ...empty },
      { rfm_segment: 'need_attention', r_scores: '3', f_scores: '3', ...empty },
      {
        rfm_segment: 'about_to_sleep',
        r_scores: '3',
        f_scores: '1-2',
        customers: 1,
        orders: 2,
        revenue: '1000.00',
        revenue_share: 0.104167,
        avg_ticket: '500.00',
        revenue_per_customer: '1000.00',
        avg_days_since_last_order: 180,
      },
      { rfm_segment: 'at_risk', r_scores: '1-2', f_scores: '3-4', ...empty },
      { rfm_segment: 'cant_lose_them', r_scores: '1-2', f_scores: '5', ...empty },
      {
        rfm_segment: 'hibernating',
        r_scores: '1-2',
        f_scores: '1-2',
        customers: 2,
        orders: 2,
        revenue: '600.00',
        revenue_share: 0.0625,
        avg_ticket: '300.00',
        revenue_per_customer: '300.00',
        avg_days_since_last_order: 272,
      },
    ]);
  });

  it('reads the Pareto curve at whole customers, rounding the share of customers up', async () => {
    const rows = await marts.rows(
      'select pct_customers, customers, buyers, cum_revenue, round(cum_revenue_share, 6) as cum_revenue_share from pareto where pct_customers in (1, 17, 20, 50, 100) order by 1',
    );
    expect(rows).toEqual([
      { pct_customers: 1, customers: 1, buyers: 6, cum_revenue: '5000.00', cum_revenue_share: 0.520833 },
      { pct_customers: 17, customers: 2, buyers: 6, cum_revenue: '7000.00', cum_revenue_share: 0.729167 },
      { pct_customers: 20, customers: 2, buyers: 6, cum_revenue: '7000.00', cum_revenue_share: 0.729167 },
      { pct_customers: 50, customers: 3, buyers: 6, cum_revenue: '8000.00', cum_revenue_share: 0.833333 },
      { pct_customers: 100, customers: 6, buyers: 6, cum_revenue: '9600.00', cum_revenue_share: 1 },
    ]);
  });

  it('counts the customers behind 80% of revenue exactly, up to the one crossing it, as class A does at its default cut', async () => {
    const rows = await marts.rows('select distinct customers_to_reach_80 from pareto');
    // 80% of 9,600 is 7,680: revenue before C1 is 0, before C2 5,000, before C3 7,000 (all under 7,680), before C4 8,000;
    // so C1, C2 and C3 (3 customers), the class A customers above, while the percentiles round up to 50% (3) or 17% (2)
    expect(rows).toEqual([{ customers_to_reach_80: 3 }]);
  });

  it('counts the window buyers in each of the 25 R × F cells, an empty cell named by the segment the grid gives it', async () => {
    const rows = await marts.rows('select r_score, f_score, rfm_segment, customers from rfm_cells order by r_score, f_score');
    expect(rows).toHaveLength(25);
    // the six window buyers scored above: C5 (R1 F1), C7 (R2 F1), C4 (R3 F2), C3 (R4 F3), C2 (R5 F4), C1 (R5 F5); C6 bought before the window
    expect(rows.filter((r) => r.customers !== 0)).toEqual([
      { r_score: 1, f_score: 1, rfm_segment: 'hibernating', customers: 1 },
      { r_score: 2, f_score: 1, rfm_segment: 'hibernating', customers: 1 },
      { r_score: 3, f_score: 2, rfm_segment: 'about_to_sleep', customers: 1 },
      { r_score: 4, f_score: 3, rfm_segment: 'potential_loyalists', customers: 1 },
      { r_score: 5, f_score: 4, rfm_segment: 'champions', customers: 1 },
      { r_score: 5, f_score: 5, rfm_segment: 'champions', customers: 1 },
    ]);
    // nobody bought once recently (R5 F1) or often long ago (R1 F5): the cells still say which segment they would be
    expect(rows.filter((r) => (r.r_score === 5 && r.f_score === 1) || (r.r_score === 1 && r.f_score === 5))).toEqual([
      { r_score: 1, f_score: 5, rfm_segment: 'cant_lose_them', customers: 0 },
      { r_score: 5, f_score: 1, rfm_segment: 'new_customers', customers: 0 },
    ]);
  });

  it('sums each ABC class once: customers, window revenue, their shares and the revenue per customer', async () => {
    const rows = await marts.rows(
      'select abc_class, customers, round(customer_share, 6) as customer_share, revenue, round(revenue_share, 6) as revenue_share, revenue_per_customer from abc_summary order by abc_class',
    );
    // 6 window buyers, 9,600 of window revenue: A = C1 + C2 + C3 = 5,000 + 2,000 + 1,000 = 8,000 (3 of 6; 8,000 ÷ 9,600 = 0.833333; 8,000 ÷ 3 = 2,666.67);
    // B = C4 + C5 = 1,000 + 500 = 1,500 (2 of 6; 1,500 ÷ 9,600 = 0.15625; 750 each); C = C7 = 100 (1 of 6; 100 ÷ 9,600 = 0.010417)
    expect(rows).toEqual([
      { abc_class: 'A', customers: 3, customer_share: 0.5, revenue: '8000.00', revenue_share: 0.833333, revenue_per_customer: '2666.67' },
      { abc_class: 'B', customers: 2, customer_share: 0.333333, revenue: '1500.00', revenue_share: 0.15625, revenue_per_customer: '750.00' },
      { abc_class: 'C', customers: 1, customer_share: 0.166667, revenue: '100.00', revenue_share: 0.010417, revenue_per_customer: '100.00' },
    ]);
  });

  it('computes LTV over all history and concentration over the month', async () => {
    const rows = await marts.rows("select ltv, round(top20_revenue_share, 6) as top20_revenue_share from kpis_monthly where month = '2026-06-01'");
    // 10,599 of revenue over 7 customers who ever bought; in June C1 (500) is the top 20% of 2 buyers (900)
    expect(rows).toEqual([{ ltv: '1514.14', top20_revenue_share: 0.555556 }]);
  });
});

describe('a class A cut configured below 80%', () => {
  let run: MartRun;
  beforeAll(async () => {
    run = await runMarts({ 'orders.csv': ORDERS }, '2026-06-30', { abc: { a_share: 0.7 } });
  });
  afterAll(() => run.close());

  it('keeps Pareto at 80% while class A follows the configured cut', async () => {
    const [pareto] = await run.rows('select distinct customers_to_reach_80 from pareto');
    const [classA] = await run.rows("select count(*)::integer as customers from customers where abc_class = 'A'");
    // 70% of 9,600 is 6,720: revenue before C2 is 5,000 (under it), before C3 7,000 (over it): class A is C1 and C2;
    // Pareto still counts up to C3, the customer crossing 80%
    expect({ pareto: pareto?.customers_to_reach_80, classA: classA?.customers }).toEqual({ pareto: 3, classA: 2 });
  });
});

describe('optional input files that are missing (only orders.csv given)', () => {
  it('leaves the KPIs that depend on them NULL, never zero', async () => {
    const rows = await marts.rows(
      "select gross_margin, marketing_spend, cac, ltv_cac, leads_won, leads_closed, conversion_rate from kpis_monthly where month = '2026-06-01'",
    );
    expect(rows).toEqual([{ gross_margin: null, marketing_spend: null, cac: null, ltv_cac: null, leads_won: null, leads_closed: null, conversion_rate: null }]);
    const sellers = await marts.rows("select revenue_target, target_pct, mix, leads_won, conversion_rate from sellers_monthly where month = '2026-06-01'");
    expect(sellers).toEqual([{ revenue_target: null, target_pct: null, mix: null, leads_won: null, conversion_rate: null }]);
    const cube = await marts.rows("select category, order_lines, quantity, gross_margin, orders, revenue from sales_cube where month = '2026-06-01'");
    expect(cube).toEqual([{ category: null, order_lines: null, quantity: null, gross_margin: null, orders: 2, revenue: '900.00' }]);
  });

  it('publishes customers known only from orders (without a customers file) by their code, with no renewal flag and no contract rows', async () => {
    const rows = await marts.rows("select name, is_derived_from_orders, renewal_due, gross_margin from customers where customer_id = 'C1'");
    expect(rows).toEqual([{ name: 'Cliente C1', is_derived_from_orders: true, renewal_due: null, gross_margin: null }]);
    const [counts] = await marts.rows(
      'select (select count(*) from renewals)::integer as renewals, (select count(*) from contracts_monthly)::integer as contracts',
    );
    expect(counts).toEqual({ renewals: 0, contracts: 0 });
  });
});
