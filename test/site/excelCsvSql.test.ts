import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePartsInDuckDB, writePartsInJs } from '../../src/integrations/martDownloads.ts';
import { csvHeader, csvLines, csvParts, type CsvColumn } from '../../src/lib/excelCsv.ts';
import { CSV_MACROS_SQL, csvLineSql } from '../../src/lib/excelCsvSql.ts';
import { listMarts, martColumns, sqlIdent, withConnection } from '../../src/lib/readMart.ts';
import { tempDir, tempMartsDir } from '../helpers/fixtures.ts';

/** Values that trip number and text formatting: exponents either side, integral doubles, formulas, quotes, breaks. */
const EDGE_ROWS = `
  (0::double, 0.10::decimal(18,2), '=1+1', true, date '2026-01-31', timestamp '2026-03-04 05:06:07.89', 7, 9007199254740993),
  (-0.0::double, -1234.56, '+55 11 9999', false, date '1999-12-31', null, -3, -9007199254740993),
  (5, 1234567890123456.78, '-1.234,56', null, null, timestamp '1970-01-01 00:00:00', null, null),
  (-5, null, '@SUM(A1)', true, date '2000-02-29', null, 0, 0),
  (0.1, 0.01, chr(9) || 'tab', true, null, null, 1, 1),
  (1.0 / 3, 99.99, chr(13) || 'cr', true, null, null, 1, 1),
  (1e-7, 0, 'a; b', true, null, null, 1, 1),
  (1.5e-7, 0, 'diz "oi"', true, null, null, 1, 1),
  (-2.5e-8, 0, 'linha 1' || chr(10) || 'linha 2', true, null, null, 1, 1),
  (1e-5, 0, '', true, null, null, 1, 1),
  (0.00001234, 0, null, true, null, null, 1, 1),
  (1e15, 0, 'ação ç', true, null, null, 1, 1),
  (1e16, 0, 'x' || chr(1) || 'y', true, null, null, 1, 1),
  (1.2345e17, 0, ' espaço ', true, null, null, 1, 1),
  (123456789012345680000, 0, 'a"b', true, null, null, 1, 1),
  (1e21, 0, 'fim;', true, null, null, 1, 1),
  (-1.5e22, 0, '=', true, null, null, 1, 1),
  ('NaN'::double, 0, 'n', true, null, null, 1, 1),
  ('Infinity'::double, 0, 'i', true, null, null, 1, 1),
  ('-Infinity'::double, 0, 'j', true, null, null, 1, 1),
  (null, 0, 'k', true, null, null, 1, 1),
  (5e-324, 0, 'l', true, null, null, 1, 1),
  (1.7976931348623157e308, 0, 'm', true, null, null, 1, 1)`;

describe('the CSV lines written by DuckDB', () => {
  const out = tempDir('carteira-csvsql-out-');

  // The edge rows, then 30,000 random doubles from 1e-9 to 1e22 in magnitude (and decimals beside them).
  tempMartsDir('carteira-csvsql-marts-', async (connection, dir) => {
    await connection.run(`select setseed(0.25)`);
    await connection.run(`copy (
        select * from (values ${EDGE_ROWS}) t(x, revenue, label, flag, day, moment, n, big)
        union all
        select (random() - 0.5) * pow(10, floor(random() * 32) - 9), (random() * 1e9)::decimal(18,2), 'linha ' || i,
          i % 3 = 0, date '2020-01-01' + (i % 2000)::integer, timestamp '2020-01-01' + to_seconds(i * 37), i::integer, i * 1234567
        from range(30000) r(i)
      ) to '${join(dir, 'every_type.parquet')}' (format parquet)`);
  });
  afterAll(() => out.cleanup());

  it("are byte for byte the JavaScript writer's, plain and zipped, in parts", async () => {
    const [mart] = await listMarts();
    const types = await martColumns(mart!.name);
    expect(types.map((t) => t.type)).toEqual(['DOUBLE', 'DECIMAL(18,2)', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'INTEGER', 'BIGINT']);
    const columns: CsvColumn[] = types.map((t) => ({ ...t, header: t.name === 'label' ? 'Rótulo' : t.name }));
    const line = csvLineSql(columns, (column) => sqlIdent(column.name))!;
    for (const writer of ['duckdb', 'js']) mkdirSync(join(out.dir, writer));
    for (const limits of [{}, { maxRows: 7_000 }, { maxRows: 7_000, zipAboveBytes: 0 }]) {
      const parts = csvParts(mart!.name, mart!.rows, columns.length, limits);
      await writePartsInDuckDB(mart!, parts, csvHeader(columns), line, join(out.dir, 'duckdb'));
      await writePartsInJs(mart!, parts, columns, types, join(out.dir, 'js'));
      for (const part of parts) expect(readFileSync(join(out.dir, 'duckdb', part.file)).equals(readFileSync(join(out.dir, 'js', part.file)))).toBe(true);
    }
    // No scratch file is left behind.
    expect(readdirSync(join(out.dir, 'duckdb')).filter((file) => file.startsWith('.'))).toEqual([]);
  });

  it('write the numbers as JavaScript does: no exponent between 1e-6 and 1e21, no trailing ,0', async () => {
    const text = readFileSync(join(out.dir, 'duckdb', 'every_type.csv'), 'utf8');
    const first = text
      .split('\r\n')
      .slice(1, 17)
      .map((row) => row.split(';')[0]);
    expect(first).toEqual([
      '0',
      '0',
      '5',
      '-5',
      '0,1',
      '0,3333333333333333',
      '0,0000001',
      '0,00000015',
      '-0,000000025',
      '0,00001',
      '0,00001234',
      '1000000000000000',
      '10000000000000000',
      '123450000000000000',
      '123456789012345680000',
      '1e+21',
    ]);
  });

  it('replace a coded value by its label and leave an unknown key as it is', async () => {
    const columns: CsvColumn[] = [
      {
        name: 'status',
        type: 'VARCHAR',
        labels: new Map([
          ['at_risk', 'Em risco'],
          ['lost', '=Perdido; "ex"'],
        ]),
      },
    ];
    const rows = [{ status: 'at_risk' }, { status: 'lost' }, { status: 'novo' }, { status: null }];
    const line = csvLineSql(columns, () => 'status')!;
    const sql = await withConnection(async (connection) => {
      await connection.run(CSV_MACROS_SQL);
      const values = rows.map((row) => (row.status === null ? '(null)' : `('${row.status}')`)).join(', ');
      const reader = await connection.runAndReadAll(`select ${line} as line from (values ${values}) t(status)`);
      return reader
        .getRowsJS()
        .map(([text]) => `${text}\n`)
        .join('');
    });
    expect(sql).toBe(csvLines(columns, rows));
    expect(sql).toBe('Em risco\r\n"\'=Perdido; ""ex"""\r\nnovo\r\n\r\n');
  });

  it('have no twin for a column computed in JavaScript or of a nested type, so such a mart keeps the JavaScript writer', () => {
    expect(csvLineSql([{ name: 'a', type: 'VARCHAR', value: () => 'x' }], (c) => c.name)).toBeNull();
    expect(csvLineSql([{ name: 'a', type: 'INTEGER[]' }], (c) => c.name)).toBeNull();
    expect(csvLineSql([{ name: 'a', type: 'TIMESTAMP WITH TIME ZONE' }], (c) => c.name)).toBeNull();
  });
});
