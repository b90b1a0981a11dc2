import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// One system exports 000123, the other (or Excel) 123: the rows are kept as unknown references, never
// joined on the guess, and the load summary says how many codes would match without the zeros.

describe('codes that only differ by leading zeros', () => {
  const tmp = tempDir();
  let db: Database;
  let result: LoadResult;

  beforeAll(async () => {
    writeExport(tmp.dir, 'vendedores.csv', ['vendedor;nome', 'V01;Ana', 'V02;Bruno']);
    writeExport(tmp.dir, 'clientes.csv', ['cliente;nome;vendedor', '000123;Padaria A;V1', '000456;Bar B;V01', '0;Cliente zero;X9']);
    writeExport(tmp.dir, 'produtos.csv', ['produto;descricao;categoria', '0042;Leite;Laticínios', 'X1;Pão;Padaria']);
    writeExport(tmp.dir, 'pedidos.csv', [
      'pedido;cliente;data',
      'P1;123;05/01/2026', // matches 000123 without the zeros
      'P2;123;06/01/2026', // the same code again: one code, two lines
      'P3;456;06/01/2026', // matches 000456
      'P4;999;07/01/2026', // no customer at all
      'P5;000;07/01/2026', // all zeros: never compared with 0
      'P6;000123;07/01/2026', // fine
    ]);
    writeExport(tmp.dir, 'itens.csv', [
      'pedido;produto;quantidade;preco unitario',
      'P1;42;1;10',
      'P2;X1;1;10',
      'P3;77;1;10',
      'P4;X1;1;10',
      'P5;X1;1;10',
      'P6;X1;1;10',
      'P6;42.0;2;10', // a code exported as a number
    ]);
    db = await Database.open();
    result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  const notesOf = (file: string) => result.summary.files.find((f) => f.file === file)!.notes;

  it('counts the customer codes that would match without zeros, and their lines', () => {
    expect(notesOf('pedidos.csv').filter((note) => note.includes('ignorados os zeros'))).toEqual([
      expect.stringMatching(/^2 de 4 códigos de cliente sem cadastro no arquivo de clientes \(3 linha\(s\)\) coincidem com um código do arquivo/),
    ]);
  });

  it('warns of sellers missing from the sellers file, and counts those written with other zeros (V1 for V01)', () => {
    expect(result.summary.reasons.filter((r) => r.reason_code === 'unknown_seller')).toEqual([
      { file: 'clientes.csv', reason_code: 'unknown_seller', severity: 'warning', rows: 2 },
    ]);
    expect(notesOf('clientes.csv')).toEqual([expect.stringMatching(/^1 de 2 códigos de vendedor sem cadastro no arquivo de vendedores \(1 linha\(s\)\)/)]);
  });

  it('does the same for products of the order lines, a code exported as a number (42.0) included', () => {
    expect(notesOf('itens.csv').filter((note) => note.includes('ignorados os zeros'))).toEqual([
      expect.stringMatching(/^2 de 3 códigos de produto sem cadastro no arquivo de produtos \(2 linha\(s\)\)/),
    ]);
  });

  it('keeps the orders with their own codes: nothing is joined on the guess', async () => {
    expect(await db.rows(`select count(*) as n from src_orders where customer_id = '123'`)).toEqual([{ n: '2' }]);
    expect(result.summary.reasons.find((r) => r.reason_code === 'unknown_customer')?.rows).toBe(5);
  });

  it('says nothing where every code matches', () => {
    expect(notesOf('vendedores.csv')).toEqual([]);
  });
});

describe('codes with blanks around them', () => {
  const tmp = tempDir();
  let db: Database;
  let result: LoadResult;

  beforeAll(async () => {
    writeExport(tmp.dir, 'clientes.csv', ['cliente;nome', 'C1;Padaria A', 'C2;Bar B', 'C3;Loja C']);
    // a tab pasted from a spreadsheet, a no-break space from a web page, plain spaces
    writeExport(tmp.dir, 'pedidos.csv', ['pedido;cliente;data;valor', 'P1;C1\t;05/01/2026;10', 'P2;C2\u00a0;06/01/2026;10', '\tP3; C3 ;06/01/2026;10']);
    db = await Database.open();
    result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('are the codes without them: every order finds its customer', async () => {
    expect(result.summary.reasons).toEqual([]);
    expect(await db.rows('select order_id, customer_id from src_orders order by 1')).toEqual([
      { order_id: 'P1', customer_id: 'C1' },
      { order_id: 'P2', customer_id: 'C2' },
      { order_id: 'P3', customer_id: 'C3' },
    ]);
  });
});

describe('a code Excel turned into a number', () => {
  const tmp = tempDir();
  let db: Database;
  let result: LoadResult;

  beforeAll(async () => {
    writeExport(tmp.dir, 'pedidos.csv', [
      'pedido;cliente;data;valor;vendedor',
      'P1;C1;05/01/2026;10;V1',
      'P2;4,56123E+13;06/01/2026;10;V1',
      'P3;C3;06/01/2026;10;1,0E+05',
    ]);
    db = await Database.open();
    result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('rejects the row when the code is required, and keeps it without the code when it is optional', async () => {
    expect(result.summary.reasons).toEqual([
      { file: 'pedidos.csv', reason_code: 'scientific_notation', severity: 'reject', rows: 1 },
      { file: 'pedidos.csv', reason_code: 'scientific_notation', severity: 'warning', rows: 1 },
    ]);
    expect(await db.rows('select order_id, customer_id, seller_id from src_orders order by 1')).toEqual([
      { order_id: 'P1', customer_id: 'C1', seller_id: 'V1' },
      { order_id: 'P3', customer_id: 'C3', seller_id: null },
    ]);
  });
});
