import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// Each duplicate_id reject names the line of the occurrence kept. Looking that line up once joined every
// duplicate with every line (5,000 duplicates took 20 s, 10,000 took 83 s); it must grow with the rejects.

describe('loading many duplicate ids', () => {
  let folder: ReturnType<typeof tempDir> | undefined;
  let db: Database | undefined;
  afterEach(() => {
    db?.close();
    folder?.cleanup();
  });

  it('rejects 5,000 duplicates in seconds, each naming the line of the order kept', async () => {
    const n = 5000;
    const lines = ['pedido;cliente;data;valor'];
    for (let i = 0; i < n; i++) lines.push(`P${i};C1;01/01/2026;10`);
    for (let i = 0; i < n; i++) lines.push(`P${i};C1;01/01/2026;11`);
    folder = tempDir();
    writeExport(folder.dir, 'pedidos.csv', lines);
    db = await Database.open();
    const started = Date.now();
    await loadExports(db, { exportsDir: folder.dir, scratchDir: folder.dir });
    const seconds = (Date.now() - started) / 1000;
    expect(Number(await db.scalar("select count(*) from load_rejects where reason_code = 'duplicate_id'"))).toBe(n);
    // P7 is first on line 9 (header line 1, P0 line 2) and repeated on line 9 + 5,000
    expect(await db.rows("select line, value, reason from load_rejects where value = 'P7'")).toEqual([
      { line: '5009', value: 'P7', reason: expect.stringContaining('(primeira ocorrência: pedidos.csv linha 9)') },
    ]);
    expect(seconds).toBeLessThan(10);
  }, 120_000);
});
