import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { tempDir } from '../helpers/fixtures.ts';

// A property, not an example: files made of the pieces real exports go wrong with (quotes, doubled and
// stray; CR alone, LF, CRLF; spaces before quotes; valid and cut UTF-8; Windows-1252 bytes) must load
// without DuckDB's raw errors and with DuckDB reading exactly as many records as the scan counted (the
// loader stops otherwise). The generator is seeded, so every run builds the same 60 files; this test
// found the rules for mixed line breaks and for spaces before an opening quote.

const PIECES = ['"', '""', '"""', '" ', ' "', '  "', ';', '\n', '\r', '\r\n', '\t', ' ', 'a', 'é', 'P1', '01/01/2026', '10']
  .map((p) => Buffer.from(p))
  .concat([Buffer.from([0xe9]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0x80])]);

/** A linear congruential generator: the same files on every run, no clock. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('the record count of any file built from troublesome pieces', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('is what DuckDB reads, for 60 seeded random files', async () => {
    const random = generator(20261203);
    const unexpected: string[] = [];
    for (let n = 0; n < 60; n++) {
      const parts = [Buffer.from('pedido;cliente;data;valor\n')];
      const length = 5 + Math.floor(random() * 60);
      for (let k = 0; k < length; k++) parts.push(PIECES[Math.floor(random() * PIECES.length)]!);
      const dir = join(tmp.dir, String(n));
      mkdirSync(dir);
      writeFileSync(join(dir, 'pedidos.csv'), Buffer.concat(parts));
      const db = await Database.open();
      try {
        await loadExports(db, { exportsDir: dir, scratchDir: dir, asOf: '2026-12-31' });
      } catch (error) {
        // most of these files have no valid order at all, which is the only stop expected
        const message = (error as Error).message;
        if (!/as-of date could not be determined/.test(message)) unexpected.push(`${n}: ${message.split('\n')[0]}`);
      } finally {
        db.close();
      }
    }
    expect(unexpected).toEqual([]);
  });
});
