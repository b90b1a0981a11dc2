import type { EntitySpec } from '../contract/entities.ts';
import { sqlString } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * Lines of a report that are no records: its total lines and its header repeated further down. Both are
 * rejected with their own reason, and neither counts as read nor as rejected against the reject limit
 * (see rejectThresholds.ts): leaving them out loses no data.
 */
export const NOT_RECORDS = ['total_row', 'header_row'] as const;

/** NOT_RECORDS as a SQL list of strings, for `in (...)` and list literals. */
export const NOT_RECORDS_SQL = NOT_RECORDS.map((code) => sqlString(code)).join(', ');

/** The codes and free text, which hold a label as written (other columns are normalised or parsed). */
const textColumns = (columns: TypedColumnSql[]) => columns.filter((c) => c.meta.kind === 'id' || c.meta.kind === 'text');

/** Replaces the issues of the rows in temp table `found` (rid, file_idx, rec, column_name, value) with one `code` each. */
function reclassifySql(spec: EntitySpec, code: (typeof NOT_RECORDS)[number]): string {
  const entity = sqlString(spec.name);
  return `
    delete from load_issues where entity = ${entity} and rid in (select rid from found);
    insert into load_issues select ${entity}, file_idx, rec, rid, column_name, '${code}', 'reject', null, value from found;
    drop table found`;
}

/**
 * What a report's total line says in one of its text cells: "Total", "TOTAL GERAL", "Subtotal:",
 * "Soma", "Total do mês", "Totais: 1.984", without accents and case. A name that merely starts with the
 * word ("Total Distribuidora") does not match.
 */
export const TOTAL_LABEL = '(sub ?)?(total|totais|soma)( geral| do (mes|periodo|relatorio|dia|ano))?[ :=]*[0-9 .,r$()-]*';

/**
 * A report saved from Excel often ends with its total line (`Total;;;30,00`). Such a line is no record:
 * it misses a required value and would be rejected as `missing_required`, telling the reader to fill in
 * a customer the line never had. A line rejected anyway whose text cell reads as a total label is
 * rejected as `total_row` instead (one issue, on the cell that says it), which the reject limit does
 * not count (see rejectThresholds.ts): leaving it out loses no data.
 */
export function totalRowsSql(spec: EntitySpec, columns: TypedColumnSql[], rejected: string, rec: string): string {
  const text = textColumns(columns);
  if (!text.length) return 'select 1';
  const isTotal = (name: string) => `regexp_full_match(lower(strip_accents(${name})), ${sqlString(TOTAL_LABEL)})`;
  return `
    create or replace temp table found as
    select * from (
      select rowid as rid, file_idx, ${rec} as rec,
        case ${text.map((c) => `when ${isTotal(c.name)} then '${c.name}'`).join(' ')} end as column_name,
        case ${text.map((c) => `when ${isTotal(c.name)} then ${c.name}`).join(' ')} end as value
      from src_${spec.name}
      where not is_empty and (${rejected})
    ) where column_name is not null;
    ${reclassifySql(spec, 'total_row')}`;
}

/**
 * Exports pasted one after the other (January's file, then February's, each with its header) carry the
 * header again in the middle. Such a line is rejected anyway (its date reads "Data"), as a bad date the
 * reader would look for in vain; a line rejected anyway whose every code and text cell holds its own
 * column's header in that file is rejected as `header_row` instead.
 */
export function repeatedHeadersSql(spec: EntitySpec, columns: TypedColumnSql[], files: RawFile[], rejected: string, rec: string): string {
  const text = textColumns(columns);
  const perFile = files.flatMap((file) => {
    const named = text.flatMap((c) => {
      const header = file.dialect.headers[file.resolution.positions.get(c.name) ?? -1]?.trim();
      return header ? [{ column: c.name, header }] : [];
    });
    if (!named.length) return [];
    const matches = named.map(({ column, header }) => `lower(trim(${column})) = ${sqlString(header.toLowerCase())}`).join(' and ');
    return [{ file, matches, first: named[0]! }];
  });
  if (!perFile.length) return 'select 1';
  return `
    create or replace temp table found as
    select rowid as rid, file_idx, ${rec} as rec,
      case file_idx ${perFile.map((f) => `when ${f.file.index} then '${f.first.column}'`).join(' ')} end as column_name,
      case file_idx ${perFile.map((f) => `when ${f.file.index} then ${f.first.column}`).join(' ')} end as value
    from src_${spec.name}
    where not is_empty and (${rejected})
      and case file_idx ${perFile.map((f) => `when ${f.file.index} then ${f.matches}`).join(' ')} else false end;
    ${reclassifySql(spec, 'header_row')}`;
}
