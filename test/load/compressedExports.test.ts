import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// Exports downloaded compressed: a CSV gzipped on its own is read as the CSV it holds; an archive (which
// may hold the customers or the orders) stops the run instead of being left aside in silence.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function load(setup: (dir: string) => void) {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  setup(tmp.dir);
  const db = await Database.open();
  try {
    const result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    const customers = await db.rows('select customer_id, name from src_customers order by rowid');
    const rejects = await db.rows('select file, line, reason_code from load_rejects order by file, line');
    return { result, customers, rejects, error: null };
  } catch (error) {
    return { result: null, customers: [], rejects: [], error: (error as Error).message };
  } finally {
    db.close();
  }
}

const orders = (dir: string) => writeExport(dir, 'pedidos.csv', ['pedido;cliente;data;valor', 'P1;C1;01/01/2026;1']);

describe('compressed exports', () => {
  it('reads a gzipped CSV in its own encoding, with rejects at the lines of the decompressed text', async () => {
    const text = ['cliente;razao social;uf', 'C1;Açougue São João;SP', ';Sem código;RJ', 'C2;Padaria Pão Quente;MG', ''].join('\r\n');
    const { customers, rejects, result, error } = await load((dir) => {
      orders(dir);
      writeFileSync(join(dir, 'clientes.csv.gz'), gzipSync(iconv.encode(text, 'latin1')));
    });
    expect(error).toBeNull();
    expect(customers).toEqual([
      { customer_id: 'C1', name: 'Açougue São João' },
      { customer_id: 'C2', name: 'Padaria Pão Quente' },
    ]);
    expect(rejects.map((r) => [r.file, Number(r.line), r.reason_code])).toEqual([['clientes.csv.gz', 3, 'missing_required']]);
    expect(result!.summary.files.find((f) => f.file === 'clientes.csv.gz')).toMatchObject({ entity: 'customers', read: 3, loaded: 2, rejected: 1 });
  });

  it('stops on an archive, which may hold any export, and says to extract it', async () => {
    const { error } = await load((dir) => {
      orders(dir);
      writeFileSync(join(dir, 'exportacao.zip'), Buffer.from('PK\u0003\u0004rest-of-zip'));
    });
    expect(error).toBe(
      'exportacao.zip: é um arquivo compactado, que o Carteira não abre. Como corrigir: extraia os arquivos dele na pasta de exportações e tire o arquivo ' +
        'compactado de lá (um CSV comprimido sozinho, como pedidos.csv.gz, é lido direto).',
    );
  });

  it('names a damaged gzip file and a gzip file saved under a .csv name', async () => {
    const cut = await load((dir) => {
      orders(dir);
      writeFileSync(join(dir, 'clientes.csv.gz'), gzipSync(Buffer.from('cliente;nome\nC1;A\n')).subarray(0, 20));
    });
    expect(cut.error).toMatch(
      /^clientes\.csv\.gz: não foi possível descomprimir o arquivo gzip \(.+\)\. Como corrigir: o arquivo está danificado ou incompleto/,
    );
    const renamed = await load((dir) => {
      orders(dir);
      writeFileSync(join(dir, 'clientes.csv'), gzipSync(Buffer.from('cliente;nome\nC1;A\n')));
    });
    expect(renamed.error).toBe(
      'clientes.csv: é um arquivo comprimido (gzip) com nome de CSV. Como corrigir: renomeie-o para terminar em .csv.gz (ex.: pedidos.csv.gz), que é lido direto.',
    );
  });
});
