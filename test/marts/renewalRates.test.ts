import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

// as-of 2026-06-30: the renewals mart looks back 90 days (ends from 2026-04-01) and forward 90 (to 2026-09-28), and gives 30 grace days
beforeAll(async () => {
  marts = await runMarts(
    {
      'customers.csv': ['customer_id,name', ...['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11'].map((id) => `${id},Cliente ${id} Ltda`)],
      'orders.csv': ['order_id,customer_id,order_date,amount', 'O1,R1,2026-06-01,100'],
      'contracts.csv': [
        'contract_id,customer_id,start_date,end_date,monthly_value,product_id,status',
        // renewed: A2 starts the day after A1 ends; G2 the day after G1
        'A1,R1,2025-05-16,2026-05-15,100,X,',
        'A2,R1,2026-05-16,2027-05-15,100,X,',
        'G1,R7,2025-06-01,2026-05-31,200,X,',
        'G2,R7,2026-06-01,2027-05-31,200,X,',
        // not renewed: ended more than 30 days ago with no later contract
        'B1,R2,2025-05-11,2026-05-10,300,X,',
        'F1,R6,2025-04-21,2026-04-20,400,X,',
        // in grace: ended 10 days ago
        'C1,R3,2025-06-21,2026-06-20,500,X,',
        // canceled: one already past its end, one with its end still ahead
        'D1,R4,2025-05-21,2026-05-20,600,X,cancelado',
        'E1,R5,2025-09-01,2026-08-31,700,X,cancelado',
        // due: ends in 15 days (2026-07-15), 51 days (2026-08-20: 31 to 31/07, 20 more) and 82 days (2026-09-20: 51 + 31)
        'H1,R8,2025-07-16,2026-07-15,800,X,',
        'L1,R11,2025-08-21,2026-08-20,50,X,',
        'K1,R10,2025-09-21,2026-09-20,900,X,',
        // renewed before its end: J1 ends in 20 days (2026-07-20), J2 started 25 days before that
        'J1,R9,2025-07-21,2026-07-20,250,X,',
        'J2,R9,2026-06-25,2027-06-24,250,X,',
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

  it('sums the monthly value of the ended or canceled contracts by outcome', async () => {
    const rows = await marts.rows(
      `select renewed_monthly_value::double as renewed, not_renewed_monthly_value::double as not_renewed,
              in_grace_monthly_value::double as in_grace, canceled_monthly_value::double as canceled
       from renewal_rates`,
    );
    // renewed A1 100 + G1 200 = 300; not renewed B1 300 + F1 400 = 700; in grace C1 500; canceled D1 600 + E1 700 = 1300
    expect(rows).toEqual([{ renewed: 300, not_renewed: 700, in_grace: 500, canceled: 1300 }]);
  });
});

describe('renewal_windows', () => {
  it('sums the contracts still to end, not canceled, by 30-day window and outcome, and over all of them', async () => {
    const rows = await marts.rows(
      `select from_day, to_day, renewal_status, contracts, monthly_value::double as monthly_value, as_of_date::varchar as as_of_date
       from renewal_windows order by from_day nulls last, renewal_status`,
    );
    // 0-30 days: H1 due (15 days, 800) and J1 renewed (20 days, 250); 31-60: L1 due (51 days, 50);
    // 61-90: K1 due (82 days, 900); E1 (canceled) and the ended contracts are left out; every window shows both outcomes.
    // All of them: due H1 + L1 + K1 = 3 contracts, 800 + 50 + 900 = 1750; renewed J1 = 1 contract, 250
    const asOf = '2026-06-30';
    expect(rows).toEqual([
      { from_day: 0, to_day: 30, renewal_status: 'due', contracts: 1, monthly_value: 800, as_of_date: asOf },
      { from_day: 0, to_day: 30, renewal_status: 'renewed', contracts: 1, monthly_value: 250, as_of_date: asOf },
      { from_day: 31, to_day: 60, renewal_status: 'due', contracts: 1, monthly_value: 50, as_of_date: asOf },
      { from_day: 31, to_day: 60, renewal_status: 'renewed', contracts: 0, monthly_value: 0, as_of_date: asOf },
      { from_day: 61, to_day: 90, renewal_status: 'due', contracts: 1, monthly_value: 900, as_of_date: asOf },
      { from_day: 61, to_day: 90, renewal_status: 'renewed', contracts: 0, monthly_value: 0, as_of_date: asOf },
      { from_day: null, to_day: null, renewal_status: 'due', contracts: 3, monthly_value: 1750, as_of_date: asOf },
      { from_day: null, to_day: null, renewal_status: 'renewed', contracts: 1, monthly_value: 250, as_of_date: asOf },
    ]);
  });
});
