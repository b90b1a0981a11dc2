import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineConfig } from '../../pipelines/contract/config.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { checkRejectThresholds } from '../../pipelines/load/rejectThresholds.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// A report saved from Excel ends with its total line. It is no record: rejected as total_row (not as a
// missing customer to fill in), on the cell that says "Total", and not counted against the reject limit.

describe("a report's total lines", () => {
  const tmp = tempDir();
  let db: Database;
  let load: LoadResult;
  let rejects: { file: string; line: number; column: string; value: string; reason_code: string }[];

  beforeAll(async () => {
    writeExport(tmp.dir, 'pedidos.csv', [
      'pedido;cliente;data;valor', // 1
      'P1;C1;05/01/2026;10', // 2
      'P2;C2;06/01/2026;20', // 3
      'Subtotal janeiro;;;30,00', // 4: not a total label ("janeiro" is no part of one): missing_required
      'P3;C1;05/02/2026;5', // 5
      'Total Distribuidora;;07/02/2026;5', // 6: a name that starts with the word, missing its customer: missing_required
      'TOTAL GERAL:;;;"R$ 40,00"', // 7
    ]);
    writeExport(tmp.dir, 'itens.csv', ['pedido;produto;quantidade;preco', 'P1;A;1;10', 'P2;B;2;10', 'P3;A;1;5', ';Total;4;"35,00"']);
    db = await Database.open();
    load = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    rejects = (await db.rows<(typeof rejects)[number]>('select file, line, "column", value, reason_code from load_rejects order by file, line, "column"')).map(
      (r) => ({ ...r, line: Number(r.line) }),
    );
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('are rejected as total_row on the cell that says so, once per line', () => {
    expect(rejects.filter((r) => r.reason_code === 'total_row')).toEqual([
      { file: 'itens.csv', line: 5, column: 'produto', value: 'Total', reason_code: 'total_row' },
      { file: 'pedidos.csv', line: 7, column: 'pedido', value: 'TOTAL GERAL:', reason_code: 'total_row' },
    ]);
  });

  it('leave lines that only resemble one to their own reasons', () => {
    expect(rejects.filter((r) => r.file === 'pedidos.csv' && r.line !== 7).map((r) => [r.line, r.column, r.reason_code])).toEqual([
      [4, 'cliente', 'missing_required'],
      [4, 'data', 'missing_required'],
      [6, 'cliente', 'missing_required'],
    ]);
  });

  it('still count in the load summary, which adds up', () => {
    const orders = load.summary.files.find((f) => f.file === 'pedidos.csv')!;
    expect({ read: orders.read, loaded: orders.loaded, rejected: orders.rejected }).toEqual({ read: 6, loaded: 3, rejected: 3 });
  });

  it('do not count against the reject limit: 2 of the 5 order lines that are data are rejected, not 3 of 6', async () => {
    const log: string[] = [];
    await checkRejectThresholds(db, load.summary, PipelineConfig.parse({ rejects: { max_share: 0.5 } }).rejects, { log: (l) => log.push(l) });
    expect(log).toEqual(['Rejeições dentro do limite: pedidos: 2 de 5 linhas rejeitadas (40,0%), limite de 50%']);
  });
});

// Exports pasted one after the other (January's, then February's) carry the header again in the middle.

describe('a header repeated in the middle of a file', () => {
  const tmp = tempDir();
  let db: Database;
  let load: LoadResult;
  let rejects: { file: string; line: number; column: string; value: string; reason_code: string }[];

  beforeAll(async () => {
    const january = Array.from({ length: 6 }, (_, i) => `P${i + 1};C1;${10 + i}/01/2026;10,00`);
    const february = Array.from({ length: 6 }, (_, i) => `P${i + 7};C2;${10 + i}/02/2026;20,00`);
    writeExport(tmp.dir, 'pedidos.csv', [
      'Pedido;Cliente;Data;Valor', // 1
      ...january, // 2-7
      'Pedido;Cliente;Data;Valor', // 8: February's file starts here
      ...february, // 9-14
      'PEDIDO ; cliente;DATA;valor', // 15: as written by hand, spaces and case aside
      'Pedido;C3;data;5,00', // 16: one code like its header, but a customer: a bad date
    ]);
    writeExport(tmp.dir, 'itens.csv', ['pedido;produto;qtd;preco', 'P1;A;1;10', 'pedido;produto;qtd;preco', 'P7;A;1;20']);
    db = await Database.open();
    load = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    rejects = (
      await db.rows<(typeof rejects)[number]>(
        `select file, line, "column", value, reason_code from load_rejects where severity = 'reject' order by file, line, "column"`,
      )
    ).map((r) => ({ ...r, line: Number(r.line) }));
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('is rejected as header_row, once per line, and a line that only resembles one keeps its reason', () => {
    expect(rejects.map((r) => [r.file, r.line, r.column, r.value, r.reason_code])).toEqual([
      ['itens.csv', 3, 'pedido', 'pedido', 'header_row'],
      ['pedidos.csv', 8, 'Pedido', 'Pedido', 'header_row'],
      ['pedidos.csv', 15, 'Pedido', 'PEDIDO', 'header_row'],
      ['pedidos.csv', 16, 'Data', 'data', 'bad_date'],
    ]);
  });

  it('does not count against the reject limit: 1 of the 13 order lines that are data is rejected, not 3 of 15', async () => {
    const orders = load.summary.files.find((f) => f.file === 'pedidos.csv')!;
    expect({ read: orders.read, loaded: orders.loaded, rejected: orders.rejected }).toEqual({ read: 15, loaded: 12, rejected: 3 });
    const log: string[] = [];
    await checkRejectThresholds(db, load.summary, PipelineConfig.parse({ rejects: { max_share: 0.1 } }).rejects, { log: (l) => log.push(l) });
    expect(log).toEqual(['Rejeições dentro do limite: pedidos: 1 de 13 linhas rejeitadas (7,7%), limite de 10%']);
  });
});
