import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 31/03/2026 (the last day of March: March is complete, the suggestion is for April, 30 days).
//   customer owner  invoiced orders                          status on 31/03  rhythm (median gap)
//   K1       V1     10/01 1.000, 09/02 1.000, 11/03 1.000    new (first 80 days ago)  30 days
//   K2       V1     01/03 600                                new                 20 days (one purchase day)
//   K3       V2     01/06/2025 500, 11/06/2025 500           inactive (silent 293 days > max(3 × 10, 180))
//   K4       V2     15/02 400, 15/03 200                     new                 28 days
//   K5       V3     20/03 100                                new; V3 has left the company
// Five customers: too few to fit BG/NBD and Gamma-Gamma, so every suggestion uses the rhythm rule, and no
// category has the 5 peer buyers an opportunity needs, so the opportunity value is 0.
const FILES = {
  'sellers.csv': ['seller_id,name,team,active', 'V1,Ana,Capital,true', 'V2,Bruno,Interior,true', 'V3,Carla,Interior,false'],
  'customers.csv': [
    'customer_id,name,state,seller_id',
    'K1,Mercado Um Ltda,SP,V1',
    'K2,Padaria Dois Ltda,SP,V1',
    'K3,Bar Três Ltda,RJ,V2',
    'K4,Hotel Quatro Ltda,RJ,V2',
    'K5,Café Cinco Ltda,MG,V3',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,K1,2026-01-10,V1,invoiced,,1000',
    'O2,K1,2026-02-09,V1,invoiced,,1000',
    'O3,K1,2026-03-11,V1,invoiced,,1000',
    'O4,K2,2026-03-01,V1,invoiced,,600',
    'O5,K3,2025-06-01,V2,invoiced,,500',
    'O6,K3,2025-06-11,V2,invoiced,,500',
    'O7,K4,2026-02-15,V2,invoiced,,400',
    'O8,K4,2026-03-15,V2,invoiced,,200',
    'O9,K5,2026-03-20,V3,invoiced,,100',
  ],
  'targets.csv': [
    'seller_id,month,revenue_target,coverage_target_pct,new_customers_target',
    'V1,2026-02,2500,50,1',
    'V1,2026-03,2000,100,1',
    'V2,2026-03,1000,,2',
    'V3,2026-03,400,,',
    // a target already set for the month being suggested; not a month of sellers_monthly, so no attainment row
    'V1,2026-04,2200,,',
  ],
};

describe('target_attainment', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-03-31');
  });
  afterAll(() => marts.close());

  it('ranks March by attainment, not by revenue: V3 sold less than V2 but reached more of its target', async () => {
    // V1: 1.000 (K1) + 600 (K2) = 1.600 of 2.000 → 80%; V2: 200 (K4) of 1.000 → 20%; V3: 100 (K5) of 400 → 25%
    expect(
      await marts.rows(`select seller_id, revenue, revenue_target, revenue_attainment_pct, revenue_attainment_rank, ranked_sellers
        from target_attainment where month = '2026-03-01' order by revenue_attainment_rank`),
    ).toEqual([
      { seller_id: 'V1', revenue: '1600.00', revenue_target: '2000.00', revenue_attainment_pct: 80, revenue_attainment_rank: 1, ranked_sellers: 3 },
      { seller_id: 'V3', revenue: '100.00', revenue_target: '400.00', revenue_attainment_pct: 25, revenue_attainment_rank: 2, ranked_sellers: 3 },
      { seller_id: 'V2', revenue: '200.00', revenue_target: '1000.00', revenue_attainment_pct: 20, revenue_attainment_rank: 3, ranked_sellers: 3 },
    ]);
  });

  it('sets every target kind of the export against its actual and counts the targets met', async () => {
    // V1 February: portfolio at the start = K1 (new), K1 bought → coverage 100% of a 50% target = 200%;
    //   no new customer (K1 first bought in January) of 1 → 0%; revenue 1.000 of 2.500 = 40% → 1 target met of 3
    // V1 March: portfolio K1 (K2 was a prospect on 28/02), K1 bought → 100% of 100% = 100%; K2 new → 1 of 1 = 100%;
    //   revenue 80% → 2 met of 3
    // V2 March: portfolio K3 (inactive) and K4 (new), only K4 bought → 50%, no coverage target; 0 new of 2 → 0 met of 2 set
    // V3 March: only a revenue target (25%) → 0 met of 1 set; K5 is new, but V3 had no new-customer target
    expect(
      await marts.rows(`select seller_id, month::varchar as month, coverage_pct, coverage_target_pct, coverage_attainment_pct,
        new_customers, new_customers_target, new_customers_attainment_pct, targets_met, targets_set
        from target_attainment order by month, seller_id`),
    ).toEqual([
      {
        seller_id: 'V1',
        month: '2026-02-01',
        coverage_pct: 100,
        coverage_target_pct: 50,
        coverage_attainment_pct: 200,
        new_customers: 0,
        new_customers_target: 1,
        new_customers_attainment_pct: 0,
        targets_met: 1,
        targets_set: 3,
      },
      {
        seller_id: 'V1',
        month: '2026-03-01',
        coverage_pct: 100,
        coverage_target_pct: 100,
        coverage_attainment_pct: 100,
        new_customers: 1,
        new_customers_target: 1,
        new_customers_attainment_pct: 100,
        targets_met: 2,
        targets_set: 3,
      },
      {
        seller_id: 'V2',
        month: '2026-03-01',
        coverage_pct: 50,
        coverage_target_pct: null,
        coverage_attainment_pct: null,
        new_customers: 0,
        new_customers_target: 2,
        new_customers_attainment_pct: 0,
        targets_met: 0,
        targets_set: 2,
      },
      {
        seller_id: 'V3',
        month: '2026-03-01',
        coverage_pct: null,
        coverage_target_pct: null,
        coverage_attainment_pct: null,
        new_customers: 1,
        new_customers_target: null,
        new_customers_attainment_pct: null,
        targets_met: 0,
        targets_set: 1,
      },
    ]);
  });

  it('publishes an empty funnel without a leads file', async () => {
    expect(await marts.rows('select * from lead_funnel')).toEqual([]);
  });
});

