import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { parseMacros } from '../../pipelines/load/parseMacros.ts';

// dd/mm/aa dates and mm/aa months: years 00-49 are 20aa, 50-99 are 19aa (a fixed window, no clock).

describe('two-digit years', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
    for (const sql of parseMacros()) await db.run(sql);
  });
  afterAll(() => db.close());

  const read = async (sql: string) => (await db.rows<{ v: string | null }>(`select strftime(${sql}, '%Y-%m-%d') as v`))[0]!.v;

  it('reads 03/01/19 as the 3rd of January 2019', async () => {
    expect(await read(`parse_date('03/01/19')`)).toBe('2019-01-03');
  });

  it('reads 15/08/95 as 1995 and keeps a time after the date', async () => {
    expect(await read(`parse_date('15/08/95')`)).toBe('1995-08-15');
    expect(await read(`parse_date('31/12/49 23:10')`)).toBe('2049-12-31');
  });

  it('still reads four-digit years and ISO dates as before', async () => {
    expect(await read(`parse_date('03/01/2019')`)).toBe('2019-01-03');
    expect(await read(`parse_date('2019-01-03')`)).toBe('2019-01-03');
  });

  it('reads the months 10/26 and out/26 as October 2026', async () => {
    expect(await read(`parse_month('10/26')`)).toBe('2026-10-01');
    expect(await read(`parse_month('out/26')`)).toBe('2026-10-01');
    expect(await read(`parse_month('Out/2026')`)).toBe('2026-10-01');
    expect(await read(`parse_month('2026-10')`)).toBe('2026-10-01');
  });
});
