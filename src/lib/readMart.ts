import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, type DuckDBValueConverter, type JS, JSDuckDBValueConverter } from '@duckdb/node-api';
import type { z } from 'zod';
import { sqlIdent, sqlString } from '../../pipelines/contract/sqlText.ts';
import { checkRows, type MartName, type MartRow, martSchema } from './martRows.ts';

/** One row of a query as plain JS: BIGINT and DECIMAL as number, DATE and TIMESTAMP as UTC Date. */
type PlainRow = Record<string, unknown>;

/** A Parquet file in the marts folder. */
export interface MartFile {
  /** Mart name: the file name without `.parquet`. */
  name: string;
  file: string;
  path: string;
  rows: number;
  bytes: number;
  /** Parquet key-value metadata written by the exporter (schema_version, as_of_date, grain). */
  metadata: Record<string, string>;
}

/** A column of a mart with its DuckDB type name (e.g. "DECIMAL(18,2)", "DATE"). */
export interface MartColumn {
  name: string;
  type: string;
}

const MART_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * The project root: the nearest folder above the working directory holding astro.config.mjs.
 * Not derived from import.meta.url because Astro bundles this module into dist/ chunks.
 */
export function projectRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'astro.config.mjs'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The marts folder: `CARTEIRA_MARTS_DIR` if set, else `data/marts`, relative to the project root. */
export function martsDir(): string {
  const configured = process.env.CARTEIRA_MARTS_DIR?.trim();
  const dir = configured || 'data/marts';
  return isAbsolute(dir) ? dir : resolve(projectRoot(), dir);
}

/** The path of a mart's Parquet file; refuses names that could leave the folder or break SQL. */
export function martPath(name: string): string {
  if (!MART_NAME.test(name)) throw new Error(`Invalid mart name "${name}": use letters, digits and _ only.`);
  return join(martsDir(), `${name}.parquet`);
}

/** The marts folder as it is now: its path, and its identity and time when it exists (a publication replaces it). */
function martsVersion(): string {
  const dir = martsDir();
  if (!existsSync(dir)) return `${dir} (missing)`;
  const { ino, mtimeMs } = statSync(dir);
  return `${dir} ${ino} ${mtimeMs}`;
}

/**
 * A reader run once per marts folder: every page of a build shares its promise (listing the marts,
 * reading the seller marts, the labels...), and a process that meets another folder or a new
 * publication of it (a test, the dev server) reads again.
 */
export function oncePerMarts<T>(read: () => Promise<T>): () => Promise<T> {
  let version: string | undefined;
  let result: Promise<T> | undefined;
  return () => {
    const now = martsVersion();
    if (result === undefined || version !== now) {
      version = now;
      result = read();
    }
    return result;
  };
}

/** Whether the marts folder holds `<name>.parquet`. */
export function martExists(name: string): boolean {
  return existsSync(martPath(name));
}

let instance: Promise<DuckDBInstance> | undefined;

/** The build's single in-memory DuckDB; extensions are never downloaded (no network here). */
function database(): Promise<DuckDBInstance> {
  instance ??= DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  });
  return instance;
}

/** Runs `use` on a fresh connection of the shared instance, so temp views never leak between calls. */
export async function withConnection<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await (await database()).connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
  }
}

/** SQL quoting (the pipeline's own). */
export { sqlIdent, sqlString };

/**
 * DuckDB's own JS conversion with BIGINT and HUGEINT as number instead of bigint (counts and sums that
 * fit a double), applied as each value is read, nested lists and structs included.
 */
const plainConverter: DuckDBValueConverter<unknown> = (value, type, converter) => {
  const js = JSDuckDBValueConverter(value, type, converter as DuckDBValueConverter<JS>);
  return typeof js === 'bigint' ? Number(js) : js;
};

/** A result's rows as plain JS objects (see `plainConverter`). */
export const plainRows = (reader: DuckDBResultReader): PlainRow[] => reader.convertRowObjects(plainConverter) as PlainRow[];

/** A result's columns as plain JS arrays (see `plainConverter`). */
export const plainColumns = (reader: DuckDBResultReader): Record<string, unknown[]> => reader.convertColumnsObject(plainConverter);

/** Runs a query on the shared instance and returns plain JS rows. */
export async function query(sql: string): Promise<PlainRow[]> {
  return withConnection(async (connection) => plainRows(await connection.runAndReadAll(sql)));
}

/** Which rows of a mart to read and in what order (SQL over the mart's columns). */
export interface ReadOptions {
  where?: string;
  orderBy?: string;
  limit?: number;
}

/** Runs `sql` over a view named `mart` of the mart's Parquet file and returns plain JS rows. */
async function runOnMart(name: string, sql: string): Promise<PlainRow[]> {
  const path = martPath(name);
  if (!existsSync(path)) throw new Error(`Mart "${name}" not found at ${path}. Run \`npm run pipeline\` or set CARTEIRA_MARTS_DIR.`);
  return withConnection(async (connection) => {
    await connection.run(`create or replace temp view mart as select * from read_parquet(${sqlString(path)})`);
    return plainRows(await connection.runAndReadAll(sql));
  });
}

/**
 * Reads whole rows of a published mart, typed and checked by its contract (MartSpec): a mart whose
 * values break it (a NULL in a column that may not hold one, a missing column) fails with the mart,
 * row, column and value.
 */
export async function readMart<N extends MartName>(name: N, { where, orderBy, limit }: ReadOptions = {}): Promise<MartRow<N>[]> {
  const sql = ['select * from mart', where && `where ${where}`, orderBy && `order by ${orderBy}`, limit !== undefined && `limit ${Math.trunc(limit)}`];
  const rows = await runOnMart(name, sql.filter(Boolean).join(' '));
  return checkRows(name, rows, martSchema(name)) as MartRow<N>[];
}

/**
 * Runs a query over a view named `mart` (an aggregation, a projection, a join). With a zod `schema`
 * every row is checked, so callers get typed rows or a readable error; build it from the mart's own
 * (`martSchema(name).pick(...)`) and add only the computed columns.
 */
export async function queryMart(name: string, sql: string): Promise<PlainRow[]>;
export async function queryMart<T>(name: string, sql: string, schema: z.ZodType<T>): Promise<T[]>;
export async function queryMart<T>(name: string, sql: string, schema?: z.ZodType<T>): Promise<PlainRow[] | T[]> {
  const rows = await runOnMart(name, sql);
  return schema ? checkRows(name, rows, schema) : rows;
}

/** The columns of a mart in file order. */
export async function martColumns(name: string): Promise<MartColumn[]> {
  const rows = await query(`describe select * from read_parquet(${sqlString(martPath(name))})`);
  return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}

/** Every Parquet file in the marts folder, by name, with row count, size and key-value metadata (read once per build). */
export const listMarts = oncePerMarts(async (): Promise<MartFile[]> => {
  const dir = martsDir();
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.parquet') && MART_NAME.test(file.slice(0, -'.parquet'.length)))
    .sort();
  const marts: MartFile[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const [meta] = await query(`select num_rows from parquet_file_metadata(${sqlString(path)})`);
    const pairs = await query(`select decode(key) as key, decode(value) as value from parquet_kv_metadata(${sqlString(path)})`);
    marts.push({
      name: file.slice(0, -'.parquet'.length),
      file,
      path,
      rows: Number(meta?.num_rows ?? 0),
      bytes: statSync(path).size,
      metadata: Object.fromEntries(pairs.map((p) => [String(p.key), String(p.value)])),
    });
  }
  return marts;
});
