import type { EntitySpec } from '../contract/entities.ts';
import { sqlString } from '../warehouse/database.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

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
  // codes and free text hold the label as written (other columns are normalised or parsed)
  const text = columns.filter((c) => c.meta.kind === 'id' || c.meta.kind === 'text');
  if (!text.length) return 'select 1';
  const isTotal = (name: string) => `regexp_full_match(lower(strip_accents(${name})), ${sqlString(TOTAL_LABEL)})`;
  const entity = sqlString(spec.name);
  return `
    create or replace temp table total_rows as
    select * from (
      select rowid as rid, file_idx, ${rec} as rec,
        case ${text.map((c) => `when ${isTotal(c.name)} then '${c.name}'`).join(' ')} end as column_name,
        case ${text.map((c) => `when ${isTotal(c.name)} then ${c.name}`).join(' ')} end as value
      from src_${spec.name}
      where not is_empty and (${rejected})
    ) where column_name is not null;
    delete from load_issues where entity = ${entity} and rid in (select rid from total_rows);
    insert into load_issues select ${entity}, file_idx, rec, rid, column_name, 'total_row', 'reject', null, value from total_rows;
    drop table total_rows`;
}
