import type { ColumnMeta } from '../contract/columns.ts';
import type { Database } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * The fast path of a clean file: DuckDB's CSV reader parses dates and numbers itself instead of
 * handing every value over as text to the parse macros, which roughly halves the cost of loading
 * the order lines. It must give exactly what the text path gives, so it only takes a file whose
 * values all read natively; anything else (a bad value, "1.234,56", a date out of range, a value
 * below a column's minimum) sends the whole file down the text path, which reports the problem.
 */
export interface NativeRead {
  /** Canonical column → the type the CSV reader parses it as (the first cast the text parser tries). */
  types: Map<string, string>;
  /** Extra read_csv options of the file's convention (decimal comma, Brazilian dates). */
  options: string;
}

/** Kinds whose text the reader parses as the parse macros' first attempt does; others stay text. */
const NATIVE_KIND: Partial<Record<ColumnMeta['kind'], string>> = {
  date: 'DATE',
  money: 'DECIMAL(18,4)',
  quantity: 'DECIMAL(18,4)',
  integer: 'BIGINT',
};

/** Records read by the probe: enough to catch a file that plainly uses another convention. */
const PROBE_ROWS = 2048;

/**
 * The native read a file can take, or null. The conventions tried are those of the two dialects
 * exports come in (ISO dates with a decimal point; dd/mm/aaaa with a decimal comma); the file's first
 * records must read with one of them, so a file that cannot take the fast path rarely pays for trying.
 */
export async function chooseNativeRead(db: Database, file: RawFile, columns: TypedColumnSql[]): Promise<NativeRead | null> {
  if (file.dialect.delimiter === '') return null; // Parquet: already typed
  const types = new Map<string, string>();
  for (const column of columns) {
    const type = NATIVE_KIND[column.meta.kind];
    if (type && file.resolution.positions.has(column.name)) types.set(column.name, type);
  }
  if (!types.size) return null;
  const hasDates = columns.some((c) => c.meta.kind === 'date' && types.has(c.name));
  const candidates = file.decimalComma
    ? [`decimal_separator = ',', ${hasDates ? `dateformat = '%d/%m/%Y', ` : ''}`]
    : [''];
  for (const options of candidates) {
    const native = { types, options };
    try {
      await db.run(`select count(*) from (select * from ${file.source({ parallel: false, captureRejects: false }, native)} limit ${PROBE_ROWS})`);
      return native;
    } catch {
      // this convention does not fit the file's first records
    }
  }
  return null;
}

/** The entity's columns when every file is read natively: those the reader parses keep no issue columns. */
export function withNativeColumns(columns: TypedColumnSql[], natives: NativeRead[]): TypedColumnSql[] {
  return columns.map((c) => (natives.some((n) => n.types.has(c.name)) ? { ...c, issueStored: false } : c));
}

/**
 * Rows the native read let through whose text path result would differ: values below a column's
 * minimum and dates outside 1900-2100, which the text path reports with their raw text.
 */
export function nativeSuspectsSql(table: string, fileIndex: number, columns: TypedColumnSql[], native: NativeRead): string | null {
  const checks = columns
    .filter((c) => native.types.has(c.name))
    .flatMap((c) => [
      ...(c.meta.min !== undefined ? [`${c.name} < ${c.meta.min}`] : []),
      ...(c.meta.kind === 'date' ? [`year(${c.name}) not between 1900 and 2100`] : []),
    ]);
  if (!checks.length) return null;
  return `select count(*) from ${table} where file_idx = ${fileIndex} and (${checks.join(' or ')})`;
}
