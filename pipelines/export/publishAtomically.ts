import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Runs `work` against a fresh staging folder beside `target` and swaps it in only when `work`
 * succeeds. On failure the staging folder is removed and the previous `target` stays as it was.
 */
export async function publishAtomically<T>(target: string, work: (staging: string) => Promise<T>): Promise<T> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
  const previous = join(parent, `.${basename(target)}.previous-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  let result: T;
  try {
    result = await work(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadTarget) await rename(previous, target);
    throw error;
  }
  if (hadTarget) await rm(previous, { recursive: true, force: true });
  return result;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
