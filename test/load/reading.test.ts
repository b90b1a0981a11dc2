import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { checkRecordCount } from '../../pipelines/load/readingIssues.ts';
import type { RawFile } from '../../pipelines/load/prepareFile.ts';
import { tempDir } from '../helpers/fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

type Reject = { line: string; column: string | null; value: string | null; reason_code: string; severity: string };

/** Writes the files (name → bytes), loads the folder and returns the summary, the rejects and some src rows. */
async function load(files: Record<string, string | Buffer>, query = 'select order_id, customer_id from src_orders order by rowid') {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp.dir, name), content);
  const db = await Database.open();
  try {
    const result: LoadResult = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir, asOf: '2026-12-31' });
    const rejects = await db.rows<Reject>('select line, "column", value, reason_code, severity from load_rejects order by file, line');
    return { result, rejects, rows: await db.rows(query), file: result.summary.files[0]! };
  } finally {
    db.close();
  }
}

const H = 'pedido;cliente;data;valor\n';
const row = (i: number) => `P${i};C${i};01/01/2026;10\n`;

describe('reading failures that DuckDB alone would let pass in silence', () => {
  it('rejects only line 3 of 10 when its quote never closes, and loads the other 9', async () => {
    const lines = Array.from({ length: 10 }, (_, k) => (k === 1 ? 'P3;"C3;01/01/2026;10\n' : row(k + 2)));
    const { file, rejects, rows } = await load({ 'pedidos.csv': H + lines.join('') });
    expect(file).toMatchObject({ read: 10, loaded: 9, rejected: 1 });
    expect(rejects).toEqual([{ line: '3', column: 'cliente', value: '"C3', reason_code: 'unterminated_quote', severity: 'reject' }]);
    expect(rows).toHaveLength(9);
    expect(rows.at(-1)).toEqual({ order_id: 'P11', customer_id: 'C11' });
  });

  it('reads a UTF-8 file with one Windows-1252 byte as UTF-8, warning that line only', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${H}P1;São Paulo;01/01/2026;10\nP2;Jos`),
      Buffer.from([0xe9]),
      Buffer.from(';01/01/2026;10\nP3;Ação;01/01/2026;10\n'),
    ]);
    const { file, rejects, rows } = await load({ 'pedidos.csv': bytes });
    expect(file).toMatchObject({ encoding: 'utf-8', read: 3, loaded: 3, rejected: 0, warnings: 1 });
    expect(rows).toEqual([
      { order_id: 'P1', customer_id: 'São Paulo' },
      { order_id: 'P2', customer_id: 'José' },
      { order_id: 'P3', customer_id: 'Ação' },
    ]);
    expect(rejects).toEqual([{ line: '3', column: 'cliente', value: 'José', reason_code: 'mixed_encoding', severity: 'warning' }]);
  });

  it('reads as UTF-8 a file whose header has the only valid accent and one line a stray byte (a tie goes to UTF-8)', async () => {
    const bytes = Buffer.concat([Buffer.from('pedido;Código do Cliente;data;valor\nP1;Jo'), Buffer.from([0xe3]), Buffer.from('o;01/01/2026;10\n')]);
    const { file, rows } = await load({ 'pedidos.csv': bytes });
    expect(file).toMatchObject({ encoding: 'utf-8', loaded: 1, warnings: 1 });
    expect(rows).toEqual([{ order_id: 'P1', customer_id: 'João' }]);
  });

  it('keeps a row whose unquoted field holds a stray CR, reading it as a space, and numbers later lines right', async () => {
    const { file, rejects, rows } = await load({ 'pedidos.csv': `${H}P1;C1\rX;01/01/2026;10\nP2;C2;32/01/2026;10\n` });
    expect(file).toMatchObject({ read: 2, loaded: 1, rejected: 1, warnings: 1 });
    expect(rows).toEqual([{ order_id: 'P1', customer_id: 'C1 X' }]);
    expect(rejects).toEqual([
      { line: '2', column: 'cliente', value: 'C1 X', reason_code: 'stray_carriage_return', severity: 'warning' },
      { line: '3', column: 'data', value: '32/01/2026', reason_code: 'bad_date', severity: 'reject' },
    ]);
  });

  it('reads a CRLF file with a stray CR the same way', async () => {
    const { file, rejects } = await load({ 'pedidos.csv': `${H}P1;C1;01/01/2026;10\nP2;C2;01/01/2026\r;10\n`.replace(/\n/g, '\r\n') });
    expect(file).toMatchObject({ read: 2, loaded: 2, warnings: 1 });
    expect(rejects).toEqual([{ line: '3', column: 'data', value: '01/01/2026 ', reason_code: 'stray_carriage_return', severity: 'warning' }]);
  });

  it('reads a file mixing LF and CRLF line breaks, which stops DuckDB alone, with right line numbers', async () => {
    const { file, rejects } = await load({ 'pedidos.csv': `${H}P1;C1;01/01/2026;10\r\nP2;C2;01/01/2026;10\n\r\nP3;C3;32/01/2026;10\r\n` });
    expect(file).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    expect(rejects).toEqual([{ line: '5', column: 'data', value: '32/01/2026', reason_code: 'bad_date', severity: 'reject' }]);
  });

  it('reads a CRLF file with a left-out line, whose blank line in the copy would otherwise mix line breaks', async () => {
    const { file } = await load({ 'pedidos.csv': `${H}${row(1)}P2;"C2;01/01/2026;10\n${row(3)}`.replace(/\n/g, '\r\n') });
    expect(file).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
  });

  it('reads an old Mac file whose lines end in CR alone, with right line numbers', async () => {
    const { file, rejects } = await load({ 'pedidos.csv': `${H}P1;C1;01/01/2026;10\nP2;C2;32/01/2026;10\n`.replace(/\n/g, '\r') });
    expect(file).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    expect(rejects).toEqual([{ line: '3', column: 'data', value: '32/01/2026', reason_code: 'bad_date', severity: 'reject' }]);
  });

  it('rejects a line longer than 512 KB with its line and the start of its longest field, and loads the rest', async () => {
    const { file, rejects, rows } = await load({ 'pedidos.csv': `${H}${row(1)}P2;${'x'.repeat(600 * 1024)};01/01/2026;10\n${row(3)}` });
    expect(file).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    expect(rejects).toEqual([{ line: '3', column: 'cliente', value: `${'x'.repeat(80)}…`, reason_code: 'line_too_long', severity: 'reject' }]);
    expect(rows).toEqual([
      { order_id: 'P1', customer_id: 'C1' },
      { order_id: 'P3', customer_id: 'C3' },
    ]);
  });

  it('mends a Windows-1252 file and a Latin-1 one on their way to UTF-8, keeping their accents', async () => {
    const cp1252 = Buffer.from(
      `${H}P1;“Açougue”;01/01/2026;10\nP2;"São;01/01/2026;10\nP3;Ação;01/01/2026;10\n`.replace('“', '\x93').replace('”', '\x94'),
      'latin1',
    );
    const { file, rejects, rows } = await load({ 'pedidos.csv': cp1252 });
    expect(file).toMatchObject({ encoding: 'windows-1252', read: 3, loaded: 2, rejected: 1 });
    expect(rows).toEqual([
      { order_id: 'P1', customer_id: '“Açougue”' },
      { order_id: 'P3', customer_id: 'Ação' },
    ]);
    expect(rejects).toEqual([{ line: '3', column: 'cliente', value: '"São', reason_code: 'unterminated_quote', severity: 'reject' }]);

    const latin1 = Buffer.from(`${H}P1;São\rJoão;01/01/2026;10\n`, 'latin1');
    const mended = await load({ 'pedidos.csv': latin1 });
    expect(mended.file).toMatchObject({ encoding: 'latin1', read: 1, loaded: 1, warnings: 1 });
    expect(mended.rows).toEqual([{ order_id: 'P1', customer_id: 'São João' }]);
  });

  it('scans a UTF-16 file once transcoded, and mends it the same way', async () => {
    const text = `${H}P1;Ação;01/01/2026;10\nP2;"C2;01/01/2026;10\nP3;C3;01/01/2026;10\n`;
    const { file, rejects, rows } = await load({ 'pedidos.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(file).toMatchObject({ encoding: 'utf-16le', read: 3, loaded: 2, rejected: 1 });
    expect(rows).toEqual([
      { order_id: 'P1', customer_id: 'Ação' },
      { order_id: 'P3', customer_id: 'C3' },
    ]);
    expect(rejects).toEqual([{ line: '3', column: 'cliente', value: '"C2', reason_code: 'unterminated_quote', severity: 'reject' }]);
  });

  it('masks the value of a left-out line by its column, like any other value', async () => {
    const { rejects } = await load({
      'pedidos.csv': H + row(1),
      'clientes.csv': 'cliente;email\nC1;"ana@x.com.br\nC2;bia@x.com.br\n',
    });
    expect(rejects).toEqual([
      { line: '2', column: 'email', value: '"***@***', reason_code: 'unterminated_quote', severity: 'reject' },
      // the order's customer was on the left-out line
      { line: '2', column: 'cliente', value: 'C1', reason_code: 'unknown_customer', severity: 'warning' },
    ]);
  });

  it('counts read records as the scan does in a file with every kind of trouble DuckDB also sees', async () => {
    // 1 header; 2 ok; 3-4 quoted line break; 5 blank; 6 one column too many (DuckDB's own reject);
    // 7 unterminated quote; 8 ;;; (empty); 9 ok: 6 records
    const { file } = await load({ 'pedidos.csv': `${H}${row(1)}P2;"C\n2";01/01/2026;10\n\nP3;C3;01/01/2026;10;x\nP4;"C4;01/01/2026;10\n;;;\n${row(5)}` });
    expect(file).toMatchObject({ read: 6, loaded: 3, rejected: 2, empty: 1 });
  });
});

describe('the record-count invariant', () => {
  const raw = { file: { name: 'pedidos.csv' }, reading: { scan: { records: 998 } } } as unknown as RawFile;

  it('stops the run when DuckDB read fewer records than the file has', () => {
    expect(() => checkRecordCount(raw, 100)).toThrow(
      /^pedidos\.csv: o leitor de CSV obteve 100 registros, mas o arquivo tem 998 \(contados à parte, respeitando as aspas\)/,
    );
  });

  it('lets equal counts pass', () => {
    expect(() => checkRecordCount(raw, 998)).not.toThrow();
  });
});
