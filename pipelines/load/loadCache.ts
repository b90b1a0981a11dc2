import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWN_PREFIX } from '../publish/ownership.ts';
import { sqlString, type Database } from '../warehouse/database.ts';
import type { ExportFile } from './discoverExports.ts';
import { isComputed } from './mappedColumns.ts';
import { fileHash, filesUnder, sha1, type FileHash } from './fileHashes.ts';
import type { NativeRead } from './nativeRead.ts';
import type { RawFile } from './prepareFile.ts';
import type { CsvScan } from './scanCsv.ts';
import type { FileDialect, TextEncoding } from './sniffFile.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * The per-file cache of the load, so that a rebuild re-reads only the exports that changed.
 *
 * After a load, every CSV export that read cleanly (nothing left out or mended by the scan, no record
 * DuckDB's reader could not split) leaves its rows as they entered `src_<entity>` (parsed values and
 * issue columns, before any cross-file check) in a Parquet file, with what the rest of the load needs
 * to know about the file in a JSON file beside it. Both are named by a key over the file's bytes, its
 * entity and mapping entry, and the loader's code: any change to one of them is a miss. The next load
 * puts a cached file's rows back in place of reading it, in the same order, and runs every check that
 * spans files (duplicates, the as-of date, orders against customers...) on all rows as before, so the
 * marts are those of a full read (test/marts/loadCache.test.ts).
 *
 * The folder sits beside the warehouse file and holds the exports' data (names and documents
 * included), like the warehouse itself; it is never published. Entries no load used are removed after
 * each load; only files named like entries are ever deleted.
 */
export const LOAD_CACHE_FOLDER = `${OWN_PREFIX}load-cache`;

const ENTRY = /^[0-9a-f]{40}\.(json|parquet)$/;
/** An entry being written, by the process whose id it carries. */
const PARTIAL = /^[0-9a-f]{40}\.(?:json|parquet)\.(\d+)\.partial$/;
const HASHES = 'hashes.json';
/** The project's code that decides what a file loads as: the pipelines and the locked package versions (DuckDB's reader). */
const CODE = [fileURLToPath(new URL('../', import.meta.url)), fileURLToPath(new URL('../../package-lock.json', import.meta.url))];

/** A native read as JSON. */
interface StoredRead {
  types: [string, string][];
  options: string;
}

/** What the load needs to know about a cached file besides its rows. */
export interface CachedFile {
  key: string;
  dialect: FileDialect;
  decimalComma: boolean;
  /** The file's notes for the load summary, as its first load left them. */
  notes: string[];
  /** What the scan counted: the record count is checked against the rows again. */
  scan: Pick<CsvScan, 'records' | 'lineBreak' | 'utf8'>;
  encoding: TextEncoding;
  /** The native read the file allows on its own (chooseNativeRead). */
  probe: StoredRead | null;
  /** The native read its rows were inserted with, null when read as text. */
  inserted: StoredRead | null;
  /** The entity's columns its rows were inserted with (columnsSignature). */
  columns: string;
  /** Physical lines of the records the first load reported, so reporting them again needs no walk of the file. */
  lines: [number, number][];
}

/** A cache entry found for a file of this load, with where its rows are. */
export type RestoredFile = CachedFile & { rows: string };

/** How a file's rows were read, as the cache compares it: its probe, the read used, the entity's columns. */
export interface FileRead {
  probe: NativeRead | null;
  inserted: NativeRead | null;
  columns: TypedColumnSql[];
}

export class LoadCache {
  private readonly used = new Set<string>();
  private readonly keys = new Map<string, string>();
  private hashes: Record<string, FileHash> = {};
  private codeHash = '';

  private constructor(readonly dir: string) {}

  /** Opens (creating) the cache folder `dir`. */
  static async open(dir: string): Promise<LoadCache> {
    const cache = new LoadCache(resolve(dir));
    await mkdir(cache.dir, { recursive: true });
    try {
      cache.hashes = JSON.parse(await readFile(join(cache.dir, HASHES), 'utf8')) as Record<string, FileHash>;
    } catch {
      cache.hashes = {};
    }
    const code: string[] = [];
    for (const entry of CODE) for (const path of await filesUnder(entry)) code.push((await fileHash(path)).sha1);
    // without the code in the key, a changed loader would put back rows read the old way
    if (code.length < 2) throw new Error(`load cache: the loader's code was not found under ${CODE.join(', ')}`);
    cache.codeHash = sha1(code.join('\n'));
    return cache;
  }

  /** The cached load of an export, or null (never cached, changed, or not a plain CSV). */
  async lookup(file: ExportFile): Promise<RestoredFile | null> {
    if (!cacheableExport(file)) return null;
    const key = await this.keyOf(file);
    const meta = join(this.dir, `${key}.json`);
    if (!existsSync(meta) || !existsSync(this.rowsPath(key))) return null;
    try {
      const entry = JSON.parse(await readFile(meta, 'utf8')) as CachedFile;
      if (entry.key !== key) return null;
      this.used.add(key);
      return { ...entry, rows: this.rowsPath(key) };
    } catch {
      return null;
    }
  }

