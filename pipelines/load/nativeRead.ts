import type { ColumnMeta } from '../contract/columns.ts';
import type { Database } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * The fast path of a clean file: DuckDB's CSV reader parses dates and numbers itself instead of
 * handing every value over as text to the parse macros, which roughly halves the cost of loading
 * the order lines. It must give exactly what the text path gives, so a column is read natively only
 * when its first records read that way (others stay text), and anything the full read cannot parse or
 * would read differently (a bad value, a date out of range, a value below a column's minimum) sends the
 * entity's files down the text path, which reports the problem.
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
  money: 'DECIMAL(18,6)',
  quantity: 'DECIMAL(18,6)',
  integer: 'BIGINT',
};

/** Records read by the probe: enough to catch a file that plainly uses another convention. */
const PROBE_ROWS = 2048;

/**
 * The native read a file can take, or null. The conventions tried are those of the two dialects
 * exports come in (ISO dates with a decimal point; dd/mm/aaaa with a decimal comma). The file's first
 * records must read with one of them, column by column: a column that does not (amounts written
 * `1.234,56`, say) stays text while the others are read natively, and a file that cannot take the
 * fast path rarely pays for trying.
 */
export async function chooseNativeRead(db: Database, file: RawFile, columns: TypedColumnSql[]): Promise<NativeRead | null> {
  if (file.dialect.delimiter === '') return null; // Parquet: already typed
  if (file.computed) return null; // values computed by the mapping file are text by construction
  const types = new Map<string, string>();
  for (const column of columns) {
    const type = NATIVE_KIND[column.meta.kind];
    // a date format forced by the mapping file is applied by the text path
    const forced = column.meta.kind === 'date' && file.file.mapping?.date_format;
    if (type && !forced && !column.standsIn && file.resolution.positions.has(column.name)) types.set(column.name, type);
  }
  if (!types.size) return null;
  const hasDates = columns.some((c) => c.meta.kind === 'date' && types.has(c.name));
  const candidates = file.decimalComma ? [`decimal_separator = ',', ${hasDates ? `dateformat = '%d/%m/%Y', ` : ''}`] : [''];
  const probe = async (native: NativeRead) => {
    // min() of each native column makes the reader parse it (a bare count(*) would skip the values)
    const parsed = [...native.types.keys()].map((name) => `min(c${file.resolution.positions.get(name)})`).join(', ');
    try {
      await db.run(`select ${parsed} from (select * from ${file.source({ parallel: false, captureRejects: false }, native)} limit ${PROBE_ROWS})`);
      return true;
    } catch {
      return false;
    }
  };
  for (const options of candidates) {
    if (await probe({ types, options })) return { types, options };
    const readable = new Map<string, string>();
    for (const [name, type] of types) {
      if (await probe({ types: new Map([[name, type]]), options })) readable.set(name, type);
    }
    if (readable.size) return { types: readable, options };
  }
  return null;
}

/**
 * The native reads of an entity's files, agreeing on which columns are native: a column parsed as text
 * in one file keeps its issue columns, so it is read as text in every file.
 */
export function harmonizeNativeReads(natives: NativeRead[], files: RawFile[]): NativeRead[] {
  const everywhere = (name: string) => natives.every((n, i) => n.types.has(name) || !files[i]!.resolution.positions.has(name));
  return natives.map((n) => ({ ...n, types: new Map([...n.types].filter(([name]) => everywhere(name))) }));
}

/** The entity's columns when its files are read natively: those the reader parses keep no issue columns. */
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
