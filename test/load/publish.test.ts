import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';
import { snapshot as filesAndHashes, withoutBookkeeping } from '../hostile/hostileCase.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Every published file (history snapshots included) with its content's hash. */
const snapshot = (dir: string): Record<string, string> => withoutBookkeeping(filesAndHashes(dir));

describe('publishing outputs', () => {
  const exportsDir = join(tmp.dir, 'exports');
  writeExport(exportsDir, 'pedidos.csv', ['pedido;cliente;data;valor', 'P1;C1;01/01/2026;10', 'P2;C2;15/01/2026;x', 'P3;C1;01/02/2026;20']);
  writeExport(exportsDir, 'clientes.csv', ['cliente;nome;uf', 'C1;Um;SP', 'C2;Dois;RJ']);

  // One order of three is rejected on purpose, far above the default 5% limit.
  const acceptRejects = true;

  it('gives byte-identical marts when run twice on the same inputs', async () => {
    await runPipeline({ exportsDir, outDir: join(tmp.dir, 'a'), warehousePath: null, acceptRejects });
    await runPipeline({ exportsDir, outDir: join(tmp.dir, 'b'), warehousePath: null, acceptRejects });
    const a = snapshot(join(tmp.dir, 'a'));
    expect(Object.keys(a)).toContain('rejects.parquet');
    expect(snapshot(join(tmp.dir, 'b'))).toEqual(a);
  });

  it('leaves the previous outputs untouched when a run fails', async () => {
    const out = join(tmp.dir, 'a');
    const before = snapshot(out);
    writeFileSync(join(exportsDir, 'clientes_2.csv'), '');
    await expect(runPipeline({ exportsDir, outDir: out, warehousePath: null, acceptRejects })).rejects.toThrow(/clientes_2\.csv: o arquivo está vazio/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.carteira-') && f !== '.carteira-manifest.json')).toEqual([]);
  });
});
