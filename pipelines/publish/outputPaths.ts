import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UnsafeOutputFailure } from '../run/failure.ts';

/** A path the run reads or writes, with the flag that named it (for the message). */
export interface NamedPath {
  flag: string;
  path: string;
}

/** The paths of one run: what it reads, and the folders and file it publishes to. */
export interface RunPaths {
  exports: NamedPath;
  folders: NamedPath[];
  warehouse: NamedPath | null;
}

/**
 * Refuses, before any work, outputs that could destroy inputs or each other: an output folder equal to,
 * inside or containing the exports folder or another output, a warehouse file inside the exports or an
 * output folder (it would be published), an output folder that is a file, a warehouse that is a folder
 * or a file that is not a DuckDB database. Paths are compared after resolving symbolic links.
 */
export async function checkOutputPaths(paths: RunPaths): Promise<void> {
  const exports = { ...paths.exports, real: await realPathOf(paths.exports.path) };
  const folders = await Promise.all(paths.folders.map(async (f) => ({ ...f, real: await realPathOf(f.path) })));
  for (const folder of folders) {
    refuseOverlap(folder, exports, 'suas exportações seriam apagadas ou publicadas');
    const kind = await kindOf(folder.path);
    if (kind === 'file') {
      throw new UnsafeOutputFailure(
        `${folder.flag} ${folder.path} é um arquivo, não uma pasta`,
        `indique em ${folder.flag} uma pasta nova ou uma pasta gerada pelo Carteira`,
      );
    }
  }
  for (const [i, a] of folders.entries()) {
    for (const b of folders.slice(i + 1)) refuseOverlap(a, b, 'uma publicação apagaria a outra');
  }
  if (!paths.warehouse) return;
  const warehouse = { ...paths.warehouse, real: await realPathOf(paths.warehouse.path) };
  if (isInside(warehouse.real, exports.real) || warehouse.real === exports.real) {
    throw new UnsafeOutputFailure(
      `${warehouse.flag} ${warehouse.path} fica dentro da pasta de exportações (${exports.flag} ${exports.path})`,
      `guarde o warehouse fora das exportações, por exemplo ${warehouse.flag} data/warehouse/carteira.duckdb, ou use --no-warehouse`,
    );
  }
  for (const folder of folders) {
    if (isInside(warehouse.real, folder.real) || warehouse.real === folder.real) {
      throw new UnsafeOutputFailure(
        `${warehouse.flag} ${warehouse.path} fica dentro de ${folder.flag} ${folder.path}, e o warehouse (com os dados completos) seria publicado`,
        `guarde o warehouse em outra pasta, por exemplo ${warehouse.flag} data/warehouse/carteira.duckdb, ou use --no-warehouse`,
      );
    }
  }
  const kind = await kindOf(warehouse.path);
  if (kind === 'folder') {
    throw new UnsafeOutputFailure(
      `${warehouse.flag} ${warehouse.path} é uma pasta; o warehouse é um arquivo`,
      `indique um arquivo, por exemplo ${warehouse.flag} ${join(warehouse.path, 'carteira.duckdb')}`,
    );
  }
  if (kind === 'file' && !(await isDuckDbFile(warehouse.path))) {
    throw new UnsafeOutputFailure(
      `${warehouse.flag} ${warehouse.path} já existe e não é um banco DuckDB; o Carteira não o substitui`,
      `indique um arquivo novo (por exemplo ${join(dirname(warehouse.path), 'carteira.duckdb')}) ou use --no-warehouse`,
    );
  }
}

function refuseOverlap(a: NamedPath & { real: string }, b: NamedPath & { real: string }, consequence: string): void {
  const relation = a.real === b.real ? 'é a mesma pasta que' : isInside(a.real, b.real) ? 'fica dentro de' : isInside(b.real, a.real) ? 'contém' : null;
  if (!relation) return;
  throw new UnsafeOutputFailure(
    `${a.flag} ${a.path} ${relation} ${b.flag} ${b.path}: ${consequence}`,
    `use pastas separadas, por exemplo ${a.flag} ${suggestionFor(a.flag)} (nenhuma dentro da outra)`,
  );
}

const suggestions: Record<string, string> = { '--out': 'data/marts', '--dist': 'dist', '--exports': 'data/exports' };
const suggestionFor = (flag: string): string => suggestions[flag] ?? 'outra-pasta';

/** Whether `path` lies strictly inside `folder`. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The absolute path with every symbolic link of its existing part resolved; the missing rest is appended. */
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      missing.push(basename(current));
      current = parent;
    }
  }
}

async function kindOf(path: string): Promise<'file' | 'folder' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}

/** DuckDB database files carry "DUCK" at byte 8. */
async function isDuckDbFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    return bytesRead === 12 && head.subarray(8, 12).toString('latin1') === 'DUCK';
  } finally {
    await handle.close();
  }
}
