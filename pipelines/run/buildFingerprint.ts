import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { isDemoExports } from '../demo/demoMarker.ts';
import { OWN_PREFIX, writeDurably } from '../publish/ownership.ts';

/**
 * The fingerprint of a published build, kept in the bookkeeping of the marts folder and of the site
 * folder: a hash of everything the outputs are made of (the exports' contents, mapping, config,
 * pseudonym key, flags and the code). A build whose fingerprint equals the one both folders hold has
 * nothing to do. Every publication removes the fingerprints first (Publication.begin), so a folder
 * rewritten since (by `npm run pipeline`, or a build killed half-way) never matches.
 */
export const BUILD_FINGERPRINT = `${OWN_PREFIX}build.json`;

/** Code and configuration of the project that shape the outputs, relative to the working directory. */
const CODE = ['pipelines', 'src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** A file's content hash, reused while its size and modification time stay the same. */
interface FileHash {
  size: number;
  mtimeMs: number;
  sha1: string;
}

interface Recorded {
  key: string;
  /** The exports' hashes by absolute path, so the next check hashes only the files that changed. */
  exports: Record<string, FileHash>;
  /** The warehouse file as published (size, time), or null without one. */
  warehouse: { path: string; size: number; mtimeMs: number } | null;
}

export interface BuildInputs {
  exportsDir: string;
  mappingPath?: string | undefined;
  configPath?: string | undefined;
  /** The pseudonym key itself: only its hash enters the fingerprint. */
  pseudonymKey: string;
  /** Every flag that changes the outputs (as-of, accept-rejects, pdf...). */
  flags: Record<string, unknown>;
  martsDir: string;
  siteDir: string;
  warehousePath: string | null;
}

export interface Fingerprint {
  key: string;
  exports: Record<string, FileHash>;
}

/** Hashes the inputs of a build; exports whose size and time match the last record are not re-read. */
export async function fingerprintBuild(inputs: BuildInputs): Promise<Fingerprint> {
  const previous = (await readRecorded(inputs.martsDir))?.exports ?? {};
  const exportsDir = resolve(inputs.exportsDir);
  const exports: Record<string, FileHash> = {};
  for (const path of await filesUnder(exportsDir)) exports[path] = await fileHash(path, previous[path]);
  const code: [string, string][] = [];
  for (const entry of CODE) {
    for (const path of await filesUnder(resolve(entry))) code.push([relative(process.cwd(), path), (await fileHash(path)).sha1]);
  }
  const optional = async (path: string | undefined) => (path ? (await fileHash(resolve(path))).sha1 : null);
  const key = sha1(
    JSON.stringify({
      node: process.version,
      demo: isDemoExports(exportsDir),
      exports: Object.entries(exports).map(([path, hash]) => [relative(exportsDir, path), hash.sha1]),
      mapping: await optional(inputs.mappingPath),
      config: await optional(inputs.configPath),
      pseudonymKey: sha1(inputs.pseudonymKey),
      flags: inputs.flags,
      outputs: [resolve(inputs.martsDir), resolve(inputs.siteDir), inputs.warehousePath && resolve(inputs.warehousePath)],
      code,
    }),
  );
  return { key, exports };
}

/** Whether the marts folder, the site folder and the warehouse file still hold the build of exactly these inputs. */
export async function isPublished(fingerprint: Fingerprint, inputs: Pick<BuildInputs, 'martsDir' | 'siteDir' | 'warehousePath'>): Promise<boolean> {
  const marts = await readRecorded(inputs.martsDir);
  const site = await readRecorded(inputs.siteDir);
  if (marts?.key !== fingerprint.key || site?.key !== fingerprint.key) return false;
  if (!inputs.warehousePath) return marts.warehouse === null;
  const warehouse = await stat(inputs.warehousePath).catch(() => null);
  return !!warehouse && marts.warehouse?.size === warehouse.size && marts.warehouse.mtimeMs === warehouse.mtimeMs;
}

/** Records a build just published in both folders' bookkeeping. */
export async function recordBuild(fingerprint: Fingerprint, inputs: Pick<BuildInputs, 'martsDir' | 'siteDir' | 'warehousePath'>): Promise<void> {
  const warehouse = inputs.warehousePath ? await stat(inputs.warehousePath).catch(() => null) : null;
  const recorded: Recorded = {
    key: fingerprint.key,
    exports: fingerprint.exports,
    warehouse: warehouse ? { path: resolve(inputs.warehousePath!), size: warehouse.size, mtimeMs: warehouse.mtimeMs } : null,
  };
  const text = `${JSON.stringify(recorded)}\n`;
  for (const dir of [inputs.martsDir, inputs.siteDir]) await writeDurably(join(dir, BUILD_FINGERPRINT), text);
}

/** Removes a folder's build fingerprint: its contents are about to change. */
export async function forgetBuild(dir: string): Promise<void> {
  await rm(join(dir, BUILD_FINGERPRINT), { force: true });
}

async function readRecorded(dir: string): Promise<Recorded | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, BUILD_FINGERPRINT), 'utf8')) as Recorded;
    return typeof parsed.key === 'string' && parsed.exports && typeof parsed.exports === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** Every file under a path (itself when it is a file), absolute and sorted, skipping hidden entries and node_modules. */
async function filesUnder(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (file) =>
        !relative(path, file)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
}

async function fileHash(path: string, known?: FileHash): Promise<FileHash> {
  const { size, mtimeMs } = await stat(path);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known;
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size, mtimeMs, sha1: hash.digest('hex') };
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
