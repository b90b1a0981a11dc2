import { entities } from '../contract/entities.ts';
import { columnMeta } from '../contract/columns.ts';
import type { z } from 'zod';
import { sqlString, type Database } from '../warehouse/database.ts';
import type { ExportInventory } from './discoverExports.ts';
import { findLines } from './lineNumbers.ts';
import type { RawFile } from './readRawFile.ts';
import { csvErrorCode, rejectReasons } from './rejectReasons.ts';

/** Counts of one file; read = empty + rejected + collapsed + after_as_of + loaded. */
export interface FileSummary {
  file: string;
  entity: string;
  encoding: string;
  delimiter: string;
  read: number;
  loaded: number;
  empty: number;
  rejected: number;
  collapsed: number;
  after_as_of: number;
  warnings: number;
  ignored_columns: string[];
}

/** The data-quality summary of a load. */
export interface LoadSummary {
  files: FileSummary[];
  reasons: { file: string; reason_code: string; severity: string; rows: number }[];
  unrecognized_files: string[];
}

/**
 * Builds `load_rejects` (one row per problem, with file, physical line, source column, masked raw
 * value and reason) and counts every file's rows so that they add up.
 */
export async function summarizeLoad(db: Database, raws: RawFile[], inventory: ExportInventory): Promise<LoadSummary> {
  await db.run(`create or replace temp table load_files (file_idx INTEGER, file VARCHAR, entity VARCHAR)`);
  if (raws.length) {
    await db.run(`insert into load_files values ${raws.map((r) => `(${r.index}, ${sqlString(r.file.name)}, '${r.file.entity.name}')`).join(', ')}`);
  }
  await db.run(`create or replace temp table load_issue_values as ${issueValuesSql(raws)}`);
  await db.run(`create or replace temp table reader_rejects as ${readerRejectsSql(raws)}`);
  const lines = await lineNumbers(db, raws);
  await db.run(`create or replace temp table issue_lines (file_idx INTEGER, rec BIGINT, reader_line BIGINT, line BIGINT)`);
  if (lines.length) {
    for (let i = 0; i < lines.length; i += 5000) {
      await db.run(`insert into issue_lines values ${lines.slice(i, i + 5000).map((l) => `(${l.join(', ')})`).join(', ')}`);
    }
  }
  await db.run(rejectsTableSql(raws));

  const files: FileSummary[] = [];
  for (const raw of raws) files.push(await summarizeFile(db, raw));
  const reasons = await db.rows<{ file: string; reason_code: string; severity: string; rows: string }>(`
    select file, reason_code, severity, count(*) as rows from load_rejects group by all order by file, severity, reason_code`);
  return {
    files,
    reasons: reasons.map((r) => ({ ...r, rows: Number(r.rows) })),
    unrecognized_files: inventory.unrecognized,
  };
}

function issueValuesSql(raws: RawFile[]): string {
  const byEntity = entities.filter((e) => raws.some((r) => r.file.entity.name === e.name));
  if (!byEntity.length) return `select * from load_issues, (select cast(null as VARCHAR) as value) limit 0`;
  return byEntity
    .map((spec) => {
      const shape = spec.schema.shape as Record<string, z.ZodType>;
      const cases = Object.keys(shape).map((c) => `when '${c}' then ${maskSql(c, columnMeta(shape[c]!).kind, `t.${c}`)}`).join(' ');
      return `select i.*, case i.column_name ${cases} end as value
              from load_issues i join text_${spec.name} t using (file_idx, rec) where i.entity = '${spec.name}'`;
    })
    .join('\nunion all\n');
}

/** LGPD: contact data and CPFs never leave the loader in clear, not even in the rejects file. */
function maskSql(column: string, kind: string, value: string): string {
  if (kind === 'email') return `regexp_replace(${value}, '^(.).*@', '\\1***@')`;
  if (kind === 'phone') return `repeat('*', greatest(length(${value}) - 2, 0)) || right(${value}, 2)`;
  if (kind === 'document') {
    return `case when length(regexp_replace(${value}, '[^0-9A-Za-z]', '', 'g')) <= 11
                 then '***.' || substr(lpad(regexp_replace(${value}, '[^0-9]', '', 'g'), 11, '0'), 4, 3) || '.' ||
                      substr(lpad(regexp_replace(${value}, '[^0-9]', '', 'g'), 11, '0'), 7, 3) || '-**'
                 else ${value} end`;
  }
  void column;
  return value;
}

function readerRejectsSql(raws: RawFile[]): string {
  const parts = raws
    .filter((r) => r.csvRejectsTable)
    .map((r) => `select ${r.index} as file_idx, line as reader_line, column_name as column_idx_name, error_type, csv_line from ${r.csvRejectsTable}`);
  if (!parts.length) return `select cast(null as INTEGER) as file_idx, cast(null as BIGINT) as reader_line, cast(null as VARCHAR) as column_idx_name, cast(null as VARCHAR) as error_type, cast(null as VARCHAR) as csv_line limit 0`;
  return `select file_idx, reader_line, any_value(column_idx_name) as column_idx_name, any_value(error_type) as error_type, any_value(csv_line) as csv_line
          from (${parts.join(' union all ')}) group by file_idx, reader_line`;
}

