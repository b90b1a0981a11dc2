import { entities, type EntityName, type EntitySpec } from '../contract/entities.ts';
import { documentSqlMacros } from '../brazil/documents.ts';
import { maskPersonalDataSqlMacro } from '../privacy/maskPersonalData.ts';
import { ufValuesSql } from '../brazil/ufs.ts';
import type { Database } from '../warehouse/database.ts';
import { discoverExports, filesOf, readMappingFile, type ExportInventory } from './discoverExports.ts';
import { chooseNativeRead, harmonizeNativeReads, nativeSuspectsSql, withNativeColumns, type NativeRead } from './nativeRead.ts';
import { parseMacros } from './parseMacros.ts';
import { detectConventions, noteNativeDateOrder } from './columnConventions.ts';
import { prepareFile, readWithFallbacks, type RawFile } from './prepareFile.ts';
import { issueHelperColumns, typedColumns, type TypedColumnSql } from './typedColumnSql.ts';
import {
  afterAsOfOutcomesSql,
  cleanupSql,
  columnIssuesSql,
  createLoadTablesSql,
  duplicatesSql,
  insertFileSql,
  keptViewSql,
  recSql,
  rejectPredicate,
  rejectedOutcomesSql,
} from './validateEntity.ts';
import { itemsAfterAsOfSql, missingAmountSql, ordersWithoutItemsSql, unknownCustomersSql, unknownParentsSql } from './crossChecks.ts';
import { summarizeLoad, type LoadSummary } from './summarizeLoad.ts';
import { createReadingIssuesSql, insertReadingIssues } from './readingIssues.ts';
import { dropMappedTables } from './mappedSource.ts';

/** Where to read exports from and how to judge them. */
export interface LoadOptions {
  exportsDir: string;
  mappingPath?: string | undefined;
  /** YYYY-MM-DD; default: the last invoiced order date. */
  asOf?: string | undefined;
  /** A folder for transcoded copies; removed by the caller. */
  scratchDir: string;
  onProgress?: (message: string) => void;
}

/** What the load produced: the as-of date, which entities exist, and the data-quality summary. */
export interface LoadResult {
  /** The given as-of date, else the last valid invoiced order's date; null when there is no valid invoiced order. */
  asOf: string | null;
  /** First and last dates of the valid invoiced orders, before any was left out for the as-of date. */
  invoicedOrders: { first: string | null; last: string | null };
  present: Record<EntityName, boolean>;
  inventory: ExportInventory;
  summary: LoadSummary;
}

/** A loaded entity before cleanup: its files and how many rows each put in src_<entity>. */
export interface LoadedEntity {
  spec: EntitySpec;
  columns: TypedColumnSql[];
  files: RawFile[];
  rowsPerFile: Map<number, number>;
  reader: 'native' | 'text';
}

/**
 * Loads an exports folder into `src_<entity>` tables: every file read once by DuckDB and every value
 * parsed and validated in SQL, duplicates collapsed or rejected, rows after the as-of date left out,
 * and every problem recorded with file, line, column and value in `load_rejects`.
 */
