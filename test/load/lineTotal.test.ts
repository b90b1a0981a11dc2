import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { createRuleMacros } from '../../pipelines/warehouse/runModels.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

describe('order items with the item total instead of the unit price', () => {
  const tmp = tempDir();
  let db: Database;
  let rejects: Record<string, string | null>[];
  let items: Record<string, string | null>[];

  beforeAll(async () => {
    writeExport(tmp.dir, 'pedidos.csv', ['pedido;cliente;data', 'P1;C1;05/01/2026', 'P2;C1;06/01/2026']);
    writeExport(tmp.dir, 'itens.csv', [
      'pedido;produto;quantidade;valor total do item;desconto', // line 1: no unit price column at all
      'P1;A;3;"10,01";1', // 2: 10.01 is the line's revenue, the discount is already in it
      'P1;B;1;;', // 3: neither a total nor a price
      'P2;A;2;abc;', // 4: a total that is not a number
    ]);
    db = await Database.open();
    await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    rejects = await db.rows(`select line, "column", reason_code from load_rejects where file = 'itens.csv' and severity = 'reject' order by line`);
    items = await db.rows('select order_id, product_id, unit_price, line_total from src_order_items order by order_id, product_id');
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('needs no unit_price column when the file has line_total, and keeps the total to the cent', () => {
    expect(items).toEqual([{ order_id: 'P1', product_id: 'A', unit_price: null, line_total: '10.01' }]);
  });

  it('rejects a line with neither total nor price as missing unit_price, and an unreadable total as bad_number', () => {
    expect(rejects).toEqual([
      { line: '3', column: 'unit_price', reason_code: 'missing_required' },
      { line: '4', column: 'valor total do item', reason_code: 'bad_number' },
    ]);
  });

  it('takes the line total as the revenue of the line in the staging view', async () => {
    const sql = (await import('node:fs')).readFileSync(new URL('../../pipelines/sql/stg_order_items.sql', import.meta.url), 'utf8');
    await db.run("set variable as_of_date = date '2026-01-31'"); // the partial-month macro reads it
    await createRuleMacros(db);
    const [row] = await db.rows<{ line_revenue: string }>(`select line_revenue from (${sql})`);
    expect(row?.line_revenue).toBe('10.01');
  });
});
