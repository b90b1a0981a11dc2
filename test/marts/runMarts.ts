import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

/** The published marts of one fixture run, queried back from their Parquet files. */
export interface MartRun {
  /** Rows as JSON values: INTEGER and DOUBLE as numbers, DECIMAL and BIGINT as strings, DATE as 'YYYY-MM-DD'. */
  rows: <T = Record<string, unknown>>(sql: string) => Promise<T[]>;
  /** The folder of the published Parquet files. */
  dir: string;
  close: () => void;
}

/** The pseudonym key of every fixture run, so tests can state the pseudonyms they expect. */
export const TEST_PSEUDONYM_KEY = 'carteira-test-key-0123456789abcdef';

/**
 * Writes the fixture files (name → CSV lines) to a temp exports folder, runs the whole pipeline into a
 * temp output folder (with `config` as its --config file when given), and opens every published Parquet
 * file as a view named after its mart.
 */
export async function runMarts(files: Record<string, string[]>, asOf: string, config?: object): Promise<MartRun> {
  const exports = tempDir('carteira-marts-in-');
  const out = tempDir('carteira-marts-out-');
  for (const [name, lines] of Object.entries(files)) writeExport(exports.dir, name, lines);
  const outDir = join(out.dir, 'marts');
  const configPath = config ? join(out.dir, 'config.json') : undefined;
  if (configPath) writeFileSync(configPath, JSON.stringify(config));
  const pseudonymKeyFile = join(out.dir, 'pseudonym.key');
  writeFileSync(pseudonymKeyFile, TEST_PSEUDONYM_KEY);
  await runPipeline({ exportsDir: exports.dir, outDir, asOf, configPath, warehousePath: null, pseudonymKeyFile });
  const db = await Database.open();
  for (const file of readdirSync(outDir).filter((f) => f.endsWith('.parquet'))) {
    await db.run(`create view ${file.replace('.parquet', '')} as select * from read_parquet('${join(outDir, file)}')`);
  }
  return {
    rows: (sql) => db.rows(sql),
    dir: outDir,
    close: () => {
      db.close();
      exports.cleanup();
      out.cleanup();
    },
  };
}
