import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// A report saved from Excel or printed by an ERP has its title (and a blank line) above the header. The
// lines above it are no data: the header is read where it is, every line keeps the file's number, and
// the notes say which lines were left out.

describe("a report's title above the header", () => {
  const tmp = tempDir();
  let db: Database;
  let load: LoadResult;
  let rejects: { file: string; line: number; column: string; reason_code: string }[];

  beforeAll(async () => {
    writeExport(tmp.dir, 'pedidos.csv', [
      'Relatório de Pedidos - Outubro/2026', // 1
      '', // 2
      'pedido;cliente;data;valor', // 3
      'P1;C1;15/10/2026;1', // 4
      'P2;C1;16/10/2026;x', // 5: a bad number (and so no amount), named on its own line
      'Total;;;1', // 6
    ]);
    // Windows-1252 and CRLF, with Excel's separator hint above the title
    writeExport(tmp.dir, 'clientes.csv', ['sep=;', 'Cadastro de clientes;;', 'cliente;nome;uf', 'C1;Mercado Um;SP', 'C2;Mercado Dois;XX'], {
      eol: '\r\n',
      encoding: 'windows-1252',
    });
    db = await Database.open();
    load = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    rejects = (await db.rows<(typeof rejects)[number]>('select file, line, "column", reason_code from load_rejects order by file, line, reason_code')).map(
      (r) => ({
        ...r,
        line: Number(r.line),
      }),
    );
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('is read as no data: the rows under the header are loaded, each problem named on its line of the file', async () => {
    expect(await db.rows('select order_id, customer_id from src_orders order by order_id')).toEqual([{ order_id: 'P1', customer_id: 'C1' }]);
    expect(rejects).toEqual([
      { file: 'clientes.csv', line: 5, column: 'uf', reason_code: 'unknown_uf' },
      { file: 'pedidos.csv', line: 5, column: 'valor', reason_code: 'bad_number' },
      { file: 'pedidos.csv', line: 5, column: 'valor', reason_code: 'missing_amount' },
      { file: 'pedidos.csv', line: 6, column: 'pedido', reason_code: 'total_row' },
    ]);
  });

  it('is named in the notes, with the line the header was read on', () => {
    const notes = (name: string) => load.summary.files.find((f) => f.file === name)!.notes;
    expect(notes('pedidos.csv')).toEqual([
      'linhas 1 a 2: título do relatório ou linhas em branco acima do cabeçalho ("Relatório de Pedidos - Outubro/2026"), não dados; o cabeçalho foi lido na linha 3',
    ]);
    expect(notes('clientes.csv')).toEqual([
      'linhas 1 a 2: título do relatório ou linhas em branco acima do cabeçalho ("Cadastro de clientes"), não dados; o cabeçalho foi lido na linha 3',
    ]);
  });
});