  /**
   * Caches a file just read: its rows in src_<entity> (still with their issue columns) and its facts.
   * Files the scan mended or DuckDB's reader set records aside from are not cached: their reading
   * issues would need the file again.
   */
  async save(db: Database, raw: RawFile, read: FileRead): Promise<void> {
    if (raw.restored || !cacheableExport(raw.file) || !raw.reading || raw.csvRejectsTable) return;
    const { scan } = raw.reading;
    if (scan.dropped.length || scan.repairs.length || raw.dialect.encoding === 'utf-16le') return;
    const key = await this.keyOf(raw.file);
    const lines = await db.rows<{ rec: string; line: string }>(`select rec, line from issue_lines where file_idx = ${raw.index} and rec >= 0 and line >= 0`);
    const entry: CachedFile = {
      key,
      dialect: raw.dialect,
      decimalComma: raw.decimalComma,
      notes: raw.notes,
      scan: { records: scan.records, lineBreak: scan.lineBreak, utf8: scan.utf8 },
      encoding: raw.reading.encoding,
      probe: stored(read.probe),
      inserted: stored(read.inserted),
      columns: columnsSignature(read.columns),
      lines: lines.map((l) => [Number(l.rec), Number(l.line)]),
    };
    const rows = this.rowsPath(key);
    const partial = `${rows}.${process.pid}.partial`;
    await db.run(`copy (select * from src_${raw.file.entity.name} where file_idx = ${raw.index}) to ${sqlString(partial)} (format parquet)`);
    await rename(partial, rows);
    const meta = join(this.dir, `${key}.json`);
    await writeFile(`${meta}.${process.pid}.partial`, JSON.stringify(entry));
    await rename(`${meta}.${process.pid}.partial`, meta);
    this.used.add(key);
  }

  /** Removes the entries this load did not use (and partial writes of killed runs), and keeps the exports' hashes for the next. */
  async finish(): Promise<void> {
    for (const name of await readdir(this.dir)) {
      const unused = ENTRY.test(name) && !this.used.has(name.slice(0, 40));
      const partial = PARTIAL.exec(name);
      if (unused || (partial && !isRunning(Number(partial[1])))) await rm(join(this.dir, name), { force: true });
    }
    const seen = Object.fromEntries([...this.keys.keys()].map((path) => [path, this.hashes[path]]));
    await writeFile(join(this.dir, HASHES), JSON.stringify(seen));
  }

  private rowsPath(key: string): string {
    return join(this.dir, `${key}.parquet`);
  }

  private async keyOf(file: ExportFile): Promise<string> {
    const path = resolve(file.path);
    const known = this.keys.get(path);
    if (known) return known;
    const hash = await fileHash(path, this.hashes[path]);
    this.hashes[path] = hash;
    const key = sha1(JSON.stringify({ code: this.codeHash, entity: file.entity.name, mapping: file.mapping ?? null, bytes: hash.sha1 }));
    this.keys.set(path, key);
    return key;
  }
}

/** The query giving a restored file's rows in their order, numbered as file `index` of this load. */
export function restoredRowsSql(entry: RestoredFile, index: number): string {
  return `select ${index} as file_idx, * exclude (file_idx) from read_parquet(${sqlString(entry.rows)})`;
}

/** Whether a cached entry was made with the read this load chose for the file and the entity's columns. */
export function sameRead(entry: CachedFile, inserted: NativeRead | null, columns: TypedColumnSql[]): boolean {
  return entry.columns === columnsSignature(columns) && JSON.stringify(entry.inserted) === JSON.stringify(stored(inserted));
}

/** The native read of a cache entry. */
export function storedRead(read: StoredRead | null): NativeRead | null {
  return read ? { types: new Map(read.types), options: read.options } : null;
}

/** Plain CSV exports only: Parquet files are typed already, and files a mapping computes or queries depend on more than their bytes. */
function cacheableExport(file: ExportFile): boolean {
  const sharesFile = (file.siblings?.length ?? 0) > 0;
  // a compressed export's line lookups need its decompressed copy, which a restored file does not have
  return file.format === 'csv' && !file.compression && file.mapping?.sql === undefined && !(file.mapping ? isComputed(file.mapping, sharesFile) : sharesFile);
}

/** Whether a process is alive (a partial entry of a live run is still being written). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stored(read: NativeRead | null): StoredRead | null {
  return read ? { types: [...read.types].sort(([a], [b]) => a.localeCompare(b)), options: read.options } : null;
}

function columnsSignature(columns: TypedColumnSql[]): string {
  return JSON.stringify(columns.map((c) => [c.name, c.type, c.issueStored]));
}
