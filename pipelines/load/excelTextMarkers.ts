import type { EntitySpec } from '../contract/entities.ts';
import { formatNumber as n } from '../contract/locale.ts';
import type { Database } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import { rewriteValues } from './rewriteValues.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * Codes exported "for Excel". So that Excel keeps the zeros of a code made of digits, some systems write
 * it as a formula, `="00124"`, or behind an apostrophe, `'00124`. Read as written, it is a code no other
 * file has (the customers file writes `00124`), and the pages would show `="00124"`. The text inside is
 * the value: a formula's in any text column, an apostrophe's only before a digit in a code (a name may
 * well start with one). Each file's notes count them per column.
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

/** Unwraps the values of the files just read and notes, per file and column, how many were wrapped. */
export async function unwrapExcelTextMarkers(db: Database, spec: EntitySpec, columns: TypedColumnSql[], files: RawFile[]): Promise<void> {
  await rewriteValues(db, spec, files, {
    columns: columns.filter((c) => WRAPPED_KINDS.has(c.meta.kind) && c.type === 'VARCHAR'),
    // a value starting with = or ' sorts in ['=', '>') or ["'", '('): comparisons cost less than starts_with
    // (about 35 ms against 55 ms a million codes)
    mayNeed: ({ name: c }) => `(${c} >= '=' and ${c} < '>') or (${c} >= '''' and ${c} < '(')`,
    needs: isWrapped,
    rewritten: unwrapped,
    note: (header, count, column) =>
      `"${header}": ${n(count)} valor(es) no formato de texto do Excel (="00124"${column.meta.kind === 'id' ? " ou '00124" : ''}), lidos como o texto de dentro (00124)`,
  });
}
