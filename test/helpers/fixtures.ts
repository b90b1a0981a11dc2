import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

/** A throwaway folder for one test; `cleanup` removes it. */
export function tempDir(prefix = 'carteira-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
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
