import { existsSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { forgetBuild } from '../run/buildFingerprint.ts';
import { UnsafeOutputFailure } from '../run/failure.ts';
import { releaseLock, takeLock } from './folderLock.ts';
import { killPoint } from './killPoint.ts';
import { checkOutputPaths, type NamedPath } from './outputPaths.ts';
import { judgeOwnership, listFiles, writeDurably, type OutputKind, type Ownership } from './ownership.ts';
import { JOURNAL, recover, rollForward, STAGING, type FolderStep, type Journal } from './recovery.ts';

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
        await forgetBuild(dir);
        const ownership = await judgeOwnership(dir, target.kind, target.flag);
        steps.at(-1)!.ownership = ownership;
        if (ownership.adopted)
          log(`${target.path}: pasta de uma versão anterior do Carteira; nenhum arquivo será apagado, os de mesmo nome serão substituídos`);
        if (ownership.foreign.length)
          log(
            `${target.path}: mantendo ${ownership.foreign.length} item(ns) que não foram gerados pelo Carteira (${ownership.foreign.slice(0, 3).join(', ')})`,
          );
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
      return new Publication(plan, steps, warehouseStaging);
    } catch (error) {
      await new Publication(plan, steps, null).abort();
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
    const warehouse =
      this.warehouseStagingPath && existsSync(this.warehouseStagingPath)
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
  for (const folder of missing)
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
}
