import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recover } from '../../pipelines/publish/recovery.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { caseDirs, leftovers, runCli, snapshot, SMALL_EXPORTS, withoutBookkeeping } from './hostileCase.ts';

/**
 * kill -9 at any instant of publishing leaves, once the next run has started, either the previous
 * outputs or the new ones, complete and byte for byte. The kill points inside the publication are set
 * with CARTEIRA_KILL_AT; the others are real kills at arbitrary times.
 */

const repo = resolve(import.meta.dirname, '../..');
const tmp = tempDir('carteira-killed-');
afterAll(() => tmp.cleanup());

// v2 has one more order, so every mart of the new publication differs from the old one.
const V2 = { ...SMALL_EXPORTS, 'pedidos.csv': `${SMALL_EXPORTS['pedidos.csv']}P4;C2;10/02/2026;40\n` };

function exportsOf(name: string, files: Record<string, string>): string {
  return caseDirs(join(tmp.dir, name), files).exports;
}

/**
 * Marts and warehouse of finished, uninterrupted runs, one after the other into one folder (the history
 * keeps each run's snapshot), as references.
 */
function reference(name: string, ...runs: string[]): { marts: Record<string, string>; asOf: string } {
  const out = join(tmp.dir, name, 'marts');
  let output = '';
  for (const exports of runs) {
    const run = runCli('pipeline', ['--exports', exports, '--out', out, '--no-warehouse']);
    expect(run.exit, run.output).toBe(0);
    output = run.output;
  }
  return { marts: withoutBookkeeping(snapshot(out)), asOf: output.match(/data de referência (\d{4}-\d{2}-\d{2})/)![1]! };
}

async function warehouseAsOf(file: string): Promise<string> {
  const db = await Database.open(file);
  try {
    return String(await db.scalar(`select strftime(max(as_of_date), '%Y-%m-%d') from settings`));
  } finally {
    db.close();
  }
}

describe('kill -9 while the pipeline publishes', () => {
  const v1 = exportsOf('v1', SMALL_EXPORTS);
  const v2 = exportsOf('v2', V2);
  const old = reference('ref-old', v1);
  const fresh = reference('ref-new', v1, v2);

  /** A case folder holding the old publication (marts and warehouse), as a user's would before the killed run. */
  function withOldPublication(name: string) {
    const root = join(tmp.dir, name);
    const out = join(root, 'marts');
    const warehouse = join(root, 'warehouse', 'carteira.duckdb');
    const run = runCli('pipeline', ['--exports', v1, '--out', out, '--warehouse', warehouse]);
    expect(run.exit, run.output).toBe(0);
    return { out, warehouse, args: ['--exports', v2, '--out', out, '--warehouse', warehouse] };
  }

  it('the two references differ, so the checks below can tell old from new', () => {
    expect(fresh.marts).not.toEqual(old.marts);
    expect(fresh.asOf).not.toBe(old.asOf);
  });

  for (const [point, expected] of [
    ['staged', 'old'],
    ['journal-written', 'new'],
    ['first-file-moved', 'new'],
    ['applied', 'new'],
  ] as const) {
    it(`killed at "${point}", the next start finds the ${expected} marts and warehouse, complete`, { timeout: 120_000 }, async () => {
      const c = withOldPublication(`point-${point}`);
      const killed = runCli('pipeline', c.args, { CARTEIRA_KILL_AT: point });
      expect(killed.signal, killed.output).toBe('SIGKILL');
      await recover(c.out);
      await recover(dirname(c.warehouse));
      const want = expected === 'old' ? old : fresh;
      expect(withoutBookkeeping(snapshot(c.out))).toEqual(want.marts);
      expect(await warehouseAsOf(c.warehouse)).toBe(want.asOf);
      expect([...leftovers(c.out), ...leftovers(dirname(c.warehouse))]).toEqual([]);
      const next = runCli('pipeline', c.args);
      expect(next.exit, next.output).toBe(0);
      expect(withoutBookkeeping(snapshot(c.out))).toEqual(fresh.marts);
    });
  }

  for (const afterMs of [400, 900, 1600, 2400]) {
    it(`killed at an arbitrary instant (${afterMs} ms), the next start finds the old or the new marts, complete`, { timeout: 120_000 }, async () => {
      const c = withOldPublication(`after-${afterMs}`);
      const child = spawn(process.execPath, ['--import', 'tsx', 'pipelines/cli/pipeline.ts', ...c.args], { cwd: repo, stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      await Promise.race([exited, new Promise((r) => setTimeout(r, afterMs))]);
      child.kill('SIGKILL');
      await exited;
      await recover(c.out);
      await recover(dirname(c.warehouse));
      const found = withoutBookkeeping(snapshot(c.out));
      expect([old.marts, fresh.marts]).toContainEqual(found);
      const isOld = JSON.stringify(found) === JSON.stringify(old.marts);
      expect(await warehouseAsOf(c.warehouse)).toBe(isOld ? old.asOf : fresh.asOf);
      expect([...leftovers(c.out), ...leftovers(dirname(c.warehouse))]).toEqual([]);
    });
  }

  it('publishes into a folder that is a mount point (no rename of the folder itself)', () => {
    const c = caseDirs(join(tmp.dir, 'mount'), SMALL_EXPORTS);
    const cli = `${JSON.stringify(process.execPath)} --import tsx pipelines/cli/pipeline.ts --exports ${JSON.stringify(c.exports)} --out ${JSON.stringify(c.out)} --no-warehouse`;
    const script = `set -e; mkdir -p ${JSON.stringify(c.out)}; mount -t tmpfs carteira ${JSON.stringify(c.out)}; mountpoint -q ${JSON.stringify(c.out)};
      ${cli} > /dev/null; ${cli} > /dev/null; ls ${JSON.stringify(c.out)} | grep -c parquet`;
    const run = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: repo, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(Number(run.stdout.trim())).toBe(Object.keys(old.marts).filter((f) => f.endsWith('.parquet') && !f.includes('/')).length);
  });
});
