import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// A year typed wrong (2062 or 1926 for 2026) must not move the as-of date decades ahead or stretch every
// chart back a century: orders cut off from all the others by a long empty gap are rejected, named.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** dd/mm/aaaa of the day `offset` days after 1 January 2026. */
const day = (offset: number) => {
  const d = new Date(Date.UTC(2026, 0, 1 + offset));
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

async function load(lines: string[]): Promise<{ result: LoadResult; rejects: { line: string; value: string; reason_code: string }[] }> {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  writeExport(tmp.dir, 'pedidos.csv', ['pedido;cliente;data;valor', ...lines]);
  const db = await Database.open();
  try {
    const result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    const rejects = await db.rows<{ line: string; value: string; reason_code: string }>('select line, value, reason_code from load_rejects order by line');
    return { result, rejects };
  } finally {
    db.close();
  }
}

/** 100 orders, one a day from 1 January 2026 (the last on 10 April): data lines 2-101. */
const daily = Array.from({ length: 100 }, (_, i) => `P${i};C${i % 9};${day(i)};10`);

describe('orders dated far from all the others', () => {
  it('rejects one order typed 2062 and one typed 1926, and keeps the as-of date at the last real order', async () => {
    const { result, rejects } = await load([...daily, 'X1;C1;05/10/2062;10', 'X2;C2;05/10/1926;10']);
    expect(rejects).toEqual([
      { line: '102', value: '05/10/2062', reason_code: 'isolated_date' },
      { line: '103', value: '05/10/1926', reason_code: 'isolated_date' },
    ]);
    expect(result.asOf).toBe('2026-04-10');
    expect(result.invoicedOrders.first).toBe('2026-01-01');
  });

  it('keeps a gap of a year before the data (2 years are needed) and of 11 months after it', async () => {
    const { rejects, result } = await load([...daily, 'X1;C1;01/01/2025;10', 'X2;C2;10/03/2027;10']);
    expect(rejects).toEqual([]);
    expect(result.asOf).toBe('2027-03-10');
  });

  it('keeps an early period of more than 3 orders and 1% of them: history, not a typo', async () => {
    const early = Array.from({ length: 4 }, (_, i) => `E${i};C1;0${i + 1}/03/2019;10`);
    const { rejects } = await load([...daily, ...early]);
    expect(rejects).toEqual([]);
  });

  it('leaves sparse data alone: a few orders a year apart have long gaps of their own', async () => {
    const sparse = ['P1;C1;10/02/2018;10', 'P2;C1;03/05/2020;10', 'P3;C2;20/03/2022;10', 'P4;C3;15/06/2024;10', 'P5;C3;01/04/2026;10'];
    const { rejects, result } = await load(sparse);
    expect(rejects).toEqual([]);
    expect(result.invoicedOrders.first).toBe('2018-02-10');
  });
});
