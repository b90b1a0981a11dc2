import type { z } from 'zod';
import { columnMeta, isOptional, type ColumnMeta } from '../contract/columns.ts';
import { sqlString, type Database } from '../warehouse/database.ts';
import { badValueCode } from './rejectReasons.ts';
import { entities } from '../contract/entities.ts';
import { alternativeColumns } from './alternativeColumns.ts';

/** The SQL that reads one canonical column from its raw text. */
export interface TypedColumnSql {
  name: string;
  meta: ColumnMeta;
  optional: boolean;
  /** DuckDB type of the loaded column. */
  type: string;
  /**
   * Expression over the raw text column `r` giving the typed value or NULL, in the column's reading
   * convention (see columnConventions.ts); without one, the file's (`decimal_comma`) and day first.
   */
  parse: (r: string, convention?: ReadingConvention) => string;
  /** Whether a value that cannot be read rejects the row (true) or is nulled with a warning. */
  rejectsRow: boolean;
  /**
   * Whether the column's issue code and raw text are kept beside it (err_<name>, raw_<name>). Text
   * kept as text, and values DuckDB's reader parsed itself, can only be missing: their issue follows
   * from the value (see issueSql) and no raw text is ever needed.
   */
  issueStored: boolean;
  /** Another column that, when present in a row, stands in for this required one (see alternativeColumns.ts). */
  requiredUnless?: string;
  /** Stands in for a required column: always read as text, so its raw text says whether a row has it. */
  standsIn?: boolean;
  /** A required code some of whose values have a "+": only then is each value tested for scientific notation (see markScientificCodes). */
  mayBeScientific?: boolean;
}

/** How one column of one file reads values its text alone cannot settle. */
export interface ReadingConvention {
  /** Whether a lone separator like the one in 1.500 is a thousands separator (decimal comma). */
  decimalComma?: boolean;
  /** Dates like 03/04/2026 read as March 4th. */
  monthFirst?: boolean;
  /** Dates that prove the other order (25/03 in a mm/dd column, 03/25 in a dd/mm one) read by that proof. */
  eitherOrder?: boolean;
  /** A strptime format forced by the mapping file. */
  dateFormat?: string;
}

/** Kinds read as text without parsing: only ever missing, never unreadable. */
const TEXT_KINDS: ReadonlySet<ColumnMeta['kind']> = new Set(['text', 'email', 'phone']);

const TYPES: Record<ColumnMeta['kind'], string> = {
  id: 'VARCHAR',
  text: 'VARCHAR',
  email: 'VARCHAR',
  phone: 'VARCHAR',
  document: 'VARCHAR',
  uf: 'VARCHAR',
  enum: 'VARCHAR',
  date: 'DATE',
  month: 'DATE',
  money: 'DECIMAL(18,2)',
  quantity: 'DECIMAL(18,6)',
  integer: 'BIGINT',
  percent: 'DECIMAL(9,2)',
  boolean: 'BOOLEAN',
  company_size: 'VARCHAR',
};

/** Builds the parse expression and policy of every column of a schema. */
export function typedColumns(schema: z.ZodObject): TypedColumnSql[] {
  const entity = entities.find((e) => e.schema === schema)?.name;
  const alternatives = (entity && alternativeColumns[entity]) || {};
  const standIns = new Set(Object.values(alternatives));
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const meta = columnMeta(field);
    const optional = isOptional(field);
    return {
      ...(alternatives[name] ? { requiredUnless: alternatives[name] } : {}),
      ...(standIns.has(name) ? { standsIn: true } : {}),
      name,
      meta,
      optional,
      type: meta.kind === 'money' ? `DECIMAL(18,${meta.scale ?? 2})` : TYPES[meta.kind],
      parse: meta.kind === 'id' && !optional ? (r: string) => r : parser(meta),
      // An unknown status would silently become "invoiced" if nulled, so enums always reject.
      // A stand-in for a required column is as required where it stands in, so it rejects too.
      rejectsRow: !optional || meta.kind === 'enum' || standIns.has(name) || meta.rejectsUnreadable === true,
      // A required code's issue follows from the code itself (see issueSql): nothing stored beside
      // millions of order codes. An optional one is dropped when unreadable, so its text is kept.
      issueStored: !TEXT_KINDS.has(meta.kind) && !(meta.kind === 'id' && !optional),
    };
  });
}

