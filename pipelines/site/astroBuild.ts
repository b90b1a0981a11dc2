import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isAlive } from '../publish/folderLock.ts';
import { OWN_PREFIX } from '../publish/ownership.ts';

/** The project root, where astro.config.mjs and node_modules are. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The working folders of the builds running, one per build, named by process id and a random part. */
const WORKING = join(ROOT, `${OWN_PREFIX}astro-builds`);

export interface AstroBuild {
  martsDir: string;
  outDir: string;
  /** Extra environment for astro (TZ in the tests). */
  env?: NodeJS.ProcessEnv;
  /** Each line astro prints, stdout and stderr. */
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}

/**
 * Runs `astro build` in its own process (so Vite and the pipeline never share module hooks) and resolves
 * with its exit code, or its signal when it was killed.
 *
 * When the output folder is outside the working directory (a `--dist` in /tmp, say), Astro writes a
 * static build's bundles to `<working directory>/.astro/`, copies that folder into the output at the end
 * and deletes it. Two builds from one checkout at the same time, both from the project root, would each
 * publish the other's bundles or lose their own mid-build. So each build runs from a working folder of
 * its own inside the project (its bundles still find node_modules by walking up), removed when it ends;
 * the folder of a build that was killed is removed by the next one.
 */
export async function runAstroBuild({ martsDir, outDir, env = {}, onLine }: AstroBuild): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  await removeAbandoned();
  const cwd = join(WORKING, `${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(cwd, { recursive: true });
  try {
    return await new Promise((done, fail) => {
      // A larger young generation: rendering a page's charts (Plot on a server DOM) makes short-lived garbage,
      // and with V8's default semi-space the scavenges were a third of the page time at 10 million lines.
      const child = spawn(
        process.execPath,
        ['--max-semi-space-size=64', join(ROOT, 'node_modules/astro/astro.js'), 'build', '--root', ROOT, '--outDir', resolve(outDir)],
        { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, CARTEIRA_MARTS_DIR: resolve(martsDir), ASTRO_TELEMETRY_DISABLED: '1' } },
      );
      createInterface({ input: child.stdout }).on('line', (line) => onLine(line, 'stdout'));
      createInterface({ input: child.stderr }).on('line', (line) => onLine(line, 'stderr'));
      child.on('error', fail);
      // 'close', not 'exit': only then has every line of its output been relayed
      child.on('close', (code, signal) => done({ code, signal }));
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** Removes the working folders of builds whose process is gone (killed before it could clean up). */
async function removeAbandoned(): Promise<void> {
  for (const name of await readdir(WORKING).catch(() => [] as string[])) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await rm(join(WORKING, name), { recursive: true, force: true });
  }
}
