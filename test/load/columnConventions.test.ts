import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { parseMacros } from '../../pipelines/load/parseMacros.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// What a value proves about its column's date order and decimal separator, and how a column decides.

describe('the evidence of one value', () => {
  it('says which values decide the decimal separator and which cannot', async () => {
    const db = await Database.open();
    for (const sql of parseMacros()) await db.run(sql);
    const rows = await db.rows<{ v: string; e: string | null }>(`
      select v, decimal_evidence(v) as e from (values
        ('1.234,56'), ('1,234.56'), ('1.234.567'), ('1,234,567'), ('1.500'), ('R$ 2,750'), ('30.10'), ('12,5'),
        ('0.500'), ('1234.567'), ('(1.500)'), ('15%'), ('42')) t(v)`);
    db.close();
    expect(Object.fromEntries(rows.map((r) => [r.v, r.e]))).toEqual({
      '1.234,56': 'comma',
      '1,234.56': 'point',
      '1.234.567': 'comma',
      '1,234,567': 'point',
      '1.500': 'ambiguous',
      'R$ 2,750': 'ambiguous',
      '30.10': 'point',
      '12,5': 'comma',
      // no thousands group starts with 0 or has four digits before it
      '0.500': 'point',
      '1234.567': 'point',
      '(1.500)': 'ambiguous',
      '15%': null,
      '42': null,
    });
  });

  it('says which dates prove day first, month first, or neither', async () => {
    const db = await Database.open();
    for (const sql of parseMacros()) await db.run(sql);
    const rows = await db.rows<{ v: string; e: string | null }>(`
      select v, date_order_evidence(v) as e from (values ('25/03/2026'), ('03/25/2026'), ('03/04/2026'), ('3/4/26 10:00'), ('2026-03-04')) t(v)`);
    db.close();
    expect(Object.fromEntries(rows.map((r) => [r.v, r.e]))).toEqual({
      '25/03/2026': 'dmy',
      '03/25/2026': 'mdy',
      '03/04/2026': 'ambiguous',
      '3/4/26 10:00': 'ambiguous',
      '2026-03-04': null,
    });
  });
});

describe('a column deciding its convention', () => {
  let folder: ReturnType<typeof tempDir> | undefined;
  let db: Database | undefined;
  afterEach(() => {
    db?.close();
    folder?.cleanup();
  });

  it('reads 2,750 as two thousand seven hundred and fifty in a , file column where 1,234.50 proves a decimal point', async () => {
    folder = tempDir();
    writeExport(folder.dir, 'orders.csv', ['order_id,customer_id,order_date,amount', 'P1,C1,2026-01-05,"1,234.50"', 'P2,C1,2026-01-06,"2,750"']);
    db = await Database.open();
    const result = await loadExports(db, { exportsDir: folder.dir, scratchDir: folder.dir, asOf: '2026-01-31' });
    expect(await db.rows('select order_id, amount from src_orders order by order_id')).toEqual([
      { order_id: 'P1', amount: '1234.50' },
      { order_id: 'P2', amount: '2750.00' },
    ]);
    expect(result.summary.files[0]!.notes).toEqual([]);
  });

  it("reads a column of only ambiguous 1,500 in a ; file with the file's decimal comma, and notes nothing new", async () => {
    folder = tempDir();
    writeExport(folder.dir, 'pedidos.csv', ['pedido;cliente;data;valor', 'P1;C1;05/01/2026;"R$ 1,500"', 'P2;C1;06/01/2026;R$ 2,25']);
    db = await Database.open();
    await loadExports(db, { exportsDir: folder.dir, scratchDir: folder.dir, asOf: '2026-01-31' });
    expect(await db.rows('select order_id, amount from src_orders order by order_id')).toEqual([
      { order_id: 'P1', amount: '1.50' },
      { order_id: 'P2', amount: '2.25' },
    ]);
  });
});
