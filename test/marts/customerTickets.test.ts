import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quantile } from '../../src/charts/histogramChart.ts';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 30/06/2026: the segmentation window runs from 01/07/2025 to 30/06/2026.
//   C1 one order of 100 → ticket 100;  C2 100 + 300 in 2 orders → 200;  C3 400 → 400;  C4 1.000 → 1.000
//   C5 never bought and C6 bought only in 2024, before the window: neither has a ticket.
// Sorted tickets 100, 200, 400, 1.000 (n = 4), a quartile at position (n − 1) × q, interpolated:
//   q1 at 0,75: 100 + (200 − 100) × 0,75 = 175;  median at 1,5: 200 + (400 − 200) × 0,5 = 300;
//   q3 at 2,25: 400 + (1.000 − 400) × 0,25 = 550;  the largest 1.000.
const FILES = {
  'customers.csv': [
    'customer_id,name,seller_id',
    'C1,Padaria Um Ltda,V1',
    'C2,Padaria Dois Ltda,V1',
    'C3,Padaria Três Ltda,V1',
    'C4,Padaria Quatro Ltda,V1',
    'C5,Padaria Cinco Ltda,V1',
    'C6,Padaria Seis Ltda,V1',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,amount',
    'O1,C1,2026-02-01,100',
    'O2,C2,2025-08-01,100',
    'O3,C2,2026-03-01,300',
    'O4,C3,2026-04-01,400',
    'O5,C4,2026-05-01,1000',
    'O6,C6,2024-01-01,50',
  ],
};

describe('customer_tickets', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-30');
  });
  afterAll(() => marts.close());

  it('counts the window buyers and states their tickets’ quartiles, interpolated, and the largest', async () => {
    expect(
      await marts.rows(
        'select buying_customers, ticket_q1::double as ticket_q1, ticket_median::double as ticket_median, ticket_q3::double as ticket_q3, ticket_max::double as ticket_max from customer_tickets',
      ),
    ).toEqual([{ buying_customers: 4, ticket_q1: 175, ticket_median: 300, ticket_q3: 550, ticket_max: 1000 }]);
  });

  it('interpolates exactly as the histogram the page draws from the same tickets', () => {
    const sorted = [100, 200, 400, 1000];
    expect([quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75)]).toEqual([175, 300, 550]);
  });

  it('publishes one row with empty quartiles when nobody bought in the window', async () => {
    // only C6's 2024 order: the run is told to accept exports that old
    const orders = ['order_id,customer_id,order_date,amount', 'O6,C6,2024-01-01,50'];
    const none = await runMarts({ ...FILES, 'orders.csv': orders }, '2026-06-30', { as_of: { max_days_after_last_order: 1000 } });
    try {
      expect(
        await none.rows(
          'select buying_customers, ticket_q1::double as ticket_q1, ticket_median::double as ticket_median, ticket_q3::double as ticket_q3, ticket_max::double as ticket_max from customer_tickets',
        ),
      ).toEqual([{ buying_customers: 0, ticket_q1: null, ticket_median: null, ticket_q3: null, ticket_max: null }]);
    } finally {
      none.close();
    }
  });
});
