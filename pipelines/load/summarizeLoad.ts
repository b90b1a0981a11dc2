import { sqlString, type Database } from '../warehouse/database.ts';
import type { ExportInventory } from './discoverExports.ts';
import { columnUse, describeColumnUse } from './columnUse.ts';
import { findLines } from './lineNumbers.ts';
import { leadingZeroNotes } from './leadingZeros.ts';
import type { LoadedEntity } from './loadExports.ts';
import type { RawFile } from './prepareFile.ts';
import { checkRecordCount, placeReadingWarnings } from './readingIssues.ts';
import { csvErrorCode, rejectReasons } from './rejectReasons.ts';

/** Counts of one file; read = loaded + rejected + collapsed + after_as_of + open_orders + empty. */
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
  /** Orders still open (em aberto, orçamento…), or items of such orders: no sale yet, left out. */
  open_orders: number;
  warnings: number;
  ignored_columns: string[];
  /** Every source column and what it became: `DOCNUM → order_id, Discount → ignorada`. */
  column_mapping: string;
  /** Whether a mapping entry listed the file's columns (then only those are used, unless it allows aliases). */
  mapped: boolean;
  /** How ambiguous values were read, per column (`order_date: datas ambíguas lidas como dd/mm`). */
  notes: string[];
  /** How the values were parsed: by DuckDB's CSV reader (a clean file) or as text by the parse macros. */
  reader: 'native' | 'text';
}

/** The data-quality summary of a load. */
export interface LoadSummary {
  files: FileSummary[];
  reasons: { file: string; reason_code: string; severity: string; rows: number }[];
  unrecognized_files: string[];
  /** Files read through a symbolic link, with the file each link leads to. */
  linked_files: { file: string; target: string }[];
}

/**
 * Builds `load_rejects` (one row per problem, with file, physical line, source column, the value of
 * the column at fault with personal data masked, and reason) and counts every file's rows so that they
 * add up. Runs before the rows that left the run are deleted.
 */
export async function summarizeLoad(db: Database, loaded: LoadedEntity[], inventory: ExportInventory): Promise<LoadSummary> {
  const raws = loaded.flatMap((e) => e.files);
  await db.run(`create or replace temp table load_files (file_idx INTEGER, file VARCHAR, entity VARCHAR)`);
  if (raws.length) {
    await db.run(`insert into load_files values ${raws.map((r) => `(${r.index}, ${sqlString(r.file.name)}, '${r.file.entity.name}')`).join(', ')}`);
  }
  await db.run(`create or replace temp table reader_rejects as ${readerRejectsSql(raws)}`);
  for (const raw of raws) await placeReadingWarnings(db, raw, await readerLinesOf(db, raw));
  await db.run(`create or replace temp table issue_lines (file_idx INTEGER, rec BIGINT, reader_line BIGINT, line BIGINT)`);
  const lines = await lineNumbers(db, raws);
  for (let i = 0; i < lines.length; i += 5000) {
    await db.run(
      `insert into issue_lines values ${lines
        .slice(i, i + 5000)
        .map((l) => `(${l.join(', ')})`)
        .join(', ')}`,
    );
  }
  await db.run(rejectsTableSql(raws));

  const files: FileSummary[] = [];
  const crossFileNotes = await leadingZeroNotes(db);
  for (const entity of loaded) {
    for (const raw of entity.files) {
      const file = await summarizeFile(db, raw, entity.rowsPerFile.get(raw.index) ?? 0, entity.reader);
      files.push({ ...file, notes: [...file.notes, ...(crossFileNotes.get(raw.index) ?? [])] });
    }
  }
  const reasons = await db.rows<{ file: string; reason_code: string; severity: string; rows: string }>(`
    select file, reason_code, severity, count(*) as rows from load_rejects group by all order by file, severity, reason_code`);
  return {
    files,
    reasons: reasons.map((r) => ({ ...r, rows: Number(r.rows) })),
    unrecognized_files: inventory.unrecognized,
    linked_files: inventory.files.flatMap((f) => (f.linkTarget ? [{ file: f.name, target: f.linkTarget }] : [])),
  };
}

