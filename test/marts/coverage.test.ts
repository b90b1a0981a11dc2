import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

const ORDERS_HEADER = 'order_id,customer_id,order_date,seller_id,status,channel,amount';
const ids = (count: number) => Array.from({ length: count }, (_, i) => `S${String(i + 1).padStart(3, '0')}`);

describe('coverage (positivação) and seller performance', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(
      {
        'sellers.csv': ['seller_id,name,team', 'V1,Ana,Capital', 'V2,Bruno,Interior'],
        'customers.csv': ['customer_id,name,state,seller_id', ...ids(200).map((id) => `${id},Loja ${id},MG,V1`), 'T1,Loja T1,BA,V2', 'T2,Loja T2,BA,V2'],
        'orders.csv': [
          ORDERS_HEADER,
          // all 200 customers of V1 buy in January; 120 of them buy again in February
          ...ids(200).map((id) => `J-${id},${id},2026-01-10,V1,invoiced,,100`),
          ...ids(120).map((id) => `F-${id},${id},2026-02-10,V1,invoiced,,100`),
          // a customer of V1 buying from V2: revenue goes to V2, coverage to V1's portfolio
          'P-X,S001,2026-02-11,V2,invoiced,,30',
          'T1-1,T1,2026-01-15,V2,invoiced,,50',
          // no seller on the order: credited to the owner, V2
          'T2-1,T2,2026-02-20,,invoiced,,80',
        ],
        'targets.csv': ['seller_id,month,revenue_target,coverage_target_pct,new_customers_target', 'V1,2026-01,25000,50,150', 'V1,2026-02,10000,70,5'],
      },
      '2026-02-28',
    );
  });
  afterAll(() => marts.close());

  it('positivates 120 of a working portfolio of 200 as 60%', async () => {
    const rows = await marts.rows(
      "select portfolio_customers, portfolio_buying_customers, buying_customers, coverage_pct, coverage_target_pct from sellers_monthly where seller_id = 'V1' and month = '2026-02-01'",
    );
    expect(rows).toEqual([{ portfolio_customers: 200, portfolio_buying_customers: 120, buying_customers: 120, coverage_pct: 60, coverage_target_pct: 70 }]);
  });

  it('lists each seller with the portfolio they own, not the customers they sold to', async () => {
    // every customer first bought within 90 days of 28/02/2026, so all are new (in the active portfolio);
    // S001 also bought from V2 but is still V1's customer.
    const rows = await marts.rows(
      'select seller_id, name, team, is_active, is_derived, owned_customers, active_portfolio_customers, at_risk_customers, prospects from sellers order by seller_id',
    );
    expect(rows).toEqual([
      {
        seller_id: 'V1',
        name: 'Ana',
        team: 'Capital',
        is_active: true,
        is_derived: false,
        owned_customers: 200,
        active_portfolio_customers: 200,
        at_risk_customers: 0,
        prospects: 0,
      },
      {
        seller_id: 'V2',
        name: 'Bruno',
        team: 'Interior',
        is_active: true,
        is_derived: false,
        owned_customers: 2,
        active_portfolio_customers: 2,
        at_risk_customers: 0,
        prospects: 0,
      },
    ]);
  });

  it('credits revenue to the seller on the order, falling back to the owner, and compares it with the target', async () => {
    const rows = await marts.rows(
      'select seller_id, team, month::varchar as month, is_partial_month, revenue, revenue_target, target_pct, orders, avg_ticket, new_customers, new_customers_target, active_start, churned, active_end, retention_rate, mix, leads_won, conversion_rate from sellers_monthly order by month, seller_id',
    );
    expect(rows).toEqual([
      {
        seller_id: 'V1',
        team: 'Capital',
        month: '2026-01-01',
        is_partial_month: false,
        revenue: '20000.00',
        revenue_target: '25000.00',
        target_pct: 80,
        orders: 200,
        avg_ticket: '100.00',
        new_customers: 200,
        new_customers_target: 150,
        active_start: 0,
        churned: 0,
        active_end: 200,
        retention_rate: null,
        mix: null,
        leads_won: null,
        conversion_rate: null,
      },
      {
        seller_id: 'V2',
        team: 'Interior',
        month: '2026-01-01',
        is_partial_month: false,
        revenue: '50.00',
        revenue_target: null,
        target_pct: null,
        orders: 1,
        avg_ticket: '50.00',
        new_customers: 1,
        new_customers_target: null,
        active_start: 0,
        churned: 0,
        active_end: 1,
        retention_rate: null,
        mix: null,
        leads_won: null,
        conversion_rate: null,
      },
      {
        seller_id: 'V1',
        team: 'Capital',
        month: '2026-02-01',
        is_partial_month: false,
        revenue: '12000.00',
        revenue_target: '10000.00',
        target_pct: 120,
        orders: 120,
        avg_ticket: '100.00',
        new_customers: 0,
        new_customers_target: 5,
        active_start: 200,
        churned: 0,
        active_end: 200,
        retention_rate: 1,
        mix: null,
        leads_won: null,
        conversion_rate: null,
      },
      {
        seller_id: 'V2',
        team: 'Interior',
        month: '2026-02-01',
        is_partial_month: false,
        revenue: '110.00',
        revenue_target: null,
        target_pct: null,
        orders: 2,
        avg_ticket: '55.00',
        new_customers: 1,
        new_customers_target: null,
        active_start: 1,
        churned: 0,
        active_end: 2,
        retention_rate: 1,
        mix: null,
        leads_won: null,
        conversion_rate: null,
      },
    ]);
  });

  it("counts a seller's portfolio by owner: a prospect at the start of the month is not in it", async () => {
    const rows = await marts.rows(
      "select portfolio_customers, portfolio_buying_customers, buying_customers, coverage_pct from sellers_monthly where seller_id = 'V2' and month = '2026-02-01'",
    );
    // T1 (new since January) is the whole working portfolio and did not buy; T2 first bought in February
    expect(rows).toEqual([{ portfolio_customers: 1, portfolio_buying_customers: 0, buying_customers: 2, coverage_pct: 0 }]);
  });

  it('gives every state a row per month with its own coverage', async () => {
    const rows = await marts.rows(
      "select state, region, customers, buying_customers, portfolio_buying_customers, coverage_pct, new_customers, orders, revenue, avg_ticket from geography where month = '2026-02-01' and (state in ('MG', 'BA', 'AC')) order by state",
    );
    expect(rows).toEqual([
      {
        state: 'AC',
        region: 'norte',
        customers: 0,
        buying_customers: 0,
        portfolio_buying_customers: 0,
        coverage_pct: null,
        new_customers: 0,
        orders: 0,
        revenue: '0.00',
        avg_ticket: null,
      },
      {
        state: 'BA',
        region: 'nordeste',
        customers: 1,
        buying_customers: 1,
        portfolio_buying_customers: 0,
        coverage_pct: 0,
        new_customers: 1,
        orders: 1,
        revenue: '80.00',
        avg_ticket: '80.00',
      },
      {
        state: 'MG',
        region: 'sudeste',
        customers: 200,
        buying_customers: 120,
        portfolio_buying_customers: 120,
        coverage_pct: 60,
        new_customers: 0,
        orders: 121,
        revenue: '12030.00',
        avg_ticket: '99.42',
      },
    ]);
    const states = await marts.rows("select count(*)::integer as states from geography where month = '2026-02-01'");
    expect(states).toEqual([{ states: 27 }]);
  });
});

describe('a run without a targets file', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts({ 'orders.csv': [ORDERS_HEADER, 'O1,C1,2026-01-10,V1,invoiced,,100'] }, '2026-01-31');
  });
  afterAll(() => marts.close());

  it('leaves targets and attainment NULL instead of zero', async () => {
    const rows = await marts.rows('select seller_id, revenue, revenue_target, target_pct, coverage_target_pct, new_customers_target from sellers_monthly');
    expect(rows).toEqual([
      { seller_id: 'V1', revenue: '100.00', revenue_target: null, target_pct: null, coverage_target_pct: null, new_customers_target: null },
    ]);
  });
});