async function lineNumbers(db: Database, raws: RawFile[]): Promise<number[][]> {
  const out: number[][] = [];
  for (const raw of raws) {
    // Duplicates name the line of the occurrence that was kept, so look those records up too.
    const recs = (await db.rows<{ rec: string }>(`
      select rec from load_issue_values where file_idx = ${raw.index}
      union
      select cast(split_part(detail, ':', 2) as BIGINT) from load_issue_values
      where code = 'duplicate_id' and cast(split_part(detail, ':', 1) as INTEGER) = ${raw.index}
      order by 1`)).map((r) => Number(r.rec));
    const readerLines = (await db.rows<{ l: string }>(`select reader_line as l from reader_rejects where file_idx = ${raw.index}`)).map((r) => Number(r.l));
    if (!recs.length && !readerLines.length) continue;
    if (raw.file.format === 'parquet') {
      for (const rec of recs) out.push([raw.index, rec, -1, rec + 1]);
      continue;
    }
    const lookup = await findLines(raw.readPath, recs, readerLines);
    for (const rec of recs) out.push([raw.index, rec, -1, lookup.byRecord.get(rec) ?? -1]);
    for (const line of readerLines) out.push([raw.index, -1, line, lookup.byReaderLine.get(line) ?? line]);
  }
  return out;
}

function rejectsTableSql(raws: RawFile[]): string {
  const headerCases = raws
    .flatMap((r) => [...r.resolution.positions].map(([canonical, pos]) => `when i.file_idx = ${r.index} and i.column_name = '${canonical}' then ${sqlString(r.dialect.headers[pos] ?? canonical)}`))
    .join(' ');
  const readerHeaderCases = raws
    .flatMap((r) => r.dialect.headers.map((h, pos) => `when x.file_idx = ${r.index} and x.column_idx_name = 'c${pos}' then ${sqlString(h)}`))
    .join(' ');
  const reasonCases = Object.entries(rejectReasons).map(([code, text]) => `when '${code}' then ${sqlString(text)}`).join(' ');
  const readerCode = ['TOO MANY COLUMNS', 'UNQUOTED VALUE', 'INVALID UNICODE', 'INVALID ENCODING']
    .map((t) => `when '${t}' then '${csvErrorCode(t)}'`)
    .join(' ');
  return `
    create or replace table load_rejects as
    with column_issues as (
      select f.file, f.entity, l.line, ${headerCases ? `case ${headerCases} else i.column_name end` : 'i.column_name'} as "column",
        i.column_name as canonical_column, i.value, i.code as reason_code, i.severity, i.detail, i.file_idx, i.rec
      from load_issue_values i
      join load_files f using (file_idx)
      left join issue_lines l on l.file_idx = i.file_idx and l.rec = i.rec
    ),
    reader_issues as (
      select f.file, f.entity, l.line, ${readerHeaderCases ? `case ${readerHeaderCases} end` : 'null'} as "column",
        null as canonical_column, left(trim(x.csv_line, chr(10) || chr(13)), 500) as value,
        case x.error_type ${readerCode} else 'malformed_row' end as reason_code, 'reject' as severity, null as detail,
        x.file_idx, -1 - x.reader_line as rec
      from reader_rejects x
      join load_files f using (file_idx)
      left join issue_lines l on l.file_idx = x.file_idx and l.reader_line = x.reader_line
    ),
    all_issues as (select * from column_issues union all select * from reader_issues),
    with_first as (
      select a.*, first_file.file as first_file, first_line.line as first_line
      from all_issues a
      left join load_files first_file on a.reason_code = 'duplicate_id' and first_file.file_idx = cast(split_part(a.detail, ':', 1) as INTEGER)
      left join issue_lines first_line on a.reason_code = 'duplicate_id'
        and first_line.file_idx = cast(split_part(a.detail, ':', 1) as INTEGER) and first_line.rec = cast(split_part(a.detail, ':', 2) as BIGINT)
    )
    select file, cast(line as BIGINT) as line, "column", value, reason_code,
      (case reason_code ${reasonCases} end) ||
        case when reason_code = 'duplicate_id' and first_file is not null
             then ' (primeira ocorrência: ' || first_file || coalesce(' linha ' || first_line, '') || ')' else '' end as reason,
      severity, entity, canonical_column, file_idx, rec
    from with_first
    order by file_idx, line, "column"`;
}

async function summarizeFile(db: Database, raw: RawFile): Promise<FileSummary> {
  const e = raw.file.entity.name;
  const i = raw.index;
  const [row] = await db.rows<Record<string, string>>(`
    select
      (select count(*) from ${raw.rawTable}) + (select count(*) from reader_rejects where file_idx = ${i}) as read,
      (select count(*) from src_${e} where source_file_idx = ${i}) as loaded,
      (select count(*) from typed_${e} where file_idx = ${i} and is_empty) as empty,
      (select count(distinct rec) from load_rejects where file_idx = ${i} and severity = 'reject') as rejected,
      (select count(*) from ranked_${e} where file_idx = ${i} and occurrence > 1 and same_as_first) as collapsed,
      (select count(*) from ranked_${e} where file_idx = ${i} and occurrence = 1 and is_after_as_of) as after_as_of,
      (select count(distinct rec) from load_rejects where file_idx = ${i} and severity = 'warning'
         and rec not in (select rec from load_rejects where file_idx = ${i} and severity = 'reject')) as warnings`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    file: raw.file.name, entity: e, encoding: raw.dialect.encoding, delimiter: raw.dialect.delimiter,
    read: n('read'), loaded: n('loaded'), empty: n('empty'), rejected: n('rejected'), collapsed: n('collapsed'),
    after_as_of: n('after_as_of'), warnings: n('warnings'),
    ignored_columns: [...raw.resolution.ignored, ...raw.resolution.shadowed.map((s) => s.header)],
  };
}
