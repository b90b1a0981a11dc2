import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { killPoint } from './killPoint.ts';
import { isAlive } from './folderLock.ts';
import { OWN_PREFIX, writeManifest, type OutputKind } from './ownership.ts';

/** The decision to publish: once this file exists, a killed run is finished by the next one. */
export const JOURNAL = `${OWN_PREFIX}commit.json`;
/** Staging folders and files start with this, followed by the pid of the run that owns them. */
export const STAGING = `${OWN_PREFIX}staging-`;

/** One folder's part of a publication: where its new files are staged, and which files it had. */
export interface FolderStep {
  dir: string;
  kind: OutputKind;
  staging: string;
  /** Files the new publication brings (relative paths). */
  files: string[];
  /** Files of the previous publication, deleted when the new one does not bring them. */
  previous: string[];
}

/** Everything a run decided to publish. */
export interface Journal {
  folders: FolderStep[];
  warehouse: { staging: string; target: string } | null;
}

/** Finishes a journaled publication; every step can run again after a kill and gives the same result. */
export async function rollForward(journalPath: string): Promise<void> {
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as Journal;
  for (const [i, folder] of journal.folders.entries()) {
    await applyFolder(folder);
    if (i === 0) killPoint('first-folder-applied');
  }
  if (journal.warehouse) {
    if (existsSync(journal.warehouse.staging)) await rename(journal.warehouse.staging, journal.warehouse.target);
    await rm(`${journal.warehouse.staging}.wal`, { force: true });
    await rm(`${journal.warehouse.staging}.json`, { force: true });
  }
  killPoint('applied');
  await rm(journalPath, { force: true });
}

async function applyFolder(step: FolderStep): Promise<void> {
  const bringing = new Set(step.files);
  const leaving = step.previous.filter((f) => !bringing.has(f));
  for (const file of leaving) await rm(join(step.dir, file), { force: true });
  await pruneEmptyFolders(step.dir, leaving);
  let moved = 0;
  for (const file of step.files) {
    const from = join(step.staging, file);
    if (!existsSync(from)) continue;
    const to = join(step.dir, file);
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
    if (++moved === 1) killPoint('first-file-moved');
  }
  await writeManifest(step.dir, step.kind, step.files);
  await rm(step.staging, { recursive: true, force: true });
  await rm(`${step.staging}.json`, { force: true });
}

/** Removes the folders that held the deleted files once they are empty, deepest first; a folder with anything else in it stays. */
async function pruneEmptyFolders(root: string, deleted: string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of deleted) {
    const parts = file.split('/');
    for (let i = parts.length - 1; i > 0; i--) folders.add(parts.slice(0, i).join('/'));
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) await rmdir(join(root, folder)).catch(() => {});
}

/**
 * What killed runs left in `dir`: a journal is finished (the run had decided to publish); a staging
 * folder or file of a dead process whose journal does not exist is deleted.
 */
export async function recover(dir: string, log: (line: string) => void = () => {}): Promise<void> {
  if (!existsSync(dir)) return;
  if (existsSync(join(dir, JOURNAL))) {
    log(`${dir}: concluindo a publicação interrompida de uma execução anterior`);
    await rollForward(join(dir, JOURNAL));
  }
  for (const name of await readdir(dir)) {
    const match = new RegExp(`^${STAGING}(\\d+)(.*?)(\\.json|\\.wal)?$`).exec(name);
    if (match?.[3] !== '.json') continue;
    const pid = Number(match[1]);
    const staging = join(dir, name.slice(0, -'.json'.length));
    let journal: string | undefined;
    try {
      journal = (JSON.parse(await readFile(join(dir, name), 'utf8')) as { journal?: string }).journal;
    } catch {
      // a marker cut short by a kill: its run never reached the journal
    }
    if (journal && existsSync(journal)) {
      log(`${dir}: concluindo a publicação interrompida de uma execução anterior`);
      await rollForward(journal);
    } else if (!isAlive(pid)) {
      log(`${dir}: removendo o que sobrou de uma execução interrompida (${basename(staging)})`);
      for (const suffix of ['', '.wal', '.json']) await rm(`${staging}${suffix}`, { recursive: true, force: true });
    }
  }
  for (const name of await readdir(dir)) {
    // a staging whose marker was never written, and half-written bookkeeping files (name.<pid>.tmp)
    const orphan = new RegExp(`^${STAGING}(\\d+)`).exec(name) ?? new RegExp(`^${OWN_PREFIX}.*\\.(\\d+)\\.tmp$`).exec(name);
    if (orphan && !name.endsWith('.json') && !existsSync(join(dir, `${name}.json`)) && !isAlive(Number(orphan[1]))) {
      await rm(join(dir, name), { recursive: true, force: true });
    }
  }
}
