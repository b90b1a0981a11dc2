import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// Clean files are parsed by DuckDB's CSV reader itself (the fast path); any value it cannot read, or
// would read differently, sends the entity down the text path. Both must give the same rows.

const ORDERS = ['order_id,customer_id,order_date,status,amount', 'P1,C1,2026-01-05,invoiced,100.00', 'P2,C2,2026-01-06,canceled,50'];

const ITEMS = ['order_id,product_id,quantity,unit_price,discount,unit_cost', 'P1,A, 2 ,30.257,,10', 'P1,B,1.5,"12.50",0.5,', 'P2,A,0,1e2,0,7.125'];

describe('the native read of clean files', () => {
  let folder: ReturnType<typeof tempDir> | undefined;
  let db: Database | undefined;
  afterEach(() => {
    db?.close();
    folder?.cleanup();
  });

  async function load(items: string[], orders = ORDERS, options: { eol?: '\r\n'; encoding?: 'windows-1252' } = {}) {
    folder = tempDir();
    writeExport(folder.dir, 'orders.csv', orders, options);
    writeExport(folder.dir, 'order_items.csv', items, options);
    db = await Database.open();
    const result = await loadExports(db, { exportsDir: folder.dir, scratchDir: folder.dir, asOf: '2026-01-31' });
    const rows = await db.rows(`
      select order_id, product_id, quantity, unit_price, discount, unit_cost
      from src_order_items order by order_id, product_id`);
    return { result, rows };
  }
  const readerOf = (result: LoadResult, entity: string) => result.summary.files.find((f) => f.entity === entity)?.reader;

  const expected = [
    // unit prices keep six decimals (30.257 stays 30.257); spaces around numbers are ignored
    { order_id: 'P1', product_id: 'A', quantity: '2.000000', unit_price: '30.257000', discount: null, unit_cost: '10.000000' },
    { order_id: 'P1', product_id: 'B', quantity: '1.500000', unit_price: '12.500000', discount: '0.500000', unit_cost: null },
    { order_id: 'P2', product_id: 'A', quantity: '0.000000', unit_price: '100.000000', discount: '0.000000', unit_cost: '7.125000' },
  ];

  it('reads a clean decimal-point file natively', async () => {
    const { result, rows } = await load(ITEMS);
    expect(readerOf(result, 'order_items')).toBe('native');
    expect(readerOf(result, 'orders')).toBe('native');
    expect(rows).toEqual(expected);
  });

  it('gives the same rows when a column goes through the text path because its first records need it', async () => {
    // "R$ 5,00" is money the reader cannot parse: unit_price is read as text, the other columns natively
    const { result, rows } = await load([...ITEMS, 'P2,C,1,"R$ 5,00",0,1']);
    expect(readerOf(result, 'order_items')).toBe('native');
    expect(rows).toEqual([
      ...expected,
      { order_id: 'P2', product_id: 'C', quantity: '1.000000', unit_price: '5.000000', discount: '0.000000', unit_cost: '1.000000' },
    ]);
  });

  it('reads the whole entity as text when a value past the probed records cannot be read natively', async () => {
    const filler = Array.from({ length: 2100 }, (_, i) => `P2,F${i},1,1.00,0,1`);
    const { result, rows } = await load([...ITEMS, ...filler, 'P2,C,1,"R$ 5,00",0,1']);
    expect(readerOf(result, 'order_items')).toBe('text');
    expect(rows.length).toBe(3 + 2100 + 1);
    expect(rows.filter((r) => !String(r.product_id).startsWith('F'))).toEqual([
      ...expected,
      { order_id: 'P2', product_id: 'C', quantity: '1.000000', unit_price: '5.000000', discount: '0.000000', unit_cost: '1.000000' },
    ]);
  });

  it('leaves a negative quantity to the text path, which rejects it with its line and raw text', async () => {
    const { result, rows } = await load([...ITEMS, 'P2,B,-2,3,0,1']);
    expect(readerOf(result, 'order_items')).toBe('text');
    expect(rows).toEqual(expected);
    const rejects = await db!.rows(`select file, line, "column", value, reason_code from load_rejects`);
    expect(rejects).toEqual([{ file: 'order_items.csv', line: '5', column: 'quantity', value: '-2', reason_code: 'negative_value' }]);
  });

  it('leaves a date outside 1900-2100 to the text path, which rejects it', async () => {
    const { result } = await load(ITEMS, [...ORDERS, 'P3,C1,1850-01-01,invoiced,10']);
    expect(readerOf(result, 'orders')).toBe('text');
    const rejects = await db!.rows(`select line, "column", value, reason_code from load_rejects`);
    expect(rejects).toEqual([{ line: '4', column: 'order_date', value: '1850-01-01', reason_code: 'bad_date' }]);
  });

  it('still reports a missing required value when the file is read natively', async () => {
    const { result, rows } = await load([...ITEMS, 'P2,B,,3,0,1']);
    expect(readerOf(result, 'order_items')).toBe('native');
    expect(rows).toEqual(expected);
    const rejects = await db!.rows(`select line, "column", value, reason_code from load_rejects`);
    expect(rejects).toEqual([{ line: '5', column: 'quantity', value: null, reason_code: 'missing_required' }]);
  });

  it('reads a Brazilian-Excel file (decimal comma, dd/mm/aaaa) natively when it has no thousands separators', async () => {
    const orders = ['Número do Pedido;Código Cliente;Data do Pedido;Situação;Valor Total', 'P1;C1;05/01/2026;Faturado;100,00', 'P2;C2;06/01/2026;Cancelado;50'];
    const items = ['Pedido;Produto;Quantidade;Preço Unitário;Desconto;Custo Unitário', 'P1;A; 2 ;30,257;;10', 'P1;B;1,5;"12,50";0,5;', 'P2;A;0;100;0;7,125'];
    const { result, rows } = await load(items, orders, { eol: '\r\n', encoding: 'windows-1252' });
    expect(readerOf(result, 'order_items')).toBe('native');
    expect(readerOf(result, 'orders')).toBe('native');
    expect(rows).toEqual(expected);
    const dates = await db!.rows(`select order_id, strftime(order_date, '%d/%m/%Y') as d, status, amount from src_orders order by order_id`);
    expect(dates).toEqual([
      { order_id: 'P1', d: '05/01/2026', status: 'invoiced', amount: '100.00' },
      { order_id: 'P2', d: '06/01/2026', status: 'canceled', amount: '50.00' },
    ]);
  });

  it('reads the other columns natively when one is written with thousands separators, and that one as text', async () => {
    const orders = [
      'Número do Pedido;Código Cliente;Data do Pedido;Situação;Valor Total',
      'P1;C1;05/01/2026;Faturado;1.363,60',
      'P2;C2;06/01/2026;Cancelado;"R$ 50,5"',
    ];
    const items = ['Pedido;Produto;Quantidade;Preço Unitário;Desconto;Custo Unitário', 'P1;A; 2 ;30,257;;10', 'P1;B;1,5;"12,50";0,5;', 'P2;A;0;100;0;7,125'];
    const { result } = await load(items, orders, { eol: '\r\n', encoding: 'windows-1252' });
    expect(readerOf(result, 'orders')).toBe('native');
    const rows = await db!.rows(`select order_id, strftime(order_date, '%d/%m/%Y') as d, amount from src_orders order by order_id`);
    expect(rows).toEqual([
      { order_id: 'P1', d: '05/01/2026', amount: '1363.60' },
      { order_id: 'P2', d: '06/01/2026', amount: '50.50' },
    ]);
  });

  it('reports a bad value of a column it left as text with its line and raw text', async () => {
    const orders = ['order_id,customer_id,order_date,status,amount', 'P1,C1,2026-01-05,invoiced,"1,363.60"', 'P2,C2,2026-01-06,canceled,abc'];
    const { result } = await load(ITEMS, orders);
    expect(readerOf(result, 'orders')).toBe('native');
    const rejects = await db!.rows(`select line, "column", value, reason_code from load_rejects where file = 'orders.csv'`);
    expect(rejects).toEqual([{ line: '3', column: 'amount', value: 'abc', reason_code: 'bad_number' }]);
  });
});
