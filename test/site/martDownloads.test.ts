import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMartCsv } from '../../src/integrations/martDownloads.ts';
import { csvParts } from '../../src/lib/excelCsv.ts';
import { listMarts } from '../../src/lib/readMart.ts';
import { tempDir } from '../helpers/fixtures.ts';

describe('csvParts', () => {
  it('keeps one file when the mart fits in an Excel sheet', () => {
    expect(csvParts('customers', 1_048_575)).toEqual([{ file: 'customers.csv', firstRow: 1, lastRow: 1_048_575 }]);
    expect(csvParts('rejects', 0)).toEqual([{ file: 'rejects.csv', firstRow: 0, lastRow: 0 }]);
  });

  it('splits a mart past the sheet limit into parts that each fit, numbered "parte i de n"', () => {
    expect(csvParts('sales_cube', 1_887_354)).toEqual([
      { file: 'sales_cube-parte-1-de-2.csv', firstRow: 1, lastRow: 1_048_575 },
      { file: 'sales_cube-parte-2-de-2.csv', firstRow: 1_048_576, lastRow: 1_887_354 },
    ]);
    expect(csvParts('m', 7, 3).map((p) => [p.file, p.firstRow, p.lastRow])).toEqual([
      ['m-parte-1-de-3.csv', 1, 3],
      ['m-parte-2-de-3.csv', 4, 6],
      ['m-parte-3-de-3.csv', 7, 7],
    ]);
  });
});

describe('writeMartCsv', () => {
  const marts = tempDir('carteira-csv-marts-');
  const out = tempDir('carteira-csv-out-');
  const previous = process.env.CARTEIRA_MARTS_DIR;

  beforeAll(async () => {
    // 5,000 rows: more than one DuckDB chunk (2,048 rows), so parts also break inside and across chunks.
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`copy (select i::integer as n, 'linha ' || i as label from range(1, 5001) t(i) order by i)
      to '${join(marts.dir, 'numbers.parquet')}' (format parquet)`);
    connection.closeSync();
    instance.closeSync();
    process.env.CARTEIRA_MARTS_DIR = marts.dir;
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.CARTEIRA_MARTS_DIR;
    else process.env.CARTEIRA_MARTS_DIR = previous;
    marts.cleanup();
    out.cleanup();
  });

  it('writes every row once, in order, each part with the BOM and the header and no more rows than allowed', async () => {
    const [mart] = await listMarts();
    const parts = await writeMartCsv(mart!, out.dir, 3000);
    expect(parts.map((p) => p.file)).toEqual(['numbers-parte-1-de-2.csv', 'numbers-parte-2-de-2.csv']);
    expect(readdirSync(out.dir).sort()).toEqual(['numbers-parte-1-de-2.csv', 'numbers-parte-2-de-2.csv']);
    const lines = parts.map((p) => readFileSync(join(out.dir, p.file), 'utf8').split('\r\n').slice(0, -1));
    for (const file of lines) expect(file[0]).toBe('\ufeffn;label');
    expect(lines.map((file) => file.length - 1)).toEqual([3000, 2000]);
    expect(lines[0]![1]).toBe('1;linha 1');
    expect(lines[0]![3000]).toBe('3000;linha 3000');
    expect(lines[1]![1]).toBe('3001;linha 3001');
    expect(lines[1]![2000]).toBe('5000;linha 5000');
  });

  it('writes a single <mart>.csv when the rows fit', async () => {
    const [mart] = await listMarts();
    const parts = await writeMartCsv(mart!, out.dir);
    expect(parts).toEqual([{ file: 'numbers.csv', firstRow: 1, lastRow: 5000 }]);
    expect(readFileSync(join(out.dir, 'numbers.csv'), 'utf8').split('\r\n').length).toBe(5002);
  });
});
