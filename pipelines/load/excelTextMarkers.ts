import type { EntitySpec } from '../contract/entities.ts';
import { formatNumber as n } from '../contract/locale.ts';
import type { Database } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * Codes exported "for Excel". So that Excel keeps the zeros of a code made of digits, some systems write
 * it as a formula, `="00124"`, or behind an apostrophe, `'00124`. Read as written, it is a code no other
 * file has (the customers file writes `00124`), and the pages would show `="00124"`. The text inside is
 * the value: a formula's in any text column, an apostrophe's only before a digit in a code (a name may
 * well start with one). Each file's notes count them per column, and the load cache keeps both the
 * values as read here and the notes.
 */

/** The kinds held as text whose values may come wrapped. */
const WRAPPED_KINDS = new Set(['id', 'text', 'email', 'phone']);

/** SQL: `value` is written as a formula, `="..."`. */
const isFormula = (value: string) => `(starts_with(${value}, '="') and ends_with(${value}, '"') and length(${value}) >= 3)`;

/** SQL: `value` is a code behind an apostrophe, `'0...` (only a code's apostrophe before a digit is Excel's). */
const isApostrophed = (value: string) => `regexp_matches(${value}, '^''[0-9]')`;

function isWrapped(column: TypedColumnSql): string {
  return column.meta.kind === 'id' ? `(${isFormula(column.name)} or ${isApostrophed(column.name)})` : isFormula(column.name);
}

/** SQL: the value without its wrapper (a formula's doubled quotes made single again; `=""` is empty). */
function unwrapped(column: TypedColumnSql): string {
  const c = column.name;
  const apostrophe = column.meta.kind === 'id' ? ` when ${isApostrophed(c)} then ${c}[2:]` : '';
  return `case when ${isFormula(c)} then nullif(trim(replace(${c}[3:-2], '""', '"')), '')${apostrophe} else ${c} end`;
}

/**
 * Unwraps the values of the files just read (restored ones were unwrapped when first read) and adds a
 * note to each file that had any. A clean export costs one scan of its text columns for a leading
 * `=` or `'`.
 */
export async function unwrapExcelTextMarkers(db: Database, spec: EntitySpec, columns: TypedColumnSql[], files: RawFile[]): Promise<void> {
  const read = files.filter((f) => !f.restored);
  const text = columns.filter((c) => WRAPPED_KINDS.has(c.meta.kind) && c.type === 'VARCHAR');
  if (!read.length || !text.length) return;
  const table = `src_${spec.name}`;
  const fileFilter = `file_idx in (${read.map((f) => f.index).join(', ')})`;
  // a value starting with = or ' sorts in ['=', '>') or ["'", '('): comparisons cost less than starts_with
  // (about 35 ms against 55 ms a million codes)
  const opensWrapped = (c: TypedColumnSql) => `(${c.name} >= '=' and ${c.name} < '>') or (${c.name} >= '''' and ${c.name} < '(')`;
  const [any] = await db.rows<Record<string, boolean | null>>(
    `select ${text.map((c) => `bool_or(${opensWrapped(c)}) as ${c.name}`).join(', ')} from ${table} where ${fileFilter}`,
  );
  const suspects = text.filter((c) => any?.[c.name]);
  if (!suspects.length) return;
  const counts = await db.rows<Record<string, string> & { file_idx: number }>(
    `select file_idx, ${suspects.map((c) => `count(*) filter (where ${isWrapped(c)}) as ${c.name}`).join(', ')}
     from ${table} where ${fileFilter} group by file_idx`,
  );
  for (const column of suspects) {
    await db.run(`update ${table} set ${column.name} = ${unwrapped(column)} where ${fileFilter} and ${isWrapped(column)}`);
  }
  for (const row of counts) {
    const file = read.find((f) => f.index === Number(row.file_idx))!;
    for (const column of suspects) {
      const count = Number(row[column.name]);
      if (!count) continue;
      const header = file.dialect.headers[file.resolution.positions.get(column.name) ?? -1] ?? column.name;
      file.notes.push(
        `"${header}": ${n(count)} valor(es) no formato de texto do Excel (="00124"${column.meta.kind === 'id' ? " ou '00124" : ''}), lidos como o texto de dentro (00124)`,
      );
    }
  }
}