export async function loadExports(db: Database, options: LoadOptions): Promise<LoadResult> {
  const progress = options.onProgress ?? (() => {});
  const mapping = options.mappingPath ? await readMappingFile(options.mappingPath) : undefined;
  const inventory = await discoverExports(options.exportsDir, mapping);
  for (const sql of [...parseMacros(), ...documentSqlMacros(), maskPersonalDataSqlMacro()]) await db.run(sql);
  await db.run(`create or replace table ref_ufs as select * from (${ufValuesSql()}) as t(uf, name, region)`);
  await db.run(createLoadTablesSql);
  await db.run(createReadingIssuesSql);

  const loaded: LoadedEntity[] = [];
  const present = {} as Record<EntityName, boolean>;
  let asOf = options.asOf;
  let invoicedOrders: LoadResult['invoicedOrders'] = { first: null, last: null };
  let index = 0;
  for (const spec of entities) {
    const files = filesOf(inventory, spec.name);
    present[spec.name] = files.length > 0;
    const started = Date.now();
    const raws: RawFile[] = [];
    for (const file of files) raws.push(await prepareFile(db, file, index++, options.scratchDir));
    for (const raw of raws) await insertReadingIssues(db, raw);
    const { columns, rowsPerFile, rec, reader } = await insertFiles(db, spec, raws);
    const rejected = rejectPredicate(columns);
    await db.run(columnIssuesSql(spec, columns, rec));
    const key = keyOf(spec, raws);
    if (key && raws.length) await db.run(duplicatesSql(spec, columns, key, rec));
    if (spec.name === 'orders') {
      invoicedOrders = await invoicedOrderDates(db, rejected);
      asOf ??= invoicedOrders.last ?? undefined;
    }
    const afterAsOf = await afterAsOfSql(db, spec, asOf);
    if (afterAsOf) await db.run(afterAsOfOutcomesSql(spec, columns, afterAsOf));
    const outcomes = Number(await db.scalar<string>(`select count(*) from load_outcomes where entity = '${spec.name}'`));
    await db.run(keptViewSql(spec, rec, outcomes > 0));
    if (spec.name === 'orders') {
      await db.run(missingAmountSql(filesOf(inventory, 'order_items').length > 0, rejected));
      await db.run(unknownCustomersSql(present.customers, rejected));
    }
    if (spec.name === 'order_items') await db.run(unknownParentsSql(present.products, rejected));
    await db.run(rejectedOutcomesSql(spec));
    // Checks of later entities must not see rows this one rejected.
    await db.run(keptViewSql(spec, rec, true));
    loaded.push({ spec, columns, files: raws, rowsPerFile, reader });
    if (raws.length)
      progress(`  ${spec.name.padEnd(16)} ${raws.length} arquivo(s)  ${Date.now() - started} ms${reader === 'native' ? '' : '  (lido como texto)'}`);
  }
  if (present.order_items) await db.run(ordersWithoutItemsSql);
  const summary = await summarizeLoad(db, loaded, inventory);
  for (const entity of loaded) await db.run(cleanupSql(entity.spec, entity.columns));
  await dropMappedTables(db);
  return { asOf: asOf ?? null, invoicedOrders, present, inventory, summary };
}

/**
 * Reads every file of an entity into src_<entity> (an empty table with the right columns when there is
 * none): natively when every file's values allow it (see nativeRead.ts), else all of them as text.
 */
async function insertFiles(db: Database, spec: EntitySpec, raws: RawFile[]) {
  const textColumns = typedColumns(spec.schema);
  if (!raws.length) {
    await db.run(emptySourceSql(spec, textColumns));
    return { columns: textColumns, rowsPerFile: new Map<number, number>(), rec: 'rowid', reader: 'text' as const };
  }
  const natives: (NativeRead | null)[] = [];
  for (const raw of raws) natives.push(await chooseNativeRead(db, raw, textColumns));
  if (natives.every((n) => n !== null)) {
    const harmonized = harmonizeNativeReads(natives, raws);
    const columns = withNativeColumns(textColumns, harmonized);
    for (const [i, raw] of raws.entries())
      await detectConventions(
        db,
        raw,
        textColumns.filter((c) => !harmonized[i]!.types.has(c.name)),
      );
    if (await tryInsert(db, spec, columns, raws, harmonized)) {
      for (const [i, raw] of raws.entries()) await noteNativeDateOrder(db, `src_${spec.name}`, raw, textColumns, new Set(harmonized[i]!.types.keys()));
      return { columns, reader: 'native' as const, ...(await placeFiles(db, spec, raws)) };
    }
  }
  for (const raw of raws) await detectConventions(db, raw, textColumns);
  await tryInsert(db, spec, textColumns, raws, null);
  return { columns: textColumns, reader: 'text' as const, ...(await placeFiles(db, spec, raws)) };
}

