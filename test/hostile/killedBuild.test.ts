import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recover } from '../../pipelines/publish/recovery.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { caseDirs, leftovers, runCli, snapshot, SMALL_EXPORTS, withoutBookkeeping } from './hostileCase.ts';

/**
 * `npm run build` publishes marts and site together: a kill -9 or a failed site build at any point
 * leaves both as they were, or both new. Each test starts from a copy of one earlier publication.
 */

const repo = resolve(import.meta.dirname, '../..');
const tmp = tempDir('carteira-killed-build-');
afterAll(() => tmp.cleanup());

const V2 = { ...SMALL_EXPORTS, 'pedidos.csv': `${SMALL_EXPORTS['pedidos.csv']}P4;C2;10/02/2026;40\n` };

/** The astro build a command spawned, from /proc (tsx also runs an esbuild child, which is left alone). */
function astroChildrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('astro');
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startBuild(exports: string, out: string, dist: string, stdio: 'ignore' | 'pipe' = 'ignore'): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'pipelines/cli/build.ts', '--exports', exports, '--out', out, '--dist', dist, '--no-warehouse'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', stdio],
    detached: true,
  });
  return { child, exited: new Promise((r) => child.once('close', (code) => r(code))) };
}

describe('kill -9 or a failed site build while `npm run build` publishes', () => {
  const v1 = caseDirs(join(tmp.dir, 'v1'), SMALL_EXPORTS);
  const v2 = caseDirs(join(tmp.dir, 'v2'), V2);
  let oldMarts: Record<string, string>;
  let oldSite: Record<string, string>;

  beforeAll(() => {
    const run = runCli('build', ['--exports', v1.exports, '--out', v1.out, '--dist', v1.dist, '--no-warehouse']);
    expect(run.exit, run.output).toBe(0);
    oldMarts = withoutBookkeeping(snapshot(v1.out));
    oldSite = withoutBookkeeping(snapshot(v1.dist));
  }, 300_000);

  /** A copy of the earlier publication, as a user's folders would hold it before the run. */
  function previousPublication(name: string) {
    const c = caseDirs(join(tmp.dir, name));
    cpSync(v1.out, c.out, { recursive: true });
    cpSync(v1.dist, c.dist, { recursive: true });
    return c;
  }

  it('killed (with its astro child) while the site builds, the next start finds the previous marts and site byte for byte', { timeout: 300_000 }, async () => {
    const c = previousPublication('killed-during-site');
    const build = startBuild(v2.exports, c.out, c.dist);
    const staging = join(c.dist, `.carteira-staging-${build.child.pid}`);
    await until(() => existsSync(staging) && astroChildrenOf(build.child.pid!).length > 0, 'the astro build to start');
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(-build.child.pid!, 'SIGKILL');
    await build.exited;
    await recover(c.out);
    await recover(c.dist);
    expect(withoutBookkeeping(snapshot(c.out))).toEqual(oldMarts);
    expect(withoutBookkeeping(snapshot(c.dist))).toEqual(oldSite);
    expect([...leftovers(c.out), ...leftovers(c.dist)]).toEqual([]);
  });

  it('killed after the marts moved in but before the site did, the next start finishes both', { timeout: 300_000 }, async () => {
    const c = previousPublication('killed-between-folders');
    const run = runCli('build', ['--exports', v2.exports, '--out', c.out, '--dist', c.dist, '--no-warehouse'], { CARTEIRA_KILL_AT: 'first-folder-applied' });
    expect(run.signal, run.output).toBe('SIGKILL');
    // the site folder alone leads to the journal that finishes both
    await recover(c.dist);
    const marts = withoutBookkeeping(snapshot(c.out));
    expect(marts).not.toEqual(oldMarts);
    for (const [file, hash] of Object.entries(marts)) expect(snapshot(c.dist)[`dados/${file}`], `dist/dados/${file} is the new mart`).toBe(hash);
    expect(readFileSync(join(c.dist, 'index.html'), 'utf8')).toContain('10/02/2026');
    const manifest = JSON.parse(readFileSync(join(c.dist, '.carteira-manifest.json'), 'utf8')) as { files: string[] };
    expect(manifest.files.every((f) => existsSync(join(c.dist, f)))).toBe(true);
    expect(Object.keys(withoutBookkeeping(snapshot(c.dist))).sort()).toEqual([...manifest.files].sort());
    expect([...leftovers(c.out), ...leftovers(c.dist)]).toEqual([]);
  });

  it('when the site build fails (its process killed, as by the OOM killer), exits 6 and keeps the previous marts and site', { timeout: 300_000 }, async () => {
    const c = previousPublication('site-fails');
    const build = startBuild(v2.exports, c.out, c.dist, 'pipe');
    let output = '';
    build.child.stderr!.on('data', (chunk) => (output += chunk));
    await until(() => astroChildrenOf(build.child.pid!).length > 0, 'the astro build to start');
    for (const pid of astroChildrenOf(build.child.pid!)) process.kill(pid, 'SIGKILL');
    expect(await build.exited).toBe(6);
    expect(output).toContain('a geração do site (astro build) foi interrompida (sinal SIGKILL');
    expect(withoutBookkeeping(snapshot(c.out))).toEqual(oldMarts);
    expect(withoutBookkeeping(snapshot(c.dist))).toEqual(oldSite);
    expect([...leftovers(c.out), ...leftovers(c.dist)]).toEqual([]);
  });
});
