import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, sqlString } from '../../pipelines/warehouse/database.ts';
import { parseMacros } from '../../pipelines/load/parseMacros.ts';

// What Excel leaves in a CSV when a column was formatted as a number: codes in scientific notation
// (digits lost) and dates as serial numbers, told apart from real codes and dates; and the accounting
// format's amounts, read as the numbers they are.

describe('values Excel turned into numbers', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
    for (const sql of parseMacros()) await db.run(sql);
  });
  afterAll(() => db.close());

  const test = async (macro: string, value: string) => (await db.rows<{ v: boolean }>(`select ${macro}(${sqlString(value)}) as v`))[0]!.v;

  it('recognizes a code Excel wrote in scientific notation, in either decimal convention', async () => {
    for (const value of ['1,23457E+13', '1.23457E+13', '4E+11', '9,99999e+17']) expect(await test('is_excel_scientific', value), value).toBe(true);
  });

  it('leaves codes that only resemble it alone', async () => {
    for (const value of ['C00123', '12345678901234', '1E5', '2E-10', 'PED+0001', '12E+10', 'A1,2E+13', '1,2E+13 x']) {
      expect(await test('is_excel_scientific', value), value).toBe(false);
    }
  });

  it('recognizes a date saved as its serial number, with or without the time as decimals', async () => {
    for (const value of ['46031', '45678,5', '45678.75']) expect(await test('is_excel_date_serial', value), value).toBe(true);
  });

  it('does not take compact dates, short numbers or other text for a serial', async () => {
    for (const value of ['20260109', '2026', '04567', '123456', '32/01/2026']) expect(await test('is_excel_date_serial', value), value).toBe(false);
  });

  const number = async (value: string) => (await db.rows<{ v: string | null }>(`select cast(parse_number(${sqlString(value)}, true) as VARCHAR) as v`))[0]!.v;

  it("reads the accounting format's zero (R$ -) as zero and its negatives in parentheses, the symbol inside or out", async () => {
    expect(await number('R$ -')).toBe('0.000000');
    expect(await number('R$ -   ')).toBe('0.000000');
    expect(await number('R$ (1.234,56)')).toBe('-1234.560000');
    expect(await number('(R$ 1.234,56)')).toBe('-1234.560000');
    expect(await number('-R$ 1.234,56')).toBe('-1234.560000');
  });

  it('leaves a bare dash and other currencies unread, for the loader to report', async () => {
    for (const value of ['-', '- R$', 'US$ 10,00']) expect(await number(value), value).toBeNull();
  });

  it('reads neither shape as a date', async () => {
    expect((await db.rows<{ v: unknown }>(`select parse_date('46031') as v`))[0]!.v).toBeNull();
  });
});
