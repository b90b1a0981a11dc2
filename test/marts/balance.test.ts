import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

/*
 * Three sellers able to take customers: V1 and V2 in SP (Sudeste), V3 in PR (Sul). V4 (SP) has departed,
 * V9 owns a customer but is missing from the sellers export, C11 has no owner at all.
 * Every customer but the prospect C11 bought once on 2026-03-01: status new, in the active portfolio.
 * With 12 customers the CLV model is not fitted, so the workload is the active-portfolio share alone:
 * 11 active customers ÷ 3 eligible sellers = 11/3 per seller, so each active customer weighs 3/11.
 * Below, loads are written in elevenths: V1 owns 5 active → 15, V2 and V3 own 1 each → 3.
 *
 * Phase 1, orphaned customers by workload then code: C08, C09, C10, C12 (3 each), then C11 (0).
 *   1. C08 (SP, Hotel, V4 departed): in Sudeste no seller at or below the mean (15 + 3) / 2 = 9 serves Hotel
 *      → least loaded V2: 15, 6, 3 → mean 8, deviations 7, −2, −5, variance 78/3 = 26, CV √26/8 = 0.6374.
 *   2. C09 (SP, Hotel, V4): V2 (6 ≤ mean 10.5) now serves Hotel → V2: 15, 9, 3 → CV √24/9 = 0.5443.
 *   3. C10 (PR, Bar, V9 unknown): V3 is Sul's only seller and takes it: 15, 9, 6 → CV √14/10 = 0.3742.
 *      C12 (BA) stays orphaned: no seller works in the Nordeste.
 *   4. C11 (SP, Mercearia, no owner, prospect, weighs 0): nobody serves Mercearia → least loaded V2: CV 0.3742.
 * Phase 2, balancing (max_moved_share 0.25 → at most floor(0.25 × 12) = 3 moves): Sudeste mean (15 + 9)/2 = 12;
 *   V1 at 15 is 25% above it, beyond the 20% tolerance (14.4). Gap 15 − 9 = 6; every V1 customer weighs 3,
 *   all equally close to half the gap, so segment decides: V2 serves Bar, not Padaria → C03 (Bar, before C04).
 *   5. C03 V1 → V2: 12, 12, 6 → mean 10, deviations 2, 2, −4, variance 8, CV √8/10 = 0.2828.
 *   Then V1 at 12 is not above 14.4: stop (2 moves of the 3 allowed left unused).
 */
const FILES: Record<string, string[]> = {
  'sellers.csv': [
    'seller_id,name,team,state,hired_at,active',
    'V1,Ana Lima,Capital,SP,2020-01-01,true',
    'V2,Bruno Reis,Capital,SP,2021-01-01,true',
    'V3,Carla Dias,Sul,PR,2019-01-01,true',
    'V4,Davi Melo,Capital,SP,2015-01-01,false',
  ],
  'customers.csv': [
    'customer_id,name,segment,state,seller_id',
    'C01,Padaria Um Ltda,Padaria,SP,V1',
    'C02,Padaria Dois Ltda,Padaria,SP,V1',
    'C03,Bar Três Ltda,Bar,SP,V1',
    'C04,Bar Quatro Ltda,Bar,SP,V1',
    'C05,Padaria Cinco Ltda,Padaria,SP,V1',
    'C06,Bar Seis Ltda,Bar,SP,V2',
    'C07,Padaria Sete Ltda,Padaria,PR,V3',
    'C08,Hotel Oito Ltda,Hotel,SP,V4',
    'C09,Hotel Nove Ltda,Hotel,SP,V4',
    'C10,Bar Dez Ltda,Bar,PR,V9',
    'C11,Mercearia Onze Ltda,Mercearia,SP,',
    'C12,Padaria Doze Ltda,Padaria,BA,V4',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    ...[
      ['C01', 1000],
      ['C02', 2000],
      ['C03', 3000],
      ['C04', 4000],
      ['C05', 500],
      ['C06', 1500],
      ['C07', 2500],
      ['C08', 1200],
      ['C09', 800],
      ['C10', 700],
      ['C12', 300],
    ].map(([customer, amount]) => `O-${customer},${customer},2026-03-01,,invoiced,,${amount}`),
  ],
};

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts(FILES, '2026-03-31', { balance: { max_moved_share: 0.25 } });
});
afterAll(() => marts.close());

