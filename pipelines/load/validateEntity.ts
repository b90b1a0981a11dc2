import type { EntitySpec } from '../contract/entities.ts';
import type { Database } from '../warehouse/database.ts';
import { sqlString } from '../warehouse/database.ts';
import type { RawFile } from './readRawFile.ts';
import { issueCodeSql, typedColumns, type TypedColumnSql } from './typedColumnSql.ts';

const TRIM_CHARS = sqlString(' \t\r\n\u00a0');

/** The global table of row problems; values and line numbers are attached when the run ends. */
export const createIssuesTableSql = `
  create or replace temp table load_issues (
    entity VARCHAR, file_idx INTEGER, rec BIGINT, column_name VARCHAR, code VARCHAR, severity VARCHAR, detail VARCHAR)`;

/** A view with the canonical columns of every file of the entity as trimmed text (NULL when absent or empty). */
export function rawTextViewSql(spec: EntitySpec, files: RawFile[], columns: TypedColumnSql[]): string {
  const selects = files.map((f) => {
    const cols = columns.map((c) => {
      const pos = f.resolution.positions.get(c.name);
      return pos === undefined ? `cast(null as VARCHAR) as ${c.name}` : `nullif(trim(c${pos}, ${TRIM_CHARS}), '') as ${c.name}`;
    });
    return `select ${f.index} as file_idx, rowid as rec, ${f.decimalComma} as decimal_comma, ${cols.join(', ')} from ${f.rawTable}`;
  });
  return `create or replace temp view text_${spec.name} as ${selects.join('\nunion all\n')}`;
}

/**
 * Parses every column once and records, per column, the issue code of the row (NULL when fine).
 * Optional columns with unreadable values are nulled; values below a minimum are nulled too.
 */
export function typedTableSql(spec: EntitySpec, columns: TypedColumnSql[]): string {
  const parsed = columns.map((c) => `${c.parse(`t.${c.name}`)} as p_${c.name}`).join(',\n      ');
  const raw = columns.map((c) => `t.${c.name} as r_${c.name}`).join(', ');
  const finals = columns
    .map((c) => (c.meta.min !== undefined ? `case when p_${c.name} < ${c.meta.min} then null else p_${c.name} end` : `p_${c.name}`) + ` as ${c.name}`)
    .join(', ');
  const issues = columns.map((c) => `${issueCodeSql(c, `r_${c.name}`, `p_${c.name}`)} as err_${c.name}`).join(',\n    ');
  const empty = columns.map((c) => `r_${c.name} is null`).join(' and ');
  return `
    create or replace temp table typed_${spec.name} as
    select file_idx, rec, ${empty} as is_empty, ${finals},
    ${issues}
    from (select file_idx, rec, ${raw},
      ${parsed}
      from text_${spec.name} t)`;
}

/** Copies the per-column issues of non-empty rows into load_issues with their severity. */
export function columnIssuesSql(spec: EntitySpec, columns: TypedColumnSql[]): string {
  return columns
    .map((c) => {
      const severity = c.rejectsRow ? `'reject'` : `'warning'`;
      return `insert into load_issues select '${spec.name}', file_idx, rec, '${c.name}', err_${c.name}, ${severity}, null
              from typed_${spec.name} where err_${c.name} is not null and not is_empty`;
    })
    .join(';\n');
}

/** True for rows with an issue that rejects them (optional columns only ever warn). */
export function rejectPredicate(columns: TypedColumnSql[]): string {
  const parts = columns.filter((c) => c.rejectsRow).map((c) => `err_${c.name} is not null`);
  return parts.length ? parts.join(' or ') : 'false';
}

/**
 * Keeps the first occurrence of each key (file name order, then line). Later rows with the same
 * content are counted as collapsed; later rows with different content are rejected as duplicate_id.
 * Rows dated after the as-of date are flagged here too, so src_ tables come from one ranked table.
 */
export function dedupSql(spec: EntitySpec, columns: TypedColumnSql[], key: string[] | null, asOf: string): string {
  const names = columns.map((c) => c.name).join(', ');
  const asOfCheck = spec.asOfColumn ? `${spec.asOfColumn} > DATE ${sqlString(asOf)}` : 'false';
  const valid = `from typed_${spec.name} where not is_empty and not (${rejectPredicate(columns)})`;
  if (!key) {
    return `create or replace temp table ranked_${spec.name} as
      select file_idx, rec, ${names}, 1 as occurrence, true as same_as_first, ${asOfCheck} as is_after_as_of ${valid}`;
  }
  const content = `hash(${names})`;
  // A null key part never collides with another row's.
  const partition = key.map((k) => `coalesce(cast(${k} as VARCHAR), 'rec:' || file_idx || ':' || rec)`).join(', ');
  return `
    create or replace temp table ranked_${spec.name} as
    select file_idx, rec, ${names},
      row_number() over w as occurrence,
      ${content} = first_value(${content}) over w as same_as_first,
      first_value(file_idx) over w as first_file_idx,
      first_value(rec) over w as first_rec,
      ${asOfCheck} as is_after_as_of
    ${valid}
    window w as (partition by ${partition} order by file_idx, rec);
    insert into load_issues
    select '${spec.name}', file_idx, rec, '${key[0]}', 'duplicate_id', 'reject', first_file_idx || ':' || first_rec
    from ranked_${spec.name} where occurrence > 1 and not same_as_first`;
}

/** The loaded rows of an entity (`src_<entity>`), with their origin for lineage. */
export function sourceTableSql(spec: EntitySpec, columns: TypedColumnSql[]): string {
  const names = columns.map((c) => c.name).join(', ');
  return `create or replace table src_${spec.name} as
    select ${names}, file_idx as source_file_idx, rec as source_record
    from ranked_${spec.name} r
    where occurrence = 1 and not is_after_as_of
      and not exists (select 1 from load_issues i
                      where i.entity = '${spec.name}' and i.severity = 'reject' and i.file_idx = r.file_idx and i.rec = r.rec)
    order by source_file_idx, source_record`;
}