function parser(meta: ColumnMeta): (r: string, convention?: ReadingConvention) => string {
  const dc = (c?: ReadingConvention) => (c?.decimalComma === undefined ? 'decimal_comma' : String(c.decimalComma));
  switch (meta.kind) {
    case 'id':
      // A code Excel turned into a number (1,23457E+13) lost its last digits: it names no one.
      return (r) => `case when not is_excel_scientific(${r}) then ${r} end`;
    case 'text':
    case 'email':
    case 'phone':
      return (r) => r;
    case 'date':
      return (r, c) =>
        c?.dateFormat
          ? `parse_date_as(${r}, ${sqlString(c.dateFormat)})`
          : c?.monthFirst || c?.eitherOrder
            ? `parse_date(${r}, ${c.monthFirst ?? false}, ${c.eitherOrder ?? false})`
            : `parse_date(${r})`;
    case 'month':
      return (r) => `parse_month(${r})`;
    case 'money':
      return (r, c) => `cast(parse_number(${r}, ${dc(c)}) as DECIMAL(18,${meta.scale ?? 2}))`;
    case 'quantity':
      return (r, c) => `cast(parse_number(${r}, ${dc(c)}) as DECIMAL(18,6))`;
    case 'integer':
      return (r, c) => `parse_integer(${r}, ${dc(c)})`;
    case 'percent':
      return (r, c) => `cast(parse_percent(${r}, ${dc(c)}) as DECIMAL(9,2))`;
    case 'uf':
      return (r) => `parse_uf(${r})`;
    case 'document':
      return (r) => `case when doc_is_valid(doc_normalize(${r})) then doc_normalize(${r}) end`;
    case 'boolean':
      return (r) => `parse_boolean(${r})`;
    case 'company_size':
      return (r, c) => `parse_company_size(${r}, ${dc(c)})`;
    case 'enum': {
      const cases = Object.entries(meta.values ?? {})
        .map(([spelling, key]) => `when ${sqlString(spelling)} then ${sqlString(key)}`)
        .join(' ');
      return (r) => `(case fold_key(${r}) ${cases} end)`;
    }
  }
}

/**
 * The issue code of a column for one row: missing when required and empty, the kind's bad-value code
 * when text is present but unreadable, negative_value below the minimum. `p` is the parsed value.
 */
export function issueCodeSql(column: TypedColumnSql, r: string, p: string, advisory?: string): string {
  const branches: string[] = [];
  // The stand-in's raw text, not its value: an unreadable total is its own bad_number, not a missing price.
  const unless = column.requiredUnless ? ` and r_${column.requiredUnless} is null` : '';
  if (!column.optional) branches.push(`when ${r} is null${unless} then 'missing_required'`);
  if (column.meta.kind === 'money') {
    branches.push(`when ${r} is not null and ${p} is null and ends_with(${r}, '%') then 'percent_in_amount'`);
  }
  if (column.meta.kind === 'date' || column.meta.kind === 'month') {
    branches.push(`when ${r} is not null and ${p} is null and is_excel_date_serial(${r}) then 'excel_date_serial'`);
  }
  if (!TEXT_KINDS.has(column.meta.kind)) {
    branches.push(`when ${r} is not null and ${p} is null then '${badValueCode(column.meta.kind)}'`);
  }
  if (column.meta.min !== undefined) branches.push(`when ${p} < ${column.meta.min} then 'negative_value'`);
  if (advisory) branches.push(advisory);
  return branches.length ? `case ${branches.join(' ')} end` : 'cast(null as VARCHAR)';
}

/**
 * Codes a column's issue may hold that only warn, whatever the column: the value was read, but its
 * column's values disagree on a convention (see columnConventions.ts).
 */
export const ADVISORY_CODES = ['mixed_date_order', 'mixed_decimal_separators'] as const;

/** SQL: true when the issue expression holds a code that rejects (not an advisory one). */
export function rejectingIssueSql(issue: string): string {
  return `coalesce(${issue} not in (${ADVISORY_CODES.map((c) => `'${c}'`).join(', ')}), false)`;
}

/**
 * The issue code of a loaded column for one row of src_<entity>: stored, or derived from the value;
 * null for a column that can have no issue (optional, and only ever missing).
 */
export function issueSql(column: TypedColumnSql): string | null {
  if (column.issueStored) return `err_${column.name}`;
  const unless = column.requiredUnless ? ` and ${column.requiredUnless} is null` : '';
  if (column.meta.kind === 'id' && !column.optional && column.mayBeScientific) {
    return `(case when ${column.name} is null${unless} then 'missing_required' when is_excel_scientific(${column.name}) then 'scientific_notation' end)`;
  }
  return column.optional ? null : `(case when ${column.name} is null${unless} then 'missing_required' end)`;
}

/**
 * The columns with `mayBeScientific` set on the required codes of `table` that hold a "+" anywhere.
 * Testing every code in every check that asks whether a row is rejected cost about 1.5 s of the
 * 10-million-line load; one scan of the codes for a "+" costs a fraction of it, and clean exports have none.
 */
export async function markScientificCodes(db: Database, table: string, columns: TypedColumnSql[]): Promise<TypedColumnSql[]> {
  const codes = columns.filter((c) => c.meta.kind === 'id' && !c.optional);
  if (!codes.length) return columns;
  const [found] = await db.rows<Record<string, boolean | null>>(
    `select ${codes.map((c) => `bool_or(contains(${c.name}, '+')) as ${c.name}`).join(', ')} from ${table}`,
  );
  return columns.map((c) => (found?.[c.name] ? { ...c, mayBeScientific: true } : c));
}

/** The raw text behind a loaded column's issue (NULL when the issue is only ever "missing"). */
export function rawSql(column: TypedColumnSql): string {
  if (column.meta.kind === 'id' && !column.optional) return column.name;
  return column.issueStored ? `raw_${column.name}` : 'cast(null as VARCHAR)';
}

/** The helper columns that keep a column's issue beside it while loading. */
export function issueHelperColumns(columns: TypedColumnSql[]): string[] {
  return columns.filter((c) => c.issueStored).flatMap((c) => [`err_${c.name}`, `raw_${c.name}`]);
}
