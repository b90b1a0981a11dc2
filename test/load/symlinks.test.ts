import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Arranges an exports folder inside a fresh temporary root and loads it. */
async function load(arrange: (root: string, exports: string) => void): Promise<LoadResult | string> {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const exports = join(tmp.dir, 'exports');
  mkdirSync(exports);
  arrange(tmp.dir, exports);
  const db = await Database.open();
  try {
    return await loadExports(db, { exportsDir: exports, scratchDir: tmp.dir });
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

const orderLines = ['pedido;cliente;data;valor', 'P1;C1;01/01/2026;10', 'P2;C2;02/01/2026;20'];

describe('export files that are symbolic links', () => {
  it('reads a link to a file outside the folder and names its target in the summary', async () => {
    const result = await load((root, exports) => {
      const target = writeExport(join(root, 'elsewhere'), 'pedidos_outubro.csv', orderLines);
      symlinkSync(target, join(exports, 'pedidos.csv'));
    });
    if (typeof result === 'string') throw new Error(result);
    expect(result.summary.files.map((f) => [f.file, f.read, f.loaded])).toEqual([['pedidos.csv', 2, 2]]);
    expect(result.summary.linked_files).toEqual([{ file: 'pedidos.csv', target: expect.stringMatching(/elsewhere\/pedidos_outubro\.csv$/) }]);
  });

  it('reads a relative link to another file of the folder under the link name', async () => {
    const result = await load((_root, exports) => {
      writeExport(exports, 'vendas.txt.bak', orderLines);
      symlinkSync('vendas.txt.bak', join(exports, 'pedidos.csv'));
    });
    if (typeof result === 'string') throw new Error(result);
    expect(result.summary.files.map((f) => [f.file, f.loaded])).toEqual([['pedidos.csv', 2]]);
    expect(result.summary.unrecognized_files).toEqual(['vendas.txt.bak']);
  });

  it('stops on a broken link, naming the link and where it points', async () => {
    const message = await load((_root, exports) => {
      writeExport(exports, 'pedidos.csv', orderLines);
      symlinkSync('/nao/existe/clientes.csv', join(exports, 'clientes.csv'));
    });
    expect(message).toBe(
      'clientes.csv: é um link simbólico para "/nao/existe/clientes.csv", que não existe ou não pode ser lido. ' +
        'Como corrigir: recrie o link apontando para o arquivo exportado, ou copie o arquivo para a pasta de exportações.',
    );
  });

  it('ignores a link to a folder, as it ignores subfolders', async () => {
    const result = await load((root, exports) => {
      writeExport(exports, 'pedidos.csv', orderLines);
      mkdirSync(join(root, 'old'));
      symlinkSync(join(root, 'old'), join(exports, 'clientes.csv'));
    });
    if (typeof result === 'string') throw new Error(result);
    expect(result.summary.files.map((f) => f.file)).toEqual(['pedidos.csv']);
    expect(result.summary.linked_files).toEqual([]);
  });
});
