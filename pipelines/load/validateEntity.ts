import type { EntitySpec } from '../contract/entities.ts';
import { ADVISORY_CODES, issueCodeSql, issueHelperColumns, issueSql, rawSql, rejectingIssueSql, type TypedColumnSql } from './typedColumnSql.ts';
import type { NativeRead } from './nativeRead.ts';
import type { RawFile, ReadMode } from './prepareFile.ts';

/**
 * Single pass per file: DuckDB's CSV reader feeds the parse expressions directly, and the typed rows
 * land in `src_<entity>` with helper columns (issue code and, only for rows with an issue, the raw
 * text). Problems are copied to `load_issues`; rows that must go are listed in `load_outcomes`
 * and deleted at the end, when the helper columns are dropped. Nothing is copied twice.
 */

/** The global tables of row problems and of rows leaving the run. `rid` is the row's rowid in src_<entity>. */
export const createLoadTablesSql = `
  create or replace temp table load_issues (
    entity VARCHAR, file_idx INTEGER, rec BIGINT, rid BIGINT, column_name VARCHAR, code VARCHAR, severity VARCHAR,
    detail VARCHAR, value VARCHAR);
  create or replace temp table load_outcomes (entity VARCHAR, file_idx INTEGER, rid BIGINT, outcome VARCHAR)`;

/** The record index of a row within its file: rowid minus the rows of earlier files. */
export function recSql(files: RawFile[], offsets: Map<number, number>): string {
  if (files.length === 1) return `(rowid - ${offsets.get(files[0]!.index) ?? 0})`;
  return `(rowid - case file_idx ${files.map((f) => `when ${f.index} then ${offsets.get(f.index) ?? 0}`).join(' ')} end)`;
}

/**
 * Creates or appends to src_<entity> from one file, parsing every column once. With a native read,
 * its columns arrive parsed (the reader fails on a value it cannot read) and keep values below their
 * minimum for nativeSuspectsSql to find.
 */
export function insertFileSql(spec: EntitySpec, columns: TypedColumnSql[], file: RawFile, create: boolean, mode: ReadMode, native?: NativeRead): string {
  const isNative = (c: TypedColumnSql) => native?.types.has(c.name) ?? false;
  const text = columns
    .map((c) => {
      const pos = file.resolution.positions.get(c.name);
      if (isNative(c)) return `cast(c${pos} as ${c.type}) as p_${c.name}`;
      // trim() without a character list (spaces, no-break spaces) is faster; the rare value with a tab
      // (pasted from a spreadsheet) takes the slower trim, so that "C2<tab>" is the code C2.
      return pos === undefined
        ? `cast(null as VARCHAR) as r_${c.name}`
        : `nullif(case when contains(c${pos}, chr(9)) then trim(c${pos}, ' ' || chr(9) || chr(160)) else trim(c${pos}) end, '') as r_${c.name}`;
    })
    .join(', ');
  const parsed = ['*', ...columns.filter((c) => !isNative(c)).map((c) => `${c.parse(`r_${c.name}`, file.conventions.get(c.name))} as p_${c.name}`)].join(
    ',\n        ',
  );
  const finals = columns
    .map(
      (c) =>
        (c.meta.min !== undefined && !isNative(c) ? `case when p_${c.name} < ${c.meta.min} then null else p_${c.name} end` : `p_${c.name}`) + ` as ${c.name}`,
    )
    .join(', ');
  const stored = columns.filter((c) => c.issueStored);
  const issues = stored.map((c) => `${issueCodeSql(c, `r_${c.name}`, `p_${c.name}`, file.advisories.get(c.name)?.(`r_${c.name}`))} as err_${c.name}`);
  const raws = stored.map((c) => `case when err_${c.name} is not null then r_${c.name} end as raw_${c.name}`);
  const empty = columns.map((c) => `${isNative(c) ? 'p' : 'r'}_${c.name} is null`).join(' and ');
  const body = `
    select file_idx, ${columns.map((c) => c.name).join(', ')}, is_empty${[...stored.map((c) => `err_${c.name}`), ...raws].map((x) => `, ${x}`).join('')}
    from (
      select ${finals}, ${empty} as is_empty, r.*${issues.map((x) => `,\n      ${x}`).join('')}
      from (
        select ${parsed}
        from (select ${file.index} as file_idx, ${file.decimalComma} as decimal_comma, ${text} from ${file.source(mode, native)})
      ) r
    )`;
  return create ? `create or replace table src_${spec.name} as ${body}` : `insert into src_${spec.name} ${body}`;
}

