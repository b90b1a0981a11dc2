import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { separatorHint } from '../../pipelines/load/sniffFile.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// Excel's separator hint: a first line `sep=;` that Excel reads (and hides) to split the columns, and
// that some ERPs write for it. It is no header and no record: the header is line 2, and every line
// keeps its number in the messages.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function load(write: (dir: string) => void) {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  write(tmp.dir);
  const db = await Database.open();
  try {
    const result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir, asOf: '2026-01-31' });
    const orders = await db.rows(`select order_id, customer_id, amount from src_orders order by rowid`);
    const rejects = await db.rows('select line, "column", value, reason_code from load_rejects order by line');
    return { result, orders, rejects };
  } finally {
    db.close();
  }
}

describe("Excel's separator hint on line 1", () => {
  it('is recognised quoted or not, in any case, with the empty cells a spreadsheet adds after it', () => {
    expect(separatorHint('sep=;')).toBe(';');
    expect(separatorHint('"sep=,"')).toBe(',');
    expect(separatorHint('SEP=|')).toBe('|');
    expect(separatorHint('sep=\t')).toBe('\t');
    expect(separatorHint('sep=;;;;')).toBe(';');
    expect(separatorHint('sep=; ')).toBe(';');
  });

  it('is not taken from a header or a title that only starts like it', () => {
    for (const line of ['sep', 'sep=', 'sep=x', 'sep=;,,,', 'separador;pedido', 'sep=;pedido', 'pedido;sep=;']) expect(separatorHint(line), line).toBeNull();
  });

  it('is skipped: the header is read on line 2, the records after it, and rejects keep their physical lines', async () => {
    const { result, orders, rejects } = await load((dir) =>
      writeExport(
        dir,
        'pedidos.csv',
        [
          'sep=;', // 1
          'Número do Pedido;Código Cliente;Data do Pedido;Valor Total', // 2
          'P1;C1;05/01/2026;"1.234,56"', // 3
          'P2;C2;31/02/2026;10', // 4: no 31 February
          'P3;C1;06/01/2026;5;extra', // 5: one column too many
          'P4;"Cliente\r\nquebrado";07/01/2026;7', // 6-7: a quoted line break
          'P5;C3;08/01/2026;2,5', // 8
        ],
        { eol: '\r\n' },
      ),
    );
    expect(orders).toEqual([
      { order_id: 'P1', customer_id: 'C1', amount: '1234.56' },
      { order_id: 'P4', customer_id: 'Cliente\r\nquebrado', amount: '7.00' },
      { order_id: 'P5', customer_id: 'C3', amount: '2.50' },
    ]);
    expect(rejects.map((r) => [Number(r.line), r.reason_code])).toEqual([
      [4, 'bad_date'],
      [5, 'too_many_columns'],
    ]);
    const file = result.summary.files.find((f) => f.file === 'pedidos.csv')!;
    expect(file.delimiter).toBe(';');
    expect(file.notes).toContain('linha 1: a indicação de separador do Excel ("sep=;"), não dados; o cabeçalho foi lido na linha 2');
  });

  it('names the delimiter even where the header alone would suggest another, and works in a transcoded copy', async () => {
    // Windows-1252 with a € (bytes 0x80-0x9F): DuckDB reads a UTF-8 copy, which keeps the hint line
    const { orders, rejects } = await load((dir) =>
      writeExport(dir, 'pedidos.csv', ['sep=,', 'pedido,cliente,data,valor,obs', 'P1,C1,05/01/2026,10.5,"€; promoção"', 'P2,C1,99/01/2026,1,'], {
        encoding: 'windows-1252',
      }),
    );
    expect(orders).toEqual([{ order_id: 'P1', customer_id: 'C1', amount: '10.50' }]);
    expect(rejects.map((r) => [Number(r.line), r.reason_code, r.value])).toEqual([[4, 'bad_date', '99/01/2026']]);
  });

  it('is read in a UTF-16 export (Excel\'s "Unicode text"), tab-separated', async () => {
    const { orders, rejects } = await load((dir) => {
      const text = ['sep=\t', 'pedido\tcliente\tdata\tvalor', 'P1\tC1\t05/01/2026\t3', 'P2\t\t06/01/2026\t4', ''].join('\r\n');
      writeFileSync(join(dir, 'pedidos.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    });
    expect(orders).toEqual([{ order_id: 'P1', customer_id: 'C1', amount: '3.00' }]);
    expect(rejects.map((r) => [Number(r.line), r.reason_code])).toEqual([[4, 'missing_required']]);
  });
});
