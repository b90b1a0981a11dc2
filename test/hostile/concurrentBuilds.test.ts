import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.ts';
import { caseDirs, SMALL_EXPORTS } from './hostileCase.ts';

/**
 * Two `npm run build` from one checkout at the same time (a scheduled build while someone builds by
 * hand, or one build per region), each publishing outside the project. Astro writes such a build's
 * bundles to a folder under its working directory and copies it into the site at the end: sharing it,
 * one build crashed on a module the other had deleted, or published the other's server code.
 */

const repo = resolve(import.meta.dirname, '../..');
const tmp = tempDir('carteira-concurrent-builds-');
afterAll(() => tmp.cleanup());

function build(root: string, exports: Record<string, string>): Promise<{ exit: number | null; output: string; dist: string }> {
  const dirs = caseDirs(root, exports);
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'pipelines/cli/build.ts', '--exports', dirs.exports, '--out', dirs.out, '--dist', dirs.dist, '--no-warehouse'],
      { cwd: repo, env: { ...process.env, FORCE_COLOR: '0' } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (exit) => done({ exit, output, dist: dirs.dist }));
  });
}

/** The site's files; the history snapshot's folder named without its date (the two data sets end on different days). */
const files = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.replace(/as_of_date=[\d-]+/, 'as_of_date=…'))
    .sort();

describe('two builds from one checkout at the same time', () => {
  it('each publish a whole site of their own, with no bundle of the other', { timeout: 300_000 }, async () => {
    const other = { ...SMALL_EXPORTS, 'pedidos.csv': `${SMALL_EXPORTS['pedidos.csv']}P4;C2;10/02/2026;40\n` };
    const [a, b] = await Promise.all([build(join(tmp.dir, 'a'), SMALL_EXPORTS), build(join(tmp.dir, 'b'), other)]);
    expect(a.exit, a.output).toBe(0);
    expect(b.exit, b.output).toBe(0);
    expect(files(a.dist)).toEqual(files(b.dist));
    expect(files(a.dist).filter((f) => f.endsWith('.mjs'))).toEqual([]);
    expect(readdirSync(repo).filter((name) => name === '.carteira-astro-builds' && readdirSync(join(repo, name)).length > 0)).toEqual([]);
  });
});
