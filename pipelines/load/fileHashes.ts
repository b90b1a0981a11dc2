import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A file's content hash, reused while its size and modification time stay the same. */
export interface FileHash {
  size: number;
  mtimeMs: number;
  sha1: string;
}

/** Hashes a file's bytes, or returns `known` when the file's size and modification time still match it. */
export async function fileHash(path: string, known?: FileHash): Promise<FileHash> {
  const { size, mtimeMs } = await stat(path);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known;
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size, mtimeMs, sha1: hash.digest('hex') };
}

/** Every file under a path (itself when it is a file), absolute and sorted, skipping hidden entries and node_modules. */
export async function filesUnder(path: string): Promise<string[]> {
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

export const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');
