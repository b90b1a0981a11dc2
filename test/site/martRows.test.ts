import { describe, expect, expectTypeOf, it } from 'vitest';
import { type MartRow, martSchema } from '../../src/lib/martRows.ts';

const month = new Date('2026-01-01T00:00:00Z');

describe('MartRow, the row type derived from a mart spec', () => {
  it('maps each unit to its JS type and adds null where the contract allows NULL', () => {
    type Kpi = MartRow<'kpis_monthly'>;
    // month (month) and orders (count) are never NULL; gross_margin (brl) may be; revenue is marked 'not null'.
    expectTypeOf<Kpi['month']>().toEqualTypeOf<Date>();
    expectTypeOf<Kpi['orders']>().toEqualTypeOf<number>();
    expectTypeOf<Kpi['revenue']>().toEqualTypeOf<number>();
    expectTypeOf<Kpi['gross_margin']>().toEqualTypeOf<number | null>();
    expectTypeOf<Kpi['is_partial_month']>().toEqualTypeOf<boolean>();
    // leads_won is a count marked 'nullable' (NULL without a leads file).
    expectTypeOf<Kpi['leads_won']>().toEqualTypeOf<number | null>();
    // text may be NULL unless marked: customers.customer_id is marked, customers.segment is not.
    expectTypeOf<MartRow<'customers'>['customer_id']>().toEqualTypeOf<string>();
    expectTypeOf<MartRow<'customers'>['segment']>().toEqualTypeOf<string | null>();
    expectTypeOf<MartRow<'customers'>['last_order_date']>().toEqualTypeOf<Date | null>();
  });
});

describe('martSchema, the row check built from the same spec', () => {
  const kpis = martSchema('kpis_monthly').pick({ month: true, orders: true, gross_margin: true, leads_won: true });

  it('accepts NULL where the contract allows it', () => {
    expect(kpis.safeParse({ month, orders: 3, gross_margin: null, leads_won: null }).success).toBe(true);
  });

  it('refuses NULL in a count, a negative or fractional count, and a string for a date', () => {
    expect(kpis.safeParse({ month, orders: null, gross_margin: 1, leads_won: 0 }).success).toBe(false);
    expect(kpis.safeParse({ month, orders: -1, gross_margin: 1, leads_won: 0 }).success).toBe(false);
    expect(kpis.safeParse({ month, orders: 1.5, gross_margin: 1, leads_won: 0 }).success).toBe(false);
    expect(kpis.safeParse({ month: '2026-01-01', orders: 1, gross_margin: 1, leads_won: 0 }).success).toBe(false);
  });

  it('is built once per mart', () => {
    expect(martSchema('kpis_monthly')).toBe(martSchema('kpis_monthly'));
  });
});
