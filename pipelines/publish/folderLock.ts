import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, Failure } from '../run/failure.ts';
import type { NamedPath } from './outputPaths.ts';
import { OWN_PREFIX } from './ownership.ts';

/** One run at a time publishes into a folder: the lock file holds the pid of the run that took it. */
const LOCK = `${OWN_PREFIX}lock`;

/** Takes the folder's lock, or stops (exit 7) when a live process holds it; a dead process's lock is taken over. */
export async function takeLock(dir: string, target: NamedPath): Promise<void> {
  const lock = join(dir, LOCK);
  try {
    const handle = await open(lock, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Failure(
      ExitCode.busy,
      `outra execução do Carteira (processo ${holder}) está publicando em ${target.flag} ${target.path}`,
      `espere ela terminar, ou, se ela travou, encerre o processo ${holder} e rode de novo`,
    );
  }
  await writeFile(lock, String(process.pid));
}

/** Gives the lock back, if this process holds it. */
export async function releaseLock(dir: string): Promise<void> {
  const lock = join(dir, LOCK);
  const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
  if (holder === process.pid) await rm(lock, { force: true });
}

/** Whether a process is running (a pid reused by another process counts as alive: its staging is left for later). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