describe('target_suggestions', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-03-31');
  });
  afterAll(() => marts.close());

  it("suggests April's target from each active seller's active portfolio at its own rhythm", async () => {
    // V1: K1 30 / 30 = 1 purchase × (3.000 / 3 days) 1.000 = 1.000; K2 30 / 20 = 1,5 × 600 = 900 → 2,5 purchases, 1.900
    // V2: K4 30 / 28 = 1,0714 purchases × (600 / 2 days) 300 = 321,43; K3 is inactive, outside the active portfolio
    // V3 has left the company: no suggestion
    // beside it: March (the last complete month) and the mean of January-March (V1 1.000, 1.000, 1.600 → 1.200; V2 0, 400, 200 → 200)
    expect(
      await marts.rows(`select seller_id, target_month::varchar as target_month, active_portfolio_customers, model_customers,
        round(expected_purchases, 4) as expected_purchases, expected_revenue, opportunity_value, suggested_revenue_target,
        existing_revenue_target, last_month::varchar as last_month, last_month_revenue_target, last_month_revenue,
        last_month_attainment_pct, avg_revenue_3m from target_suggestions order by seller_id`),
    ).toEqual([
      {
        seller_id: 'V1',
        target_month: '2026-04-01',
        active_portfolio_customers: 2,
        model_customers: 0,
        expected_purchases: 2.5,
        expected_revenue: '1900.00',
        opportunity_value: '0.00',
        suggested_revenue_target: '1900.00',
        existing_revenue_target: '2200.00',
        last_month: '2026-03-01',
        last_month_revenue_target: '2000.00',
        last_month_revenue: '1600.00',
        last_month_attainment_pct: 80,
        avg_revenue_3m: '1200.00',
      },
      {
        seller_id: 'V2',
        target_month: '2026-04-01',
        active_portfolio_customers: 1,
        model_customers: 0,
        expected_purchases: 1.0714,
        expected_revenue: '321.43',
        opportunity_value: '0.00',
        suggested_revenue_target: '321.43',
        existing_revenue_target: null,
        last_month: '2026-03-01',
        last_month_revenue_target: '1000.00',
        last_month_revenue: '200.00',
        last_month_attainment_pct: 20,
        avg_revenue_3m: '200.00',
      },
    ]);
  });

  it('sums the suggestions of the active sellers and counts the active-portfolio customers no suggestion covers', async () => {
    // suggested 1.900 + 321,43 = 2.221,43; March targets of the same sellers 2.000 + 1.000 = 3.000 (V3's 400 is not an
    // active seller's); active portfolios 2 + 1 = 3 customers, none from the models; K5, new, belongs to V3 who left → 1
    expect(
      await marts.rows(`select target_month::varchar as target_month, sellers, suggested_revenue_target, last_month::varchar as last_month,
        last_month_revenue_target, active_portfolio_customers, model_customers, customers_without_suggestion from target_suggestion_totals`),
    ).toEqual([
      {
        target_month: '2026-04-01',
        sellers: 2,
        suggested_revenue_target: '2221.43',
        last_month: '2026-03-01',
        last_month_revenue_target: '3000.00',
        active_portfolio_customers: 3,
        model_customers: 0,
        customers_without_suggestion: 1,
      },
    ]);
  });

  it('takes the month before as the last complete one when the as-of date falls mid-month', async () => {
    // as of 20/03/2026: the suggestion is still for April, and February is the last complete month (V1: 1.000 of 2.500 = 40%)
    const midMonth = await runMarts(FILES, '2026-03-20');
    try {
      expect(
        await midMonth.rows(`select target_month::varchar as target_month, last_month::varchar as last_month, last_month_revenue, last_month_attainment_pct
          from target_suggestions where seller_id = 'V1'`),
      ).toEqual([{ target_month: '2026-04-01', last_month: '2026-02-01', last_month_revenue: '1000.00', last_month_attainment_pct: 40 }]);
    } finally {
      midMonth.close();
    }
  });
});

