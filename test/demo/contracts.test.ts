import { describe, expect, it } from 'vitest';
import { dayOf } from '../../pipelines/demo/calendar.ts';
import type { Product } from '../../pipelines/demo/catalog.ts';
import { buildContracts } from '../../pipelines/demo/contracts.ts';
import type { Customer } from '../../pipelines/demo/customers.ts';
import { Rng } from '../../pipelines/demo/random.ts';

// The generated data must be data the loader accepts: at 10 million lines the generator wrote 9 contracts
// ending before they began (customers that had stopped buying before contracts could start, in June 2022).

describe('demo contracts', () => {
  it('never end before they start, even for a customer that stopped buying before contracts existed', () => {
    const customers = Array.from(
      { length: 200 },
      (_, index) =>
        ({
          index,
          id: `C${index}`,
          buys: true,
          listed: true,
          segment: 'Supermercado',
          band: 'large',
          size: 10,
          basket: [0],
          basketCum: [1],
          createdAt: dayOf(2021, 1, 1),
          stopDay: dayOf(2021, 3, 1) + index,
        }) as unknown as Customer,
    );
    const rows = buildContracts(customers, [{ id: 'P1' } as Product], new Rng(7));
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter(([, , start, end]) => (end as number) < (start as number))).toEqual([]);
  });
});
