import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadCache } from '../../pipelines/load/loadCache.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// Customers keyed by their document: the customers file writes the CNPJ or CPF with its punctuation, the
// orders file (another system) writes the digits alone, or the other way round.

const CUSTOMERS = [
  'cliente;nome;vendedor', // 1
  '11.222.333/0001-81;Mercado Um;V1', // 2: a CNPJ
  '123.456.789-09;Maria da Silva;V1', // 3: a CPF
  '12.ABC.345/01DE-35;Mercado Novo;V1', // 4: an alphanumeric CNPJ (from July 2026): kept as written
  'C00123;Mercado Dois;V1', // 5: a plain code
];

const ORDERS = [
  'pedido;cliente;data;valor;vendedor', // 1
  'P1;11222333000181;15/01/2026;10,00;V1', // 2: Mercado Um by its digits
  'P2; 123.456.789-09 ;16/01/2026;20,00;V1', // 3: Maria with the punctuation, padded
  'P3;12345678909;17/01/2026;30,00;V1', // 4: Maria by her digits
  'P4;12.ABC.345/01DE-35;18/01/2026;40,00;V1', // 5: Mercado Novo as written in the customers file
  'P5;12.345.678-90;19/01/2026;50,00;V1', // 6: punctuated like neither: a code of its own, kept as written
  'P6;C00123;20/01/2026;60,00;V1', // 7
];

async function load(dir: string, cacheDir: string): Promise<{ db: Database; result: LoadResult }> {
  const db = await Database.open();
  const result = await loadExports(db, { exportsDir: dir, scratchDir: dir, cache: await LoadCache.open(cacheDir) });
  return { db, result };
}

describe('codes that are a CPF or CNPJ written with its punctuation', () => {
  const tmp = tempDir();
  const exportsDir = join(tmp.dir, 'exports');
  const runs: { db: Database; result: LoadResult }[] = [];

  beforeAll(async () => {
    writeExport(exportsDir, 'clientes.csv', CUSTOMERS);
    writeExport(exportsDir, 'pedidos.csv', ORDERS);
    // twice with the load cache: the second run puts the rows back from it
    for (let i = 0; i < 2; i++) runs.push(await load(exportsDir, join(tmp.dir, 'cache')));
  });
  afterAll(() => {
    for (const run of runs) run.db.close();
    tmp.cleanup();
  });

  it('are read as their digits, in every file; an alphanumeric CNPJ stays punctuated, so that it stays a pseudonym', async () => {
    for (const { db } of runs) {
      expect(await db.rows('select customer_id from src_customers order by customer_id')).toEqual(
        ['11222333000181', '12.ABC.345/01DE-35', '12345678909', 'C00123'].map((customer_id) => ({ customer_id })),
      );
      expect((await db.rows<{ customer_id: string }>('select customer_id from src_orders order by order_id')).map((o) => o.customer_id)).toEqual([
        '11222333000181',
        '12345678909',
        '12345678909',
        '12.ABC.345/01DE-35',
        '12.345.678-90',
        'C00123',
      ]);
    }
  });

  it('so every order finds its customer; a code punctuated like no document stays a code of its own', async () => {
    for (const { db } of runs) {
      const issues = await db.rows('select file, line, reason_code from load_rejects order by file, line');
      expect(issues).toEqual([{ file: 'pedidos.csv', line: '6', reason_code: 'unknown_customer' }]);
    }
  });

  it("are counted in each file's notes, per column, also when the file comes from the load cache", () => {
    for (const { result } of runs) {
      const notes = (name: string) => result.summary.files.find((f) => f.file === name)!.notes;
      const note = (header: string, count: number) =>
        `"${header}": ${count} código(s) escritos como CPF ou CNPJ com a pontuação (pontos, barra e hífen), lidos só pelos dígitos, como os escritos sem ela`;
      expect(notes('clientes.csv')).toEqual([note('cliente', 2)]);
      expect(notes('pedidos.csv')).toEqual([note('cliente', 1)]);
    }
  });
});
