import { sqlString } from '../../pipelines/contract/sqlText.ts';
import { FALSE_TEXT, FORMULA_START, NEEDS_QUOTES, TRUE_TEXT, type CsvColumn } from './excelCsv.ts';

/**
 * The data lines of excelCsv.ts written by DuckDB: the same fields, byte for byte, computed in SQL so
 * that a big mart's CSV is formatted by DuckDB's vectorized engine and written by its CSV writer
 * instead of one JavaScript object per row (test/site/excelCsvSql.test.ts runs both on the same rows).
 * Only columns of the types below have a SQL twin; a mart with any other column keeps the JavaScript writer.
 */

/**
 * The macros the line expression uses, created on the connection that writes. `csv_number` is
 * JavaScript's `String(n)` with a decimal comma: DuckDB's own text for a DOUBLE has the same shortest
 * digits but writes `5.0`, `1e-05` and `1e+20` where JavaScript writes `5`, `0.00001` and
 * `100000000000000000000`, so those are rewritten; below 1e-6 the formatter writes `toFixed(20)`
 * without trailing zeros, which is `printf('%.20f')`.
 */
export const CSV_MACROS_SQL = `
create or replace temp macro csv_shift(sign, digits, point) as sign || case
  when point <= 0 then '0.' || repeat('0', -point) || digits
  when point >= strlen(digits) then digits || repeat('0', point - strlen(digits))
  else substr(digits, 1, point) || '.' || substr(digits, point + 1)
end;
create or replace temp macro csv_plain_number(t) as case
  when contains(t, 'e') then csv_shift(
    regexp_extract(t, '^(-?)', 1),
    replace(regexp_extract(t, '^-?([0-9.]+)e', 1), '.', ''),
    strlen(regexp_extract(t, '^-?([0-9]+)', 1)) + cast(regexp_extract(t, 'e([-+][0-9]+)$', 1) as integer))
  when suffix(t, '.0') then substr(t, 1, strlen(t) - 2)
  else t
end;
create or replace temp macro csv_number(x) as replace(case
  when x is null or not isfinite(x) then ''
  when x = 0 then '0'
  when abs(x) >= 1e21 then cast(x as varchar)
  when abs(x) < 1e-6 then regexp_replace(printf('%.20f', x), '\\.?0+$', '')
  else csv_plain_number(cast(x as varchar))
end, '.', ',');
create or replace temp macro csv_text(t) as case
  when t is null then ''
  when regexp_matches(t, ${sqlString(FORMULA_START.source)}) then csv_quoted('''' || t)
  else csv_quoted(t)
end;
create or replace temp macro csv_quoted(t) as case
  when regexp_matches(t, ${sqlString(NEEDS_QUOTES.source)}) then '"' || replace(t, '"', '""') || '"'
  else t
end;
`;

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const DECIMAL = /^(DOUBLE|FLOAT|DECIMAL(\(\d+,\s*\d+\))?)$/;

/** One field of excelCsv.ts's csvField as SQL over the column expression `expr`, or null when its type has no twin. */
export function csvFieldSql(column: CsvColumn, expr: string): string | null {
  if (column.value) return null;
  const type = (column.type ?? '').toUpperCase();
  if (INTEGER.test(type)) return `coalesce(cast(${expr} as varchar), '')`;
  // The JavaScript writer reads DECIMAL and FLOAT as DOUBLE too.
  if (DECIMAL.test(type)) return `csv_number(cast(${expr} as double))`;
  if (type === 'BOOLEAN') return `case when ${expr} then ${sqlString(TRUE_TEXT)} when not ${expr} then ${sqlString(FALSE_TEXT)} else '' end`;
  if (type === 'DATE') return `case when isfinite(${expr}) then strftime(${expr}, '%d/%m/%Y') else '' end`;
  if (type === 'TIMESTAMP') return `case when isfinite(${expr}) then strftime(${expr}, '%d/%m/%Y %H:%M:%S') else '' end`;
  if (type !== 'VARCHAR') return null;
  if (!column.labels?.size) return `csv_text(${expr})`;
  const cases = [...column.labels].map(([key, label]) => `when ${sqlString(key)} then ${sqlString(label)}`);
  return `csv_text(case ${expr} ${cases.join(' ')} else ${expr} end)`;
}

/**
 * One CSV data line per row as SQL (its fields joined by `;`, ending in a carriage return: DuckDB's
 * writer adds the line feed), or null when a column has no SQL twin.
 */
export function csvLineSql(columns: CsvColumn[], expr: (column: CsvColumn) => string): string | null {
  const fields = columns.map((column) => csvFieldSql(column, expr(column)));
  if (fields.some((field) => field === null)) return null;
  return `${fields.join(` || ';' || `)} || chr(13)`;
}