/**
 * Inserts the files in order. A native read gives up (false) on the first value the reader cannot
 * parse or whose text-path result would differ; the text path reports problems row by row instead.
 */
async function tryInsert(db: Database, spec: EntitySpec, columns: TypedColumnSql[], raws: RawFile[], natives: NativeRead[] | null): Promise<boolean> {
  for (const [i, raw] of raws.entries()) {
    const native = natives?.[i];
    if (!native) {
      await readWithFallbacks((mode) => db.run(insertFileSql(spec, columns, raw, i === 0, mode)));
      continue;
    }
    try {
      await db.run(insertFileSql(spec, columns, raw, i === 0, { parallel: true, captureRejects: false }, native));
    } catch {
      return false;
    }
    const suspects = nativeSuspectsSql(`src_${spec.name}`, raw.index, columns, native);
    if (suspects && Number(await db.scalar<string>(suspects)) > 0) return false;
  }
  return true;
}

/** How many rows each file put in src_<entity>, and each row's record index within its file. */
async function placeFiles(db: Database, spec: EntitySpec, raws: RawFile[]) {
  const rowsPerFile = new Map<number, number>();
  // a record's index in its file is its rowid minus the file's first rowid
  const offsets = new Map<number, number>();
  const placed = await db.rows<{ file_idx: number; first: string; rows: string }>(
    `select file_idx, min(rowid) as first, count(*) as rows from src_${spec.name} group by file_idx`,
  );
  for (const raw of raws) {
    const file = placed.find((p) => Number(p.file_idx) === raw.index);
    offsets.set(raw.index, Number(file?.first ?? 0));
    rowsPerFile.set(raw.index, Number(file?.rows ?? 0));
  }
  return { rowsPerFile, rec: recSql(raws, offsets) };
}

/** Entities with an id collapse exact duplicates; order items only when they carry line numbers. */
function keyOf(spec: EntitySpec, raws: RawFile[]): string[] | null {
  if (spec.name === 'order_items') {
    return raws.some((r) => r.resolution.positions.has('line_number')) ? ['order_id', 'line_number'] : null;
  }
  return spec.key;
}

/** The condition for rows of the entity dated after the as-of date (items follow their order), or null when none can be. */
async function afterAsOfSql(db: Database, spec: EntitySpec, asOf: string | undefined): Promise<string | null> {
  if (spec.name === 'order_items') {
    const orders = Number(await db.scalar<string>(`select count(*) from load_outcomes where entity = 'orders' and outcome = 'after_as_of'`));
    return orders ? itemsAfterAsOfSql : null;
  }
  if (!spec.asOfColumn || !asOf) return null;
  return `${spec.asOfColumn} > DATE '${asOf}'`;
}

/** The date range of the valid invoiced orders: its end is the default as-of date. */
async function invoicedOrderDates(db: Database, rejected: string): Promise<LoadResult['invoicedOrders']> {
  const [range] = await db.rows<{ first: string | null; last: string | null }>(`
    select strftime(min(order_date), '%Y-%m-%d') as first, strftime(max(order_date), '%Y-%m-%d') as last from src_orders
    where not is_empty and not (${rejected}) and coalesce(status, 'invoiced') = 'invoiced'`);
  return { first: range?.first ?? null, last: range?.last ?? null };
}

function emptySourceSql(spec: EntitySpec, columns: TypedColumnSql[]): string {
  const cols = columns.map((c) => `cast(null as ${c.type}) as ${c.name}`).join(', ');
  const helpers = issueHelperColumns(columns)
    .map((h) => `, cast(null as VARCHAR) as ${h}`)
    .join('');
  return `create or replace table src_${spec.name} as
    select cast(null as INTEGER) as file_idx, ${cols}, false as is_empty${helpers} limit 0`;
}