/** Copies per-column issues of non-empty rows into load_issues, with their severity and raw value (masked in load_rejects). */
export function columnIssuesSql(spec: EntitySpec, columns: TypedColumnSql[], rec: string): string {
  const statements = columns.flatMap((c) => {
    const issue = issueSql(c);
    if (!issue) return [];
    const advisory = ADVISORY_CODES.map((a) => `'${a}'`).join(', ');
    const severity = c.rejectsRow ? `case when ${issue} in (${advisory}) then 'warning' else 'reject' end` : `'warning'`;
    return [
      `insert into load_issues
        select '${spec.name}', file_idx, ${rec}, rowid, '${c.name}', ${issue}, ${severity}, null, ${rawSql(c)}
        from src_${spec.name} where ${issue} is not null and not is_empty`,
    ];
  });
  return statements.length ? statements.join(';\n') : 'select 1';
}

/** True for rows with an issue that rejects them (optional columns only ever warn). */
export function rejectPredicate(columns: TypedColumnSql[]): string {
  const parts = columns.flatMap((c) => {
    const issue = c.rejectsRow ? issueSql(c) : null;
    return issue ? [rejectingIssueSql(issue)] : [];
  });
  return parts.length ? parts.join(' or ') : 'false';
}

/** Key expressions for grouping; a null key part never collides with another row's. */
function keyParts(key: string[]): string[] {
  return key.map((k) => `coalesce(cast(${k} as VARCHAR), 'rid:' || rowid)`);
}

/**
 * Rows that share a key with an earlier row (file name order, then line): with the same content they
 * are collapsed, with other content rejected as duplicate_id, naming the occurrence that was kept.
 * Rows matching `leftOut` (already out of the run, as open orders) are no occurrence.
 * Only keys that repeat go through the window, so clean exports pay one grouped count.
 */
export function duplicatesSql(spec: EntitySpec, columns: TypedColumnSql[], key: string[], rec: string, leftOut?: string): string {
  const names = columns.map((c) => c.name).join(', ');
  const valid = `not is_empty and not (${rejectPredicate(columns)})${leftOut ? ` and not coalesce(${leftOut}, false)` : ''}`;
  const content = `hash(${names})`;
  const parts = keyParts(key);
  const keyCols = parts.map((p, i) => `${p} as k${i}`).join(', ');
  const joinOn = parts.map((p, i) => `repeated.k${i} = ${p}`).join(' and ');
  return `
    create or replace temp table dups_${spec.name} as
    with repeated as (
      select ${keyCols} from src_${spec.name} where ${valid} group by all having count(*) > 1
    ),
    ranked as (
      select rowid as rid, file_idx, ${rec} as rec, ${key[0]} as key_value,
        row_number() over w as occurrence,
        ${content} = first_value(${content}) over w as same_as_first,
        first_value(file_idx) over w as first_file_idx,
        first_value(${rec}) over w as first_rec
      from src_${spec.name}
      semi join repeated on ${joinOn}
      where ${valid}
      window w as (partition by ${parts.join(', ')} order by rowid)
    )
    select * from ranked where occurrence > 1;
    insert into load_issues
    select '${spec.name}', file_idx, rec, rid, '${key[0]}', 'duplicate_id', 'reject', first_file_idx || ':' || first_rec, cast(key_value as VARCHAR)
    from dups_${spec.name} where not same_as_first;
    insert into load_outcomes select '${spec.name}', file_idx, rid, 'collapsed' from dups_${spec.name} where same_as_first`;
}

/** SQL: the ids of the orders that left the run as `outcome` (after_as_of, open): their items follow them. */
export const ordersLeftAsSql = (outcome: 'after_as_of' | 'open') =>
  `select order_id from src_orders semi join load_outcomes o on o.entity = 'orders' and o.outcome = '${outcome}' and o.rid = src_orders.rowid`;

/**
 * Items without line numbers cannot be matched line by line, but an order's items belong together: when
 * they come in more than one file (overlapping monthly exports), the last file's are kept (file name
 * order: the latest export, which has the order as it ended, invoiced after being open, say), and
 * another file's are collapsed when they are the same lines (same count and content, in any order),
 * left out with the order's open version when they differ and the order was open in an export (its
 * items as they were then), else rejected as items_in_other_file. Read twice, the order would count
 * twice. Lines repeated within one file stay: two lines of one product are two lines.
 */
