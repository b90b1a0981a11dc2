import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, sqlString } from '../../pipelines/warehouse/database.ts';
import { parseMacros } from '../../pipelines/load/parseMacros.ts';

// Dates that spell their month (Excel's dd/mmm/aa, "5 de outubro de 2026", English systems' 05-Oct-26):
// the name settles the order, so they read the same in a column whose other dates are mm/dd.

describe('dates with the month spelled out', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
    for (const sql of parseMacros()) await db.run(sql);
  });
  afterAll(() => db.close());

  const read = async (value: string, monthFirst = false) =>
    (await db.rows<{ v: string | null }>(`select strftime(parse_date(${sqlString(value)}, ${monthFirst}), '%Y-%m-%d') as v`))[0]!.v;

  it('reads Portuguese and English month names and abbreviations, any case, with or without accents', async () => {
    const cases: [string, string][] = [
      ['05/out/2026', '2026-10-05'],
      ['05/OUT/26', '2026-10-05'],
      ['5 de outubro de 2026', '2026-10-05'],
      ['05 de out. de 2026', '2026-10-05'],
      ['05-Oct-26', '2026-10-05'],
      ['05/março/2026', '2026-03-05'],
      ['5-Mar-1998', '1998-03-05'],
      ['1.set.2026', '2026-09-01'],
      ['31/dez/2025 23:59', '2025-12-31'],
    ];
    for (const [value, expected] of cases) expect(await read(value), value).toBe(expected);
  });

  it('reads them the same in a column proven month first', async () => {
    expect(await read('05/out/2026', true)).toBe('2026-10-05');
    expect(await read('05/10/2026', true)).toBe('2026-05-10');
  });

  it('rejects impossible days and words that are no month', async () => {
    for (const value of ['31/fev/2026', '05/xyz/2026', '05/outro/2026', 'out/2026']) expect(await read(value), value).toBeNull();
  });

  it('reads Brazilian dates with milliseconds or a 12-hour time after them', async () => {
    expect(await read('05/10/2026 14:33:00.000')).toBe('2026-10-05');
    expect(await read('25/10/2026 2:33 PM')).toBe('2026-10-25');
    expect(await read('05/10/2026 02:33:10 AM')).toBe('2026-10-05');
    expect(await read('10/05/2026 14:33:00.000', true)).toBe('2026-10-05');
  });

  it('gives the month of such a date to a month column', async () => {
    expect((await db.rows<{ v: string }>(`select strftime(parse_month('05/out/2026'), '%Y-%m-%d') as v`))[0]!.v).toBe('2026-10-01');
  });
});