function readerRejectsSql(raws: RawFile[]): string {
  const parts = raws
    .filter((r) => r.csvRejectsTable)
    .map(
      (r) => `select ${r.index} as file_idx, line as reader_line, column_name as column_idx_name, error_type, column_idx,
      ${r.dialect.headers.length} as header_fields from ${r.csvRejectsTable}`,
    );
  const empty = `select cast(null as INTEGER) as file_idx, cast(null as BIGINT) as reader_line, cast(null as VARCHAR) as column_idx_name,
    cast(null as VARCHAR) as error_type, cast(null as BIGINT) as fields, cast(null as INTEGER) as header_fields limit 0`;
  if (!parts.length) return empty;
  // A reject table exists only once its reader ran; files of no entity row never did. The raw line
  // (csv_line) is left behind: it holds every column of the row, names and contacts included (LGPD).
  // A line with too many columns has one reject per extra field, numbered from 1: the last is the count.
  return `select file_idx, reader_line, any_value(column_idx_name) as column_idx_name, any_value(error_type) as error_type,
            max(column_idx) as fields, any_value(header_fields) as header_fields
          from (${parts.join(' union all ')}) group by file_idx, reader_line`;
}

async function lineNumbers(db: Database, raws: RawFile[]): Promise<number[][]> {
  const out: number[][] = [];
  for (const raw of raws) {
    // Duplicates name the line of the occurrence that was kept, so look those records up too.
    const recs = (
      await db.rows<{ rec: string }>(`
      select rec from load_issues where file_idx = ${raw.index}
      union
      select cast(split_part(detail, ':', 2) as BIGINT) from load_issues
      where code = 'duplicate_id' and cast(split_part(detail, ':', 1) as INTEGER) = ${raw.index}
      order by 1`)
    ).map((r) => Number(r.rec));
    const readerLines = await readerLinesOf(db, raw);
    if (!recs.length && !readerLines.length) continue;
    if (raw.file.format === 'parquet') {
      for (const rec of recs) out.push([raw.index, rec, -1, rec + 1]);
      continue;
    }
    // a file restored from the load cache knows the lines of the records its first load reported
    const cached = raw.restored ? new Map(raw.restored.lines) : null;
    if (cached && !readerLines.length && recs.every((rec) => cached.has(rec))) {
      for (const rec of recs) out.push([raw.index, rec, -1, cached.get(rec)!]);
      continue;
    }
    const lookup = await findLines(raw.readPath, raw.dialect, { records: recs, readerLines });
    for (const rec of recs) out.push([raw.index, rec, -1, lookup.byRecord.get(rec) ?? -1]);
    for (const line of readerLines) out.push([raw.index, -1, line, lookup.byReaderLine.get(line) ?? line]);
  }
  return out;
}

async function readerLinesOf(db: Database, raw: RawFile): Promise<number[]> {
  return (await db.rows<{ l: string }>(`select reader_line as l from reader_rejects where file_idx = ${raw.index}`)).map((r) => Number(r.l));
}

