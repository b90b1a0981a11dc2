import { existsSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { UnsafeOutputFailure } from '../run/failure.ts';

/** The kinds of folder Carteira publishes. */
export type OutputKind = 'marts' | 'site';

/** Carteira's own bookkeeping files in an output folder all start with this prefix and are never published content. */
export const OWN_PREFIX = '.carteira-';

/** The list of files Carteira wrote into a folder: only these are ever replaced or deleted. */
const MANIFEST = `${OWN_PREFIX}manifest.json`;

interface Manifest {
  tool: 'carteira';
  kind: OutputKind;
  /** Paths relative to the folder, with '/' separators, sorted. */
  files: string[];
}

/** What Carteira may do in an output folder: the files it wrote earlier (replaceable), and what it must keep. */
export interface Ownership {
  /** Files of the previous publication, which the next one may replace or delete. */
  files: string[];
  /** Entries present that Carteira did not write; they are left alone. */
  foreign: string[];
  /** The folder came from an earlier Carteira without a manifest: nothing in it is deleted, same-named files are replaced. */
  adopted: boolean;
}

/**
 * Decides whether Carteira may publish into `dir`: yes when the folder is missing or empty, or holds
 * Carteira's manifest; a folder written by a Carteira version before manifests is recognised by its
 * signature files and adopted without deleting anything; any other non-empty folder is refused.
 */
export async function judgeOwnership(dir: string, kind: OutputKind, flag: string): Promise<Ownership> {
  const entries = existsSync(dir) ? (await readdir(dir)).filter((name) => !name.startsWith(OWN_PREFIX)) : [];
  const manifest = await readManifest(dir);
  if (manifest && manifest.kind !== kind) {
    throw new UnsafeOutputFailure(
      `${flag} ${dir} guarda ${kindNames[manifest.kind]} do Carteira, não ${kindNames[kind]}; publicar ali apagaria o que está lá`,
      `indique em ${flag} a pasta ${kind === 'marts' ? 'dos marts (por exemplo data/marts)' : 'do site (por exemplo dist)'}`,
    );
  }
  if (manifest) {
    const tops = new Set(manifest.files.map((f) => f.split('/')[0]!));
    return { files: manifest.files, foreign: entries.filter((e) => !tops.has(e)), adopted: false };
  }
  if (!entries.length) return { files: [], foreign: [], adopted: false };
  if (signatures[kind].every((file) => existsSync(join(dir, file)))) return { files: [], foreign: [], adopted: true };
  const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, … (${entries.length} itens)` : '');
  throw new UnsafeOutputFailure(
    `${flag} ${dir} já contém arquivos que não foram gerados pelo Carteira (${shown}); publicar ali poderia misturá-los ou apagá-los`,
    `indique em ${flag} uma pasta nova ou vazia (por exemplo ${kind === 'marts' ? 'data/marts' : 'dist'}), ou mova esses arquivos para outro lugar`,
  );
}

const kindNames: Record<OutputKind, string> = { marts: 'os marts', site: 'o site' };

/** Files only a Carteira publication has, for folders written before manifests existed. */
const signatures: Record<OutputKind, string[]> = {
  marts: ['data_dictionary.parquet', 'load_summary.parquet'],
  site: ['index.html', 'dados/data_dictionary.parquet'],
};

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
    if (parsed.tool !== 'carteira' || !Array.isArray(parsed.files)) return null;
    // an edited manifest must not reach outside its folder
    return { ...parsed, files: parsed.files.filter((f) => typeof f === 'string' && f !== '' && !isAbsolute(f) && !f.split(/[\\/]/).includes('..')) };
  } catch {
    return null;
  }
}

/** Records the files a publication wrote, replacing the manifest in one rename. */
export async function writeManifest(dir: string, kind: OutputKind, files: string[]): Promise<void> {
  const manifest: Manifest = { tool: 'carteira', kind, files: [...files].sort() };
  await writeDurably(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
}

/** Writes a small file so that it is either absent, the old one, or the new one complete, even after kill -9 or power loss. */
export async function writeDurably(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, { flush: true });
  await rename(temp, path);
}

/** Every file under `dir`, as '/'-separated relative paths, leaving out Carteira's own bookkeeping. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .filter((path) => !path.split('/').some((part) => part.startsWith(OWN_PREFIX)))
    .sort();
}
