import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

// as-of 2026-06-30: the renewals mart looks back 90 days (ends from 2026-04-01) and gives 30 grace days
beforeAll(async () => {
  marts = await runMarts(
    {
      'customers.csv': ['customer_id,name', ...['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'].map((id) => `${id},Cliente ${id} Ltda`)],
      'orders.csv': ['order_id,customer_id,order_date,amount', 'O1,R1,2026-06-01,100'],
      'contracts.csv': [
        'contract_id,customer_id,start_date,end_date,monthly_value,product_id,status',
        // renewed: A2 starts the day after A1 ends; G2 the day after G1
        'A1,R1,2025-05-16,2026-05-15,100,X,',
        'A2,R1,2026-05-16,2027-05-15,100,X,',
        'G1,R7,2025-06-01,2026-05-31,100,X,',
        'G2,R7,2026-06-01,2027-05-31,100,X,',
        // not renewed: ended more than 30 days ago with no later contract
        'B1,R2,2025-05-11,2026-05-10,100,X,',
        'F1,R6,2025-04-21,2026-04-20,100,X,',
        // in grace: ended 10 days ago
        'C1,R3,2025-06-21,2026-06-20,100,X,',
        // canceled: one already past its end, one with its end still ahead
        'D1,R4,2025-05-21,2026-05-20,100,X,cancelado',
        'E1,R5,2025-09-01,2026-08-31,100,X,cancelado',
        // due: ends in 15 days, not ended yet
        'H1,R8,2025-07-16,2026-07-15,100,X,',
      ],
    },
    '2026-06-30',
  );
});
afterAll(() => marts.close());

describe('renewal_rates', () => {
  it('counts the ended or canceled contracts by outcome and states the renewal rate with and without the cancellations', async () => {
    const rows = await marts.rows(
      `select ended_contracts, renewed_contracts, not_renewed_contracts, in_grace_contracts, canceled_contracts,
              round(renewal_rate, 6) as renewal_rate, round(renewal_rate_with_cancellations, 6) as renewal_rate_with_cancellations,
              as_of_date::varchar as as_of_date
       from renewal_rates`,
    );
    // ended or canceled: A1, G1, B1, F1, C1, D1, E1 = 7 (H1 is still due);
    // without cancellations: 2 renewed ÷ (2 renewed + 2 not renewed) = 0.5 (C1 in grace is undecided);
    // with them: 2 ÷ (2 + 2 + 2 canceled) = 0.333333
    expect(rows).toEqual([
      {
        ended_contracts: 7,
        renewed_contracts: 2,
        not_renewed_contracts: 2,
        in_grace_contracts: 1,
        canceled_contracts: 2,
        renewal_rate: 0.5,
        renewal_rate_with_cancellations: 0.333333,
        as_of_date: '2026-06-30',
      },
    ]);
  });
});