describe('reassignment_suggestions', () => {
  it('gives orphaned customers an owner in their region first, then evens the most loaded seller of a region, step by step', async () => {
    const rows = await marts.rows(
      `select step, phase, customer_id, customer_name, from_seller_id, to_seller_id, to_seller_name, reason_pt, is_same_segment,
              workload, from_workload_after, to_workload_after, workload_cv_after
       from reassignment_suggestions order by step`,
    );
    expect(rows).toEqual([
      {
        step: 1,
        phase: 'orphaned',
        customer_id: 'C08',
        customer_name: 'Hotel Oito Ltda',
        from_seller_id: 'V4',
        to_seller_id: 'V2',
        to_seller_name: 'Bruno Reis',
        reason_pt: 'Vendedor desligado; destino com a menor carga da região',
        is_same_segment: false,
        workload: 0.2727,
        from_workload_after: null,
        to_workload_after: 0.5455,
        workload_cv_after: 0.6374,
      },
      {
        step: 2,
        phase: 'orphaned',
        customer_id: 'C09',
        customer_name: 'Hotel Nove Ltda',
        from_seller_id: 'V4',
        to_seller_id: 'V2',
        to_seller_name: 'Bruno Reis',
        reason_pt: 'Vendedor desligado; destino abaixo da média da região e já atende o segmento',
        is_same_segment: true,
        workload: 0.2727,
        from_workload_after: null,
        to_workload_after: 0.8182,
        workload_cv_after: 0.5443,
      },
      {
        step: 3,
        phase: 'orphaned',
        customer_id: 'C10',
        customer_name: 'Bar Dez Ltda',
        from_seller_id: 'V9',
        to_seller_id: 'V3',
        to_seller_name: 'Carla Dias',
        reason_pt: 'Vendedor fora do cadastro de vendedores; destino com a menor carga da região',
        is_same_segment: false,
        workload: 0.2727,
        from_workload_after: null,
        to_workload_after: 0.5455,
        workload_cv_after: 0.3742,
      },
      {
        step: 4,
        phase: 'orphaned',
        customer_id: 'C11',
        customer_name: 'Mercearia Onze Ltda',
        from_seller_id: null,
        to_seller_id: 'V2',
        to_seller_name: 'Bruno Reis',
        reason_pt: 'Cliente sem vendedor; destino com a menor carga da região',
        is_same_segment: false,
        workload: 0,
        from_workload_after: null,
        to_workload_after: 0.8182,
        workload_cv_after: 0.3742,
      },
      {
        step: 5,
        phase: 'balance',
        customer_id: 'C03',
        customer_name: 'Bar Três Ltda',
        from_seller_id: 'V1',
        to_seller_id: 'V2',
        to_seller_name: 'Bruno Reis',
        reason_pt: 'Carteira 25% acima da média da região',
        is_same_segment: true,
        workload: 0.2727,
        from_workload_after: 1.0909,
        to_workload_after: 1.0909,
        workload_cv_after: 0.2828,
      },
    ]);
  });

  it('stops balancing at max_moved_share of all customers', async () => {
    const capped = await runMarts(FILES, '2026-03-31', { balance: { max_moved_share: 0 } });
    try {
      const rows = await capped.rows<{ phase: string; n: number }>('select phase, count(*)::integer as n from reassignment_suggestions group by 1 order by 1');
      // floor(0 × 12) = 0 balancing moves; the four orphaned customers still get an owner
      expect(rows).toEqual([{ phase: 'orphaned', n: 4 }]);
    } finally {
      capped.close();
    }
  });
});

describe('portfolio_balance', () => {
  it("adds up each seller's portfolio today and after the proposal, with orphaned portfolios on their own rows", async () => {
    const rows = await marts.rows(
      `select seller_id, is_eligible, orphan_reason, region, customers, active_portfolio_customers, window_revenue, customers_share, window_revenue_share,
              potential, workload, customers_after, window_revenue_after, workload_after, customers_received, customers_given
       from portfolio_balance order by seller_id nulls last`,
    );
    // shares of the company: 12 customers, revenue 1000 + 2000 + 3000 + 4000 + 500 + 1500 + 2500 + 1200 + 800 + 700 + 300 = 17500
    expect(rows).toEqual([
      // 5 customers (5/12 = 0.4167), 10500 (10500/17500 = 0.6); after: C03 gone → 4 customers, 7500, workload 12/11
      {
        seller_id: 'V1',
        is_eligible: true,
        orphan_reason: null,
        region: 'sudeste',
        customers: 5,
        active_portfolio_customers: 5,
        window_revenue: '10500.00',
        customers_share: 0.4167,
        window_revenue_share: 0.6,
        potential: null,
        workload: 1.3636,
        customers_after: 4,
        window_revenue_after: '7500.00',
        workload_after: 1.0909,
        customers_received: 0,
        customers_given: 1,
      },
      // receives C08, C09, C11, C03: 1500 + 1200 + 800 + 3000 = 6500
      {
        seller_id: 'V2',
        is_eligible: true,
        orphan_reason: null,
        region: 'sudeste',
        customers: 1,
        active_portfolio_customers: 1,
        window_revenue: '1500.00',
        customers_share: 0.0833,
        window_revenue_share: 0.0857,
        potential: null,
        workload: 0.2727,
        customers_after: 5,
        window_revenue_after: '6500.00',
        workload_after: 1.0909,
        customers_received: 4,
        customers_given: 0,
      },
      {
        seller_id: 'V3',
        is_eligible: true,
        orphan_reason: null,
        region: 'sul',
        customers: 1,
        active_portfolio_customers: 1,
        window_revenue: '2500.00',
        customers_share: 0.0833,
        window_revenue_share: 0.1429,
        potential: null,
        workload: 0.2727,
        customers_after: 2,
        window_revenue_after: '3200.00',
        workload_after: 0.5455,
        customers_received: 1,
        customers_given: 0,
      },
      // C12 (BA) keeps the departed owner: no seller works in the Nordeste
      {
        seller_id: 'V4',
        is_eligible: false,
        orphan_reason: 'departed',
        region: 'sudeste',
        customers: 3,
        active_portfolio_customers: 3,
        window_revenue: '2300.00',
        customers_share: 0.25,
        window_revenue_share: 0.1314,
        potential: null,
        workload: 0.8182,
        customers_after: 1,
        window_revenue_after: '300.00',
        workload_after: 0.2727,
        customers_received: 0,
        customers_given: 2,
      },
      {
        seller_id: 'V9',
        is_eligible: false,
        orphan_reason: 'not_in_sellers_export',
        region: 'sul',
        customers: 1,
        active_portfolio_customers: 1,
        window_revenue: '700.00',
        customers_share: 0.0833,
        window_revenue_share: 0.04,
        potential: null,
        workload: 0.2727,
        customers_after: 0,
        window_revenue_after: '0.00',
        workload_after: 0,
        customers_received: 0,
        customers_given: 1,
      },
      {
        seller_id: null,
        is_eligible: false,
        orphan_reason: 'no_owner',
        region: null,
        customers: 1,
        active_portfolio_customers: 0,
        window_revenue: '0.00',
        customers_share: 0.0833,
        window_revenue_share: 0,
        potential: null,
        workload: 0,
        customers_after: 0,
        window_revenue_after: '0.00',
        workload_after: 0,
        customers_received: 0,
        customers_given: 1,
      },
    ]);
  });
});

