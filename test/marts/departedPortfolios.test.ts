import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

/*
 * as-of 2026-06-30, segmentation window 01/07/2025 to 30/06/2026. V1 is active; V2 has left (with customers);
 * V3 has left without customers. C4 has no owner.
 * C1 (V2) first bought 01/06/2026: new, in the active portfolio. C2 (V2) bought 02/08 and 01/09/2025 (rhythm 30 days),
 * silent 302 days: inactive (≤ max(4 × 30, 365)). C3 (V2) never bought: prospect. C6 (V2) last bought 31/01/2024: lost.
 * C4 (no owner) bought 01/01 and 11/01/2026 (rhythm 10 days), silent 170 days: at risk (≤ max(3 × 10, 180)).
 */
const FILES: Record<string, string[]> = {
  'sellers.csv': ['seller_id,name,active', 'V1,Ana Lima,true', 'V2,Bruno Reis,false', 'V3,Carla Dias,false'],
  'customers.csv': [
    'customer_id,name,seller_id',
    'C1,Padaria Um Ltda,V2',
    'C2,Padaria Dois Ltda,V2',
    'C3,Padaria Três Ltda,V2',
    'C4,Padaria Quatro Ltda,',
    'C5,Padaria Cinco Ltda,V1',
    'C6,Padaria Seis Ltda,V2',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,amount',
    'O1,C1,2026-06-01,1000',
    'O2,C2,2025-08-02,200',
    'O3,C2,2025-09-01,300',
    'O4,C4,2026-01-01,40',
    'O5,C4,2026-01-11,60',
    'O6,C5,2026-06-01,999',
    'O7,C6,2024-01-01,10',
    'O8,C6,2024-01-31,10',
  ],
};
const CONTRACTS = [
  'contract_id,customer_id,start_date,end_date,monthly_value,product_id,status',
  // due (ends in 15 days)
  'K1,C1,2025-07-16,2026-07-15,100,X,',
  // in grace (ended 10 days ago)
  'K2,C2,2025-06-21,2026-06-20,50,X,',
  // not renewed (ended 76 days ago): not to renew
  'K3,C2,2025-04-16,2026-04-15,70,X,',
  // due, the customer without an owner
  'K4,C4,2025-08-02,2026-08-01,30,X,',
  // due, but V1 is active
  'K5,C5,2025-08-02,2026-08-01,999,X,',
];

let marts: MartRun;
let noContracts: MartRun;

beforeAll(async () => {
  marts = await runMarts({ ...FILES, 'contracts.csv': CONTRACTS }, '2026-06-30');
  noContracts = await runMarts(FILES, '2026-06-30');
});
afterAll(() => {
  marts.close();
  noContracts.close();
});

const COLUMNS = `breakdown, seller_id, active_portfolio_customers as active, at_risk_customers as at_risk, inactive_customers as inactive,
  lost_customers as lost, prospects, window_revenue::double as revenue, renewal_contracts, renewal_monthly_value::double as renewal_value`;

describe('departed_portfolios', () => {
  it('lists the customers left by departed sellers and without an owner, by status, with their revenue and contracts to renew, and all of them', async () => {
    const rows = await marts.rows(`select ${COLUMNS} from departed_portfolios order by breakdown desc, seller_id nulls last`);
    expect(rows).toEqual([
      // V2: C1 new (active portfolio), C2 inactive, C6 lost, C3 prospect; revenue in the window C1 1000 + C2 200 + 300 = 1500;
      // to renew: K1 due 100 + K2 in grace 50 = 2 contracts, 150 (K3 not renewed is not to renew)
      {
        breakdown: 'seller',
        seller_id: 'V2',
        active: 1,
        at_risk: 0,
        inactive: 1,
        lost: 1,
        prospects: 1,
        revenue: 1500,
        renewal_contracts: 2,
        renewal_value: 150,
      },
      // no owner: C4 at risk (in the active portfolio), 40 + 60 = 100; K4 due 30
      {
        breakdown: 'seller',
        seller_id: null,
        active: 1,
        at_risk: 1,
        inactive: 0,
        lost: 0,
        prospects: 0,
        revenue: 100,
        renewal_contracts: 1,
        renewal_value: 30,
      },
      // all: active 1 + 1 = 2, at risk 1, inactive 1, lost 1, prospects 1, revenue 1500 + 100 = 1600, contracts 2 + 1 = 3, 150 + 30 = 180;
      // V1 (active) and V3 (left without customers) have no row
      { breakdown: 'all', seller_id: null, active: 2, at_risk: 1, inactive: 1, lost: 1, prospects: 1, revenue: 1600, renewal_contracts: 3, renewal_value: 180 },
    ]);
  });

  it('leaves the contracts to renew NULL without a contracts file', async () => {
    const rows = await noContracts.rows(
      `select breakdown, seller_id, renewal_contracts, renewal_monthly_value from departed_portfolios order by breakdown desc, seller_id nulls last`,
    );
    expect(rows).toEqual([
      { breakdown: 'seller', seller_id: 'V2', renewal_contracts: null, renewal_monthly_value: null },
      { breakdown: 'seller', seller_id: null, renewal_contracts: null, renewal_monthly_value: null },
      { breakdown: 'all', seller_id: null, renewal_contracts: null, renewal_monthly_value: null },
    ]);
  });
});

describe('seller_renewals', () => {
  it('sums every owner’s contracts due or in grace, active sellers and no owner included', async () => {
    const rows = await marts.rows(
      `select seller_id, renewal_contracts, renewal_monthly_value::double as renewal_value from seller_renewals order by seller_id nulls last`,
    );
    expect(rows).toEqual([
      // V1 (active): K5 due, 999
      { seller_id: 'V1', renewal_contracts: 1, renewal_value: 999 },
      // V2: K1 due 100 + K2 in grace 50 = 150; K3 (not renewed) is not to renew
      { seller_id: 'V2', renewal_contracts: 2, renewal_value: 150 },
      // no owner: K4 due, 30
      { seller_id: null, renewal_contracts: 1, renewal_value: 30 },
    ]);
  });

  it('has no row without a contracts file', async () => {
    expect(await noContracts.rows('select count(*)::integer as n from seller_renewals')).toEqual([{ n: 0 }]);
  });
});
