import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { writeMartCsv } from '../../src/integrations/martDownloads.ts';
import { csvParts } from '../../src/lib/excelCsv.ts';
import { listMarts } from '../../src/lib/readMart.ts';
import { tempDir, tempMartsDir } from '../helpers/fixtures.ts';

describe('csvParts', () => {
  it('keeps one plain file when the mart fits in an Excel sheet and is small', () => {
    expect(csvParts('customers', 2_000, 45)).toEqual([{ file: 'customers.csv', csv: 'customers.csv', zipped: false, firstRow: 1, lastRow: 2_000 }]);
    expect(csvParts('rejects', 0, 10)).toEqual([{ file: 'rejects.csv', csv: 'rejects.csv', zipped: false, firstRow: 0, lastRow: 0 }]);
  });

  it('splits a mart past the sheet limit into parts that each fit, numbered "parte i de n"', () => {
    expect(csvParts('m', 7, 2, { maxRows: 3 }).map((p) => [p.file, p.firstRow, p.lastRow])).toEqual([
      ['m-parte-1-de-3.csv', 1, 3],
      ['m-parte-2-de-3.csv', 4, 6],
      ['m-parte-3-de-3.csv', 7, 7],
    ]);
  });

  it('zips the parts of a big mart: 1,048,575 rows × 16 columns × 12 bytes is about 201 MB, over 20 MB', () => {
    expect(csvParts('sales_cube', 1_887_354, 16)).toEqual([
      { file: 'sales_cube-parte-1-de-2.csv.zip', csv: 'sales_cube-parte-1-de-2.csv', zipped: true, firstRow: 1, lastRow: 1_048_575 },
      { file: 'sales_cube-parte-2-de-2.csv.zip', csv: 'sales_cube-parte-2-de-2.csv', zipped: true, firstRow: 1_048_576, lastRow: 1_887_354 },
    ]);
    // 60,750 rows × 16 × 12 = 11.7 MB: the demo's sales_cube stays a plain CSV.
    expect(csvParts('sales_cube', 60_750, 16)[0]!.zipped).toBe(false);
  });
});

describe('writeMartCsv', () => {
  const out = tempDir('carteira-csv-out-');
  const lines = (text: string) => text.split('\r\n').slice(0, -1);

  // 5,000 rows: more than one DuckDB chunk (2,048 rows), so parts also break inside and across chunks.
  tempMartsDir('carteira-csv-marts-', async (connection, dir) => {
    await connection.run(`copy (select i::integer as n, 'linha ' || i as label from range(1, 5001) t(i) order by i)
      to '${join(dir, 'numbers.parquet')}' (format parquet)`);
  });
  afterAll(() => out.cleanup());

  it('writes every row once, in order, each part with the BOM and the header and no more rows than allowed', async () => {
    const [mart] = await listMarts();
    const parts = await writeMartCsv(mart!, out.dir, { maxRows: 3000 });
    expect(parts.map((p) => p.file)).toEqual(['numbers-parte-1-de-2.csv', 'numbers-parte-2-de-2.csv']);
    const files = parts.map((p) => lines(readFileSync(join(out.dir, p.file), 'utf8')));
    for (const file of files) expect(file[0]).toBe('\ufeffn;label');
    expect(files.map((file) => file.length - 1)).toEqual([3000, 2000]);
    expect(files[0]![1]).toBe('1;linha 1');
    expect(files[0]![3000]).toBe('3000;linha 3000');
    expect(files[1]![1]).toBe('3001;linha 3001');
    expect(files[1]![2000]).toBe('5000;linha 5000');
  });

  it('writes a single <mart>.csv when the rows fit', async () => {
    const [mart] = await listMarts();
    const parts = await writeMartCsv(mart!, out.dir);
    expect(parts.map((p) => p.file)).toEqual(['numbers.csv']);
    expect(lines(readFileSync(join(out.dir, 'numbers.csv'), 'utf8'))).toHaveLength(5001);
  });

  it('zips big parts: each .zip holds its CSV, byte for byte the plain one', async () => {
    const [mart] = await listMarts();
    await writeMartCsv(mart!, out.dir);
    const plain = readFileSync(join(out.dir, 'numbers.csv'));
    const parts = await writeMartCsv(mart!, out.dir, { maxRows: 3000, zipAboveBytes: 1_000 });
    expect(parts.map((p) => p.file)).toEqual(['numbers-parte-1-de-2.csv.zip', 'numbers-parte-2-de-2.csv.zip']);
    const texts = parts.map((p) => {
      const entries = unzipSync(readFileSync(join(out.dir, p.file)));
      expect(Object.keys(entries)).toEqual([p.csv]);
      return Buffer.from(entries[p.csv]!).toString('utf8');
    });
    expect(texts[0]!.startsWith('\ufeffn;label\r\n1;linha 1\r\n')).toBe(true);
    expect(texts[1]!.startsWith('\ufeffn;label\r\n3001;linha 3001\r\n')).toBe(true);
    // Both parts together, less the second header, are the single file.
    expect(texts[0]! + texts[1]!.slice('\ufeffn;label\r\n'.length)).toBe(plain.toString('utf8'));
    expect(readFileSync(join(out.dir, parts[0]!.file)).length).toBeLessThan(plain.length / 3);
  });
});
