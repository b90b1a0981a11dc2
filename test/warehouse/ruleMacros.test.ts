import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { createRuleMacros } from '../../pipelines/warehouse/runModels.ts';

describe('the shared rule macros', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
    await db.run("set variable as_of_date = date '2026-03-15'"); // the partial-month rule reads it
    await createRuleMacros(db);
  });
  afterAll(() => db.close());

  const windowsOf = async (months: Array<[string, boolean]>) => {
    await db.run('create or replace table months (month date, is_partial_month boolean)');
    if (months.length) await db.run(`insert into months values ${months.map(([m, p]) => `(date '${m}', ${p})`).join(', ')}`);
    return db.rows('select period, window_start, window_end from complete_month_windows(months) order by period');
  };

  it('ends the windows on the latest complete month, the running one left out', async () => {
    expect(
      await windowsOf([
        ['2026-01-01', false],
        ['2026-02-01', false],
        ['2026-03-01', true],
      ]),
    ).toEqual([
      { period: 'last_12_months', window_start: '2026-01-01', window_end: '2026-02-01' },
      { period: 'last_month', window_start: '2026-02-01', window_end: '2026-02-01' },
    ]);
  });

  it('takes 12 months when the history is longer', async () => {
    // January 2025 to March 2026, all complete: April 2025 to March 2026
    const months = Array.from({ length: 15 }, (_, i): [string, boolean] => [new Date(Date.UTC(2025, i, 1)).toISOString().slice(0, 10), false]);
    expect(await windowsOf(months)).toEqual([
      { period: 'last_12_months', window_start: '2025-04-01', window_end: '2026-03-01' },
      { period: 'last_month', window_start: '2026-03-01', window_end: '2026-03-01' },
    ]);
  });

  it('has no window without a complete month', async () => {
    expect(await windowsOf([['2026-03-01', true]])).toEqual([]);
    expect(await windowsOf([])).toEqual([]);
  });

  it('puts the code beside a seller name once, also when the name already carries it (a shared name)', async () => {
    const [row] = await db.rows(`select name_with_code('Bruno Lima', 'V4') as plain, name_with_code('Ana Teixeira (V1)', 'V1') as carried,
      name_with_code('Ana Teixeira (V1)', 'V2') as other_code, name_with_code(null, 'V1') as no_name`);
    expect(row).toEqual({ plain: 'Bruno Lima (V4)', carried: 'Ana Teixeira (V1)', other_code: 'Ana Teixeira (V1) (V2)', no_name: null });
  });

  it('meets a target at or above it, misses it below, and judges nothing without a target or with a target of zero', async () => {
    const rows = await db.rows(
      `select actual, target, is_target_met(actual, target) as met
       from (values (1000.00, 1000.00), (999.99, 1000.00), (1200.00, 1000.00), (500.00, null), (500.00, 0.00), (null, 1000.00)) t(actual, target)`,
    );
    expect(rows.map((r) => r.met)).toEqual([true, false, true, null, null, null]);
  });

  it('labels a seller by name and code, by the code alone without a name, and not at all without a code', async () => {
    const rows = await db.rows(
      `select seller_label(name, code) as label
       from (values ('Ana Lima', 'V1'), (null, 'V9'), ('V9', 'V9'), ('Ana Teixeira (V1)', 'V1'), ('Ana Teixeira (V1)', 'V2'), ('Ana', null)) t(name, code)`,
    );
    // a seller who shares a name already carries the code in the sellers mart: it is not written twice
    expect(rows.map((r) => r.label)).toEqual(['Ana Lima (V1)', 'V9', 'V9', 'Ana Teixeira (V1)', 'Ana Teixeira (V1) (V2)', null]);
  });

  it('multiplies an order line exactly and rounds it once to the cent, also from R$ 1 million on', async () => {
    const rows = await db.rows(
      `select line_amount(cast(q as decimal(18, 6)), cast(p as decimal(18, 6)), cast(d as decimal(18, 6))) as amount
       from (values (1, 3, 19.99, 5.00), (2, 10000, 0.0125, 0), (3, 3, 0.3333, 0), (4, 2.5, 3.333333, 0.004), (5, 1000, 2000.50, 0),
                    (6, 123456.789012, 98765.432109, 1.5), (7, 1, 0.005, 0), (8, 1, -0.005, 0), (9, null, 2.00, 0), (10, 2, null, 0)) t(i, q, p, d)
       order by i`,
    );
    // 2.5 × 3.333333 − 0.004 = 8.3293325; 123,456.789012 × 98,765.432109 − 1.5 = 12,193,263,112.0598...
    // (the 18-digit product overflows from R$ 1 million on: those lines take the 38-digit path); halves away from zero
    expect(rows.map((r) => r.amount)).toEqual(['54.97', '125.00', '1.00', '8.33', '2000500.00', '12193263112.06', '0.01', '-0.01', null, null]);
  });
});