describe('portfolio_balance_spread', () => {
  it('measures the spread across the eligible sellers with the coefficient of variation and the Gini index, before and after', async () => {
    const rows = await marts.rows(
      'select measure, sellers, mean_before, cv_before, gini_before, mean_after, cv_after, gini_after from portfolio_balance_spread order by measure_order',
    );
    expect(rows).toEqual([
      // 5, 1, 1 → mean 7/3; variance (64 + 16 + 16)/27 = 3.5556, sd 1.8856, CV 0.8081; Gini on 1, 1, 5: (−2·1 + 0·1 + 2·5)/(3·7) = 8/21
      // after 4, 5, 2 → mean 11/3; variance (1 + 16 + 25)/27 = 1.5556, CV 1.2472/3.6667 = 0.3402; Gini on 2, 4, 5: (−4 + 10)/33 = 0.1818
      {
        measure: 'customers',
        sellers: 3,
        mean_before: 2.3333,
        cv_before: 0.8081,
        gini_before: 0.381,
        mean_after: 3.6667,
        cv_after: 0.3402,
        gini_after: 0.1818,
      },
      {
        measure: 'active_portfolio_customers',
        sellers: 3,
        mean_before: 2.3333,
        cv_before: 0.8081,
        gini_before: 0.381,
        mean_after: 3.3333,
        cv_after: 0.2828,
        gini_after: 0.1333,
      },
      // 10500, 1500, 2500 → mean 4833.33, sd 4027.68, CV 0.8333; Gini (−2·1500 + 2·10500)/(3·14500) = 0.4138
      // after 7500, 6500, 3200 → mean 5733.33, sd 1837.27, CV 0.3205; Gini (−2·3200 + 2·7500)/(3·17200) = 0.1667
      {
        measure: 'window_revenue',
        sellers: 3,
        mean_before: 4833.3333,
        cv_before: 0.8333,
        gini_before: 0.4138,
        mean_after: 5733.3333,
        cv_after: 0.3205,
        gini_after: 0.1667,
      },
      // no CLV model on 12 customers: no potential; nobody to retain: no value at risk, so no spread to measure
      { measure: 'potential', sellers: 3, mean_before: null, cv_before: null, gini_before: null, mean_after: null, cv_after: null, gini_after: null },
      { measure: 'at_risk_value', sellers: 3, mean_before: 0, cv_before: null, gini_before: null, mean_after: 0, cv_after: null, gini_after: null },
      // 15, 3, 3 elevenths, as published (4 decimals): 1.3636, 0.2727, 0.2727 → mean 0.6363, sd 0.51426, CV 0.8082 (0.8081 unrounded);
      // after 12, 12, 6 elevenths → CV 0.2828 as at the last step, Gini (−2·6 + 2·12)/(3·30) = 0.1333
      { measure: 'workload', sellers: 3, mean_before: 0.6363, cv_before: 0.8082, gini_before: 0.381, mean_after: 0.9091, cv_after: 0.2828, gini_after: 0.1333 },
    ]);
  });
});