function rejectsTableSql(raws: RawFile[]): string {
  const headerCases = raws
    .flatMap((r) =>
      [...r.resolution.positions].map(
        ([canonical, pos]) => `when i.file_idx = ${r.index} and i.column_name = '${canonical}' then ${sqlString(r.dialect.headers[pos] ?? canonical)}`,
      ),
    )
    .join(' ');
  const readerHeaderCases = raws
    .flatMap((r) => r.dialect.headers.map((h, pos) => `when x.file_idx = ${r.index} and x.column_idx_name = 'c${pos}' then ${sqlString(h)}`))
    .join(' ');
  const readingHeaderCases = raws
    .flatMap((r) => r.dialect.headers.map((h, pos) => `when r.file_idx = ${r.index} and r.column_idx = ${pos} then ${sqlString(h)}`))
    .join(' ');
  const readingCanonicalCases = raws
    .flatMap((r) => [...r.resolution.positions].map(([canonical, pos]) => `when r.file_idx = ${r.index} and r.column_idx = ${pos} then '${canonical}'`))
    .join(' ');
  const reasonCases = Object.entries(rejectReasons)
    .map(([code, text]) => `when '${code}' then ${sqlString(text)}`)
    .join(' ');
  const readerCode = ['TOO MANY COLUMNS', 'UNQUOTED VALUE', 'INVALID UNICODE', 'INVALID ENCODING']
    .map((t) => `when '${t}' then '${csvErrorCode(t)}'`)
    .join(' ');
  return `
    create or replace table load_rejects as
    with column_issues as (
      select f.file, f.entity, l.line, ${headerCases ? `case ${headerCases} else i.column_name end` : 'i.column_name'} as "column",
        i.column_name as canonical_column, i.value, i.code as reason_code, i.severity, i.detail, i.file_idx, i.rec
      from load_issues i
      join load_files f using (file_idx)
      left join issue_lines l on l.file_idx = i.file_idx and l.rec = i.rec
    ),
    reader_issues as (
      select f.file, f.entity, l.line, ${readerHeaderCases ? `case ${readerHeaderCases} end` : 'null'} as "column",
        null as canonical_column,
        case when x.error_type = 'TOO MANY COLUMNS' then x.fields || ' campos; o cabeçalho tem ' || x.header_fields end as value,
        case x.error_type ${readerCode} else 'malformed_row' end as reason_code, 'reject' as severity, null as detail,
        x.file_idx, -1 - x.reader_line as rec
      from reader_rejects x
      join load_files f using (file_idx)
      left join issue_lines l on l.file_idx = x.file_idx and l.reader_line = x.reader_line
    ),
    reading_issues_named as (
      select f.file, f.entity, r.line, ${readingHeaderCases ? `case ${readingHeaderCases} end` : 'null'} as "column",
        ${readingCanonicalCases ? `case ${readingCanonicalCases} end` : 'null'} as canonical_column, r.value, r.code as reason_code,
        r.severity, null as detail, r.file_idx, -1 - r.line as rec
      from reading_issues r
      join load_files f using (file_idx)
    ),
    all_issues as (select * from column_issues union all select * from reader_issues union all select * from reading_issues_named),
    -- A duplicate names the occurrence kept ("file_idx:rec" in detail): parsed once into plain keys so
    -- both joins are hash joins. Conditions on the reason code inside a left join made DuckDB compare
    -- every duplicate with every line, quadratic in the number of duplicates.
    first_occurrence as (
      select *,
        case when reason_code in ('duplicate_id', 'items_in_other_file') then cast(split_part(detail, ':', 1) as INTEGER) end as first_file_idx,
        case when reason_code in ('duplicate_id', 'items_in_other_file') then cast(split_part(detail, ':', 2) as BIGINT) end as first_rec
      from all_issues
    ),
    with_first as (
      select a.*, first_file.file as first_file, first_line.line as first_line
      from first_occurrence a
      left join load_files first_file on first_file.file_idx = a.first_file_idx
      left join issue_lines first_line on first_line.file_idx = a.first_file_idx and first_line.rec = a.first_rec
    )
    select file, cast(line as BIGINT) as line, mask_personal("column") as "column", mask_personal(value) as value, reason_code,
      (case reason_code ${reasonCases} end) ||
        case when reason_code = 'duplicate_id' and first_file is not null
             then ' (primeira ocorrência: ' || first_file || coalesce(' linha ' || first_line, '') || ')'
             when reason_code = 'items_in_other_file' and first_file is not null
             then ' (mantidos: ' || first_file || ')' else '' end as reason,
      severity, entity, canonical_column, file_idx, rec
    from with_first
    order by file_idx, line, "column", reason_code`;
}

async function summarizeFile(db: Database, raw: RawFile, rows: number, reader: FileSummary['reader']): Promise<FileSummary> {
  const i = raw.index;
  const [row] = await db.rows<Record<string, string>>(`
    select
      (select count(*) from reader_rejects where file_idx = ${i}) as reader_rejected,
      (select count(*) from reading_issues where file_idx = ${i} and severity = 'reject') as reading_rejected,
      count(*) filter (where outcome = 'empty') as empty,
      count(*) filter (where outcome = 'rejected') as rejected,
      count(*) filter (where outcome = 'collapsed') as collapsed,
      count(*) filter (where outcome = 'after_as_of') as after_as_of,
      count(*) filter (where outcome = 'open') as open_orders,
      (select count(distinct rid) from (
         select rid from load_issues where file_idx = ${i} and severity = 'warning'
         union all select rid from reading_issues where file_idx = ${i} and severity = 'warning' and rid is not null)
       where rid not in (select rid from load_outcomes where file_idx = ${i})) as warnings
    from load_outcomes where file_idx = ${i}`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  const left = n('empty') + n('rejected') + n('collapsed') + n('after_as_of') + n('open_orders');
  const unread = n('reader_rejected') + n('reading_rejected');
  checkRecordCount(raw, rows + unread);
  return {
    file: raw.file.name,
    entity: raw.file.entity.name,
    encoding: raw.dialect.encoding,
    delimiter: raw.dialect.delimiter,
    read: rows + unread,
    loaded: rows - left,
    empty: n('empty'),
    rejected: n('rejected') + unread,
    collapsed: n('collapsed'),
    after_as_of: n('after_as_of'),
    open_orders: n('open_orders'),
    warnings: n('warnings'),
    ignored_columns: [...raw.resolution.ignored, ...raw.resolution.shadowed.map((s) => s.header)],
    column_mapping: describeColumnUse(raw.columnUses ?? columnUse(raw.dialect.headers, raw.resolution)),
    mapped: Object.keys(raw.file.mapping?.columns ?? {}).length > 0,
    notes: raw.notes,
    reader,
  };
}
