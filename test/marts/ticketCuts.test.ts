import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 2026-06-15 June is still running, so the last complete month is May 2026 and the ticket window the
// 12 months 2025-06..2026-05. O1 (May 2025) falls before it, O5 (June 2026) after it.
//
// In the window (quantity × price):
//   O2 C1 (Mercado, SP, V1) 2025-07-10: P1 Laticínios 2×100 = 200, P3 Mercearia 1×100 = 100 → 300, main category Laticínios
//   O3 C1 (Mercado, SP, V1) 2026-01-15: P3 Mercearia 5×20 = 100
//   O4 C2 (Farmácia, RJ, V2) 2026-03-01: P1 Laticínios 6×100 = 600
// All: 300 + 100 + 600 = 1000 in 3 orders → ticket 1000 ÷ 3 = 333.33.
// Mercado, V1 and SP: 400 in 2 orders → 200.00 (share 0.4); Farmácia, V2 and RJ: 600 in 1 order → 600.00 (0.6).
// Laticínios: 200 + 600 = 800 in the 2 orders holding it (O2, O4) → 400.00 (0.8);
// Mercearia: 100 + 100 = 200 in O2 and O3 → 100.00 (0.2): O2 counts in both categories, so their orders add up to 4, not 3.
const FILES = {
  'customers.csv': ['customer_id,name,segment,state,seller_id', 'C1,Mercado Um Ltda,Mercado,SP,V1', 'C2,Drogaria Dois Ltda,Farmácia,RJ,V2'],
  'products.csv': ['product_id,name,category', 'P1,Leite UHT 1L,Laticínios', 'P3,Café 500g,Mercearia'],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,C1,2025-05-20,V1,invoiced,,1000',
    'O2,C1,2025-07-10,V1,invoiced,,300',
    'O3,C1,2026-01-15,V1,invoiced,,100',
    'O4,C2,2026-03-01,V2,invoiced,,600',
    'O5,C2,2026-06-10,V2,invoiced,,999',
  ],
  'order_items.csv': ['order_id,product_id,quantity,unit_price', 'O1,P1,10,100', 'O2,P1,2,100', 'O2,P3,1,100', 'O3,P3,5,20', 'O4,P1,6,100', 'O5,P1,9,111'],
};

const COLUMNS = 'breakdown, coalesce(segment, seller_id, state, category) as key, revenue, orders, avg_ticket, round(revenue_share, 4) as share';

describe('ticket_cuts', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-15');
  });
  afterAll(() => marts.close());

  it('sums the 12 complete months to the last complete month, leaving out the running month', async () => {
    const rows = await marts.rows('select distinct window_start::varchar as first, window_end::varchar as last from ticket_cuts');
    expect(rows).toEqual([{ first: '2025-06-01', last: '2026-05-01' }]);
  });

  it('gives all sales one row: 1000 in 3 orders, a ticket of 333.33', async () => {
    expect(await marts.rows(`select ${COLUMNS} from ticket_cuts where breakdown = 'all'`)).toEqual([
      { breakdown: 'all', key: null, revenue: '1000.00', orders: 3, avg_ticket: '333.33', share: 1 },
    ]);
  });

  it('divides the sums of each segment, seller and UF, each order counted once', async () => {
    const rows = await marts.rows(`select ${COLUMNS} from ticket_cuts where breakdown in ('segment', 'seller', 'state') order by breakdown, revenue desc`);
    expect(rows).toEqual([
      { breakdown: 'segment', key: 'Farmácia', revenue: '600.00', orders: 1, avg_ticket: '600.00', share: 0.6 },
      { breakdown: 'segment', key: 'Mercado', revenue: '400.00', orders: 2, avg_ticket: '200.00', share: 0.4 },
      { breakdown: 'seller', key: 'V2', revenue: '600.00', orders: 1, avg_ticket: '600.00', share: 0.6 },
      { breakdown: 'seller', key: 'V1', revenue: '400.00', orders: 2, avg_ticket: '200.00', share: 0.4 },
      { breakdown: 'state', key: 'RJ', revenue: '600.00', orders: 1, avg_ticket: '600.00', share: 0.6 },
      { breakdown: 'state', key: 'SP', revenue: '400.00', orders: 2, avg_ticket: '200.00', share: 0.4 },
    ]);
  });

  it("gives a category's ticket per order holding it, so an order of two categories counts in both", async () => {
    const rows = await marts.rows(`select ${COLUMNS} from ticket_cuts where breakdown = 'category' order by revenue desc`);
    expect(rows).toEqual([
      { breakdown: 'category', key: 'Laticínios', revenue: '800.00', orders: 2, avg_ticket: '400.00', share: 0.8 },
      { breakdown: 'category', key: 'Mercearia', revenue: '200.00', orders: 2, avg_ticket: '100.00', share: 0.2 },
    ]);
  });
});
