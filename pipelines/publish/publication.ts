import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExitCode, Failure, UnsafeOutputFailure } from '../run/failure.ts';
import { checkOutputPaths, type NamedPath } from './outputPaths.ts';
import { judgeOwnership, listFiles, OWN_PREFIX, writeDurably, writeManifest, type OutputKind, type Ownership } from './ownership.ts';

/** An output folder of a run. */
export interface FolderTarget extends NamedPath {
  kind: OutputKind;
}

/** Everything one run publishes, and the exports it must never touch. */
export interface PublicationPlan {
  exports: NamedPath;
  folders: FolderTarget[];
  /** The DuckDB warehouse file, or null to keep it in memory only. */
  warehouse: NamedPath | null;
}

/** The decision to publish: once this file exists, a killed run is finished by the next one. */
const JOURNAL = `${OWN_PREFIX}commit.json`;
const LOCK = `${OWN_PREFIX}lock`;
const STAGING = `${OWN_PREFIX}staging-`;

interface FolderStep {
  dir: string;
  kind: OutputKind;
  staging: string;
  /** Files the new publication brings (relative paths). */
  files: string[];
  /** Files of the previous publication, deleted when the new one does not bring them. */
  previous: string[];
}

interface Journal {
  folders: FolderStep[];
  warehouse: { staging: string; target: string } | null;
}

/**
 * One publication of outputs, safe against kill -9 at any instant: the run writes into staging
 * folders inside each target (so the final moves are renames on the target's own filesystem, also when
 * the target is a mount point), then writes a journal, then moves the files in. A run killed before the
 * journal leaves the previous outputs; one killed after it is finished by the next run's `begin`.
 * Only files Carteira wrote (listed in each folder's manifest) are ever replaced or deleted.
 */
export class Publication {
  private constructor(
    private readonly plan: PublicationPlan,
    private readonly steps: { target: FolderTarget; dir: string; staging: string; ownership: Ownership; created: boolean }[],
    private readonly warehouseStagingPath: string | null,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Checks the paths, finishes or cleans what killed runs left, takes each folder's lock and makes the
   * staging folders. Refuses (before any work) folders holding files Carteira did not write.
   */
  static async begin(plan: PublicationPlan, log: (line: string) => void = () => {}): Promise<Publication> {
    await checkOutputPaths({ exports: plan.exports, folders: plan.folders, warehouse: plan.warehouse });
    const steps: Publication['steps'] = [];
    try {
      for (const target of plan.folders) {
        const dir = resolve(target.path);
        const created = !existsSync(dir);
        await makeFolder(dir);
        await takeLock(dir, target);
        steps.push({ target, dir, staging: join(dir, `${STAGING}${process.pid}`), ownership: { files: [], foreign: [], adopted: false }, created });
        await recover(dir, log);
        const ownership = await judgeOwnership(dir, target.kind, target.flag);
        steps.at(-1)!.ownership = ownership;
        if (ownership.adopted) log(`${target.path}: pasta de uma versão anterior do Carteira; nenhum arquivo será apagado, os de mesmo nome serão substituídos`);
        if (ownership.foreign.length) log(`${target.path}: mantendo ${ownership.foreign.length} item(ns) que não foram gerados pelo Carteira (${ownership.foreign.slice(0, 3).join(', ')})`);
        await writeFile(`${steps.at(-1)!.staging}.json`, JSON.stringify({ pid: process.pid, journal: join(resolve(plan.folders[0]!.path), JOURNAL) }));
        await mkdir(steps.at(-1)!.staging, { recursive: true });
      }
      let warehouseStaging: string | null = null;
      if (plan.warehouse) {
        const target = resolve(plan.warehouse.path);
        await makeFolder(dirname(target));
        await recover(dirname(target), log);
        warehouseStaging = join(dirname(target), `${STAGING}${process.pid}-${basename(target)}`);
        await writeFile(`${warehouseStaging}.json`, JSON.stringify({ pid: process.pid, journal: join(resolve(plan.folders[0]!.path), JOURNAL) }));
      }
      return new Publication(plan, steps, warehouseStaging, log);
    } catch (error) {
      await new Publication(plan, steps, null, log).abort();
      throw error;
    }
  }

  /** The staging folder of an output kind: write that kind's outputs there. */
  staging(kind: OutputKind): string {
    const step = this.steps.find((s) => s.target.kind === kind);
    if (!step) throw new Error(`this publication has no ${kind} folder`);
    return step.staging;
  }

  /** Where to write the warehouse file before it is published, or null without a warehouse. */
  get warehouseStaging(): string | null {
    return this.warehouseStagingPath;
  }

  /** Publishes every staged output together: after this, all targets hold the new outputs. */
  async commit(): Promise<void> {
    const folders: FolderStep[] = [];
    for (const step of this.steps) {
      const files = await listFiles(step.staging);
      const previous = new Set(step.ownership.files);
      const clash = step.ownership.foreign.filter((entry) => files.some((f) => f === entry || f.startsWith(`${entry}/`)));
      if (clash.length) {
        await this.abort();
        throw new UnsafeOutputFailure(
          `${step.target.flag} ${step.target.path} tem ${clash.join(', ')}, que não foi gerado pelo Carteira e seria substituído`,
          'mova esse item para fora da pasta e rode de novo',
        );
      }
      folders.push({ dir: step.dir, kind: step.target.kind, staging: step.staging, files, previous: [...previous] });
    }
    const warehouse = this.warehouseStagingPath && existsSync(this.warehouseStagingPath)
      ? { staging: this.warehouseStagingPath, target: resolve(this.plan.warehouse!.path) }
      : null;
    killPoint('staged');
    const journal = join(this.steps[0]!.dir, JOURNAL);
    await writeDurably(journal, JSON.stringify({ folders, warehouse } satisfies Journal));
    killPoint('journal-written');
    await rollForward(journal);
    for (const step of this.steps) await releaseLock(step.dir);
  }

  /** Drops everything staged; the previous outputs stay as they were. */
  async abort(): Promise<void> {
    for (const step of this.steps) {
      await rm(step.staging, { recursive: true, force: true });
      await rm(`${step.staging}.json`, { force: true });
      await releaseLock(step.dir);
      if (step.created) await rmdir(step.dir).catch(() => {});
    }
    if (this.warehouseStagingPath) {
      for (const suffix of ['', '.wal', '.json']) await rm(`${this.warehouseStagingPath}${suffix}`, { force: true });
    }
  }
}

/** Finishes a journaled publication; every step can run again after a kill and gives the same result. */
async function rollForward(journalPath: string): Promise<void> {
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
    if (!match || match[3] !== '.json') continue;
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

/**
 * Creates a folder and its missing parents one level at a time. Node's recursive mkdir loops forever
 * where a parent exists but refuses children with ENOENT (inside /proc, for one); this fails instead.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing) await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

async function takeLock(dir: string, target: FolderTarget): Promise<void> {
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

async function releaseLock(dir: string): Promise<void> {
  const lock = join(dir, LOCK);
  const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
  if (holder === process.pid) await rm(lock, { force: true });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Fault injection for the kill -9 tests: CARTEIRA_KILL_AT=<point> kills the process there, as a
 * power cut or an OOM killer would, so the tests can check what the next run finds.
 */
export function killPoint(point: string): void {
  if (process.env.CARTEIRA_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}
