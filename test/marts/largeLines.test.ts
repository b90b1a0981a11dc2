import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// An industrial distributor's month: order lines of R$ 1 million and more, which DuckDB's 18-digit decimal
// product cannot hold (they once stopped the run), beside ordinary ones, and a line whose quantity is a code.
//   B1 C1 2026-03-10: 1,000 × R$ 2,000.50 = 2,000,500.00; 3 × R$ 19.99 − R$ 5.00 = 54.97        → 2,000,554.97
//   B2 C2 2026-03-20: 123,456.789012 × R$ 98,765.432109 = 12,193,263,113.5598… → 12,193,263,113.56
//   B3 C2 2026-03-25: 999,999,999,999 × R$ 5,000.00 (R$ 5 quadrillion: rejected, amount_out_of_range), and
//                     2 × R$ 10.00 = 20.00                                                          → 20.00
// March: 2,000,554.97 + 12,193,263,113.56 + 20.00 = 12,195,263,688.53.
const FILES = {
  'customers.csv': ['customer_id,name,state,seller_id', 'C1,Usina Um Ltda,SP,V1', 'C2,Siderúrgica Dois Ltda,MG,V1'],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status',
    'B1,C1,2026-03-10,V1,invoiced',
    'B2,C2,2026-03-20,V1,invoiced',
    'B3,C2,2026-03-25,V1,invoiced',
  ],
  'order_items.csv': [
    'order_id,product_id,quantity,unit_price,discount',
    'B1,P1,1000,2000.50,0',
    'B1,P2,3,19.99,5.00',
    'B2,P3,123456.789012,98765.432109,0',
    'B3,P1,999999999999,5000.00,0',
    'B3,P2,2,10.00,0',
  ],
};

describe('order lines of R$ 1 million and more', () => {
  let marts: MartRun;
  beforeAll(async () => {
    // one rejected line of five is over the default limit of 5%
    marts = await runMarts(FILES, '2026-03-31', { rejects: { max_share: 0.5 } });
  });
  afterAll(() => marts.close());

  it('are summed to the cent into each order and the month', async () => {
    expect(await marts.rows("select cast(revenue as varchar) as revenue from kpis_monthly where month = '2026-03-01'")).toEqual([
      { revenue: '12195263688.53' },
    ]);
  });

  it('leave out, named, only the line no sale can be worth', async () => {
    expect(await marts.rows('select line, value, reason_code from rejects order by line')).toEqual([
      { line: '5', value: '999999999999.000000', reason_code: 'amount_out_of_range' },
    ]);
  });
});