export function itemsAcrossFilesSql(columns: TypedColumnSql[], rec: string): string {
  const names = columns.map((c) => c.name).join(', ');
  const usable = `not is_empty and not (${rejectPredicate(columns)}) and order_id is not null`;
  return `
    create or replace temp table item_sets as
    select order_id, file_idx, count(*) as lines, sum(hash(${names})::HUGEINT) as content, min(rec) as first_rec
    from (select *, ${rec} as rec from src_order_items where ${usable})
    group by order_id, file_idx;
    create or replace temp table item_repeats as
    with kept_sets as (select * from item_sets qualify row_number() over (partition by order_id order by file_idx desc) = 1)
    select other.order_id, other.file_idx, kept_sets.file_idx as kept_file_idx, kept_sets.first_rec as kept_rec,
      other.lines = kept_sets.lines and other.content = kept_sets.content as same
    from item_sets as other
    join kept_sets on kept_sets.order_id = other.order_id and other.file_idx <> kept_sets.file_idx;
    create or replace temp table item_repeat_rows as
    select i.rid, i.rec, i.file_idx, i.order_id, r.same, r.kept_file_idx, r.kept_rec,
      i.order_id in (${ordersLeftAsSql('open')}) as was_open
    from (select rowid as rid, ${rec} as rec, file_idx, order_id from src_order_items where ${usable}) i
    join item_repeats r on r.order_id = i.order_id and r.file_idx = i.file_idx;
    insert into load_outcomes select 'order_items', file_idx, rid, 'collapsed' from item_repeat_rows where same;
    insert into load_outcomes select 'order_items', file_idx, rid, 'open' from item_repeat_rows where not same and was_open;
    insert into load_issues
    select 'order_items', file_idx, rec, rid, 'order_id', 'items_in_other_file', 'reject', kept_file_idx || ':' || kept_rec, order_id
    from item_repeat_rows where not same and not was_open`;
}

/**
 * Items with line numbers are matched line by line (duplicatesSql), but the lines of an order that was
 * open in an export and is invoiced in another are two versions of it: only the latest items file's
 * lines are the sale's, the earlier ones leave with the open version instead of being taken for it.
 */
export function itemsOfOpenVersionsSql(columns: TypedColumnSql[]): string {
  return `
    insert into load_outcomes
    select 'order_items', file_idx, rid, 'open' from (
      select rowid as rid, file_idx, max(file_idx) over (partition by order_id) as latest_file_idx
      from src_order_items
      where not is_empty and not (${rejectPredicate(columns)})
        and order_id in (${ordersLeftAsSql('open')})
        and order_id in (select order_id from kept_orders where order_id is not null))
    where file_idx < latest_file_idx`;
}

/** Usable rows (no rejecting issue, not collapsed) meeting `condition` leave the run as `outcome` (after_as_of, open). */
export function leftOutOutcomesSql(spec: EntitySpec, columns: TypedColumnSql[], condition: string, outcome: 'after_as_of' | 'open'): string {
  return `
    insert into load_outcomes
    select '${spec.name}', file_idx, rowid, '${outcome}' from src_${spec.name}
    where not is_empty and not (${rejectPredicate(columns)}) and (${condition})
      and not exists (select 1 from load_outcomes o where o.entity = '${spec.name}' and o.rid = src_${spec.name}.rowid)
      and not exists (select 1 from load_issues i where i.entity = '${spec.name}' and i.severity = 'reject' and i.rid = src_${spec.name}.rowid)`;
}

/** Rows with a rejecting issue, and empty rows, leave the run. */
export function rejectedOutcomesSql(spec: EntitySpec): string {
  return `
    insert into load_outcomes select '${spec.name}', file_idx, rowid, 'empty' from src_${spec.name} where is_empty;
    insert into load_outcomes
    select distinct '${spec.name}', file_idx, rid, 'rejected' from load_issues
    where entity = '${spec.name}' and severity = 'reject'`;
}

/** A view of the rows of an entity still in the run (for checks between entities before cleanup). */
export function keptViewSql(spec: EntitySpec, rec: string, hasOutcomes: boolean): string {
  const gone = hasOutcomes ? `anti join (select rid from load_outcomes where entity = '${spec.name}') gone on gone.rid = k.rid` : '';
  return `create or replace temp view kept_${spec.name} as
    select k.* from (select *, rowid as rid, ${rec} as rec from src_${spec.name}) k ${gone}`;
}

/** Deletes the rows that left the run and drops the helper columns, leaving the clean src_<entity>. */
export function cleanupSql(spec: EntitySpec, columns: TypedColumnSql[]): string {
  const drops = ['is_empty', ...issueHelperColumns(columns)].map((c) => `alter table src_${spec.name} drop column ${c}`).join(';\n');
  return `
    delete from src_${spec.name} where rowid in (select rid from load_outcomes where entity = '${spec.name}');
    ${drops};
    alter table src_${spec.name} rename column file_idx to source_file_idx`;
}
