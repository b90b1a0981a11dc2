import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { afterAll, beforeAll } from 'vitest';

/** A throwaway folder for one test; `cleanup` removes it. */
export function tempDir(prefix = 'carteira-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A throwaway marts folder, set as CARTEIRA_MARTS_DIR for the tests of the enclosing describe: `write` fills it
 * before they run (a DuckDB connection, to COPY fixture rows to Parquet files in `dir`); afterwards the
 * variable is put back and the folder removed.
 */
export function tempMartsDir(prefix: string, write: (connection: DuckDBConnection, dir: string) => Promise<void>): { dir: string } {
  const marts = tempDir(prefix);
  const previous = process.env.CARTEIRA_MARTS_DIR;
  beforeAll(async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await write(connection, marts.dir);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    process.env.CARTEIRA_MARTS_DIR = marts.dir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CARTEIRA_MARTS_DIR;
    else process.env.CARTEIRA_MARTS_DIR = previous;
    marts.cleanup();
  });
  return { dir: marts.dir };
}

/** Writes a fixture file from lines, choosing line ending and encoding like a real export would. */
export function writeExport(
  dir: string,
  name: string,
  lines: string[],
  options: { eol?: '\n' | '\r\n'; encoding?: 'utf-8' | 'windows-1252'; bom?: boolean } = {},
): string {
  mkdirSync(dir, { recursive: true });
  const text = lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
  const body = options.encoding === 'windows-1252' ? iconv.encode(text, 'win1252') : Buffer.from(text, 'utf8');
  const path = join(dir, name);
  writeFileSync(path, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return path;
}