describe('target met (is_target_met), as published', () => {
  let marts: MartRun;

  beforeAll(async () => {
    // March: V1's revenue target is exactly its revenue (1.600); V2's targets are zero, which is no target.
    const targets = [
      'seller_id,month,revenue_target,coverage_target_pct,new_customers_target',
      'V1,2026-02,2500,50,1',
      'V1,2026-03,1600,100,1',
      'V2,2026-03,0,,0',
      'V3,2026-03,400,,',
    ];
    marts = await runMarts({ ...FILES, 'targets.csv': targets }, '2026-03-31');
  });
  afterAll(() => marts.close());

  it('meets a target reached exactly, judges no zero target, and counts from the same flags', async () => {
    expect(
      await marts.rows(`select seller_id, month::varchar as month, revenue_target_met, coverage_target_met, new_customers_target_met
        from sellers_monthly where seller_id in ('V1', 'V2', 'V3') and month >= '2026-02-01' order by month, seller_id`),
    ).toEqual([
      // February: only V1 has targets (every seller has a row) (1.000 of 2.500; coverage 100% of 50%; 0 new of 1)
      { seller_id: 'V1', month: '2026-02-01', revenue_target_met: false, coverage_target_met: true, new_customers_target_met: false },
      { seller_id: 'V2', month: '2026-02-01', revenue_target_met: null, coverage_target_met: null, new_customers_target_met: null },
      { seller_id: 'V3', month: '2026-02-01', revenue_target_met: null, coverage_target_met: null, new_customers_target_met: null },
      { seller_id: 'V1', month: '2026-03-01', revenue_target_met: true, coverage_target_met: true, new_customers_target_met: true },
      { seller_id: 'V2', month: '2026-03-01', revenue_target_met: null, coverage_target_met: null, new_customers_target_met: null },
      { seller_id: 'V3', month: '2026-03-01', revenue_target_met: false, coverage_target_met: null, new_customers_target_met: null },
    ]);
    expect(
      await marts.rows(`select seller_id, targets_met, targets_set, sellers_met_revenue_target
        from target_attainment where month = '2026-03-01' order by seller_id`),
    ).toEqual([
      { seller_id: 'V1', targets_met: 3, targets_set: 3, sellers_met_revenue_target: 1 },
      { seller_id: 'V2', targets_met: 0, targets_set: 0, sellers_met_revenue_target: 1 },
      { seller_id: 'V3', targets_met: 0, targets_set: 1, sellers_met_revenue_target: 1 },
    ]);
    // The company's March: 1.600 + 0 + 100 sold by sellers with a target, against 1.600 + 0 + 400 → not met.
    expect(await marts.rows(`select revenue_target_met from kpis_monthly where month = '2026-03-01'`)).toEqual([{ revenue_target_met: false }]);
  });
});
