import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadCache } from '../../pipelines/load/loadCache.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// Some systems export a code made of digits "for Excel", as a formula (="00124") or behind an apostrophe
// ('00123), so that Excel keeps its zeros. The value is the text inside: the customers file writes 00124.

const ORDERS = [
  'pedido;cliente;data;valor;canal', // 1
  '="P1";="00124";15/01/2026;10,00;Loja', // 2: both codes wrapped (the 15th: the dates are dd/mm)
  'P2;\'00123;06/01/2026;20,00;="Balcão"', // 3: an apostrophe before a digit; a wrapped text
  "P3;'Ana;07/01/2026;5,00;'Loja", // 4: an apostrophe before a letter is left alone, in a code as in a text
  'P4;="";08/01/2026;5,00;', // 5: a wrapped nothing is a missing customer
  '"=""P5""";"=""00124""";09/01/2026;1,00;', // 6: the formula quoted as a CSV field
];

async function load(dir: string, cacheDir?: string): Promise<{ db: Database; result: LoadResult }> {
  const db = await Database.open();
  const cache = cacheDir ? await LoadCache.open(cacheDir) : undefined;
  const result = await loadExports(db, { exportsDir: dir, scratchDir: dir, ...(cache ? { cache } : {}) });
  return { db, result };
}

describe('codes exported for Excel (="00124", \'00123)', () => {
  const tmp = tempDir();
  const exportsDir = join(tmp.dir, 'exports');
  const runs: { db: Database; result: LoadResult }[] = [];

  beforeAll(async () => {
    writeExport(exportsDir, 'pedidos.csv', ORDERS);
    writeExport(exportsDir, 'clientes.csv', ['cliente;nome', '00124;Mercado Um', '00123;Mercado Dois', "'Ana;Ana"]);
    // twice with the load cache: the second run puts the rows back from it
    for (let i = 0; i < 2; i++) runs.push(await load(exportsDir, join(tmp.dir, 'cache')));
  });
  afterAll(() => {
    for (const run of runs) run.db.close();
    tmp.cleanup();
  });

  it('are read as the text inside, in codes and texts alike; an apostrophe only before a digit, and only in a code', async () => {
    for (const { db } of runs) {
      const orders = await db.rows('select order_id, customer_id, channel from src_orders order by order_id');
      expect(orders).toEqual([
        { order_id: 'P1', customer_id: '00124', channel: 'Loja' },
        { order_id: 'P2', customer_id: '00123', channel: 'Balcão' },
        { order_id: 'P3', customer_id: "'Ana", channel: "'Loja" },
        { order_id: 'P5', customer_id: '00124', channel: null },
      ]);
    }
  });

  it('find their customers, and a wrapped nothing is a missing customer', async () => {
    for (const { db } of runs) {
      const issues = await db.rows('select file, line, "column", reason_code from load_rejects order by file, line');
      expect(issues).toEqual([{ file: 'pedidos.csv', line: '5', column: 'cliente', reason_code: 'missing_required' }]);
    }
  });

  it("are counted in each file's notes, per column, also when the file comes from the load cache", () => {
    for (const { result } of runs) {
      const notes = (name: string) => result.summary.files.find((f) => f.file === name)!.notes;
      expect(notes('pedidos.csv')).toEqual([
        `"pedido": 2 valor(es) no formato de texto do Excel (="00124" ou '00124), lidos como o texto de dentro (00124)`,
        `"cliente": 4 valor(es) no formato de texto do Excel (="00124" ou '00124), lidos como o texto de dentro (00124)`,
        `"canal": 1 valor(es) no formato de texto do Excel (="00124"), lidos como o texto de dentro (00124)`,
      ]);
      expect(notes('clientes.csv')).toEqual([]);
    }
  });
});
