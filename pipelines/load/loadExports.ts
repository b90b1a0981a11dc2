import { entities, type EntityName, type EntitySpec } from '../contract/entities.ts';
import { documentSqlMacros } from '../brazil/documents.ts';
import { maskPersonalDataSqlMacro } from '../privacy/maskPersonalData.ts';
import { ufValuesSql } from '../brazil/ufs.ts';
import type { Database } from '../warehouse/database.ts';
import { discoverExports, filesOf, readMappingFile, type ExportInventory } from './discoverExports.ts';
import { chooseNativeRead, harmonizeNativeReads, nativeSuspectsSql, withNativeColumns, type NativeRead } from './nativeRead.ts';
import { parseMacros } from './parseMacros.ts';
import { detectConventions, noteNativeDateOrder } from './columnConventions.ts';
import { prepareFile, readWithFallbacks, restoredFile, type RawFile } from './prepareFile.ts';
import { restoredRowsSql, sameRead, storedRead, type FileRead, type LoadCache } from './loadCache.ts';
import { issueHelperColumns, markScientificCodes, typedColumns, type TypedColumnSql } from './typedColumnSql.ts';
import { repeatedHeadersSql, totalRowsSql } from './reportLines.ts';
import { unwrapExcelTextMarkers } from './excelTextMarkers.ts';
import { readDocumentCodes } from './documentCodes.ts';
import {
  cleanupSql,
  columnIssuesSql,
  createLoadTablesSql,
  duplicatesSql,
  insertFileSql,
  itemsAcrossFilesSql,
  itemsOfOpenVersionsSql,
  keptViewSql,
  leftOutOutcomesSql,
  recSql,
  rejectPredicate,
  rejectedOutcomesSql,
} from './validateEntity.ts';
import {
  contractEndsBeforeStartSql,
  isolatedOrderDatesSql,
  negativeAmountWarningsSql,
  negativeAmountsAsReturnsSql,
  itemsAfterAsOfSql,
  itemsOfOpenOrdersSql,
  lineAmountOutOfRangeSql,
  missingAmountSql,
  ordersWithoutItemsSql,
  unknownCustomersSql,
  unknownParentsSql,
  unknownSellersSql,
} from './crossChecks.ts';
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
  /** Where unchanged files' loads are kept between runs (loadCache.ts); without one every file is read. */
  cache?: LoadCache | undefined;
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
  /** How each file was read, for the load cache. */
  reads: FileRead[];
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
    const prepared: RawFile[] = [];
    for (const file of files) {
      const entry = await options.cache?.lookup(file);
      prepared.push(entry ? restoredFile(file, index, entry) : await prepareFile(db, file, index, options.scratchDir));
      index++;
    }
    for (const raw of prepared) await insertReadingIssues(db, raw);
    const prepare = (raw: RawFile) => prepareFile(db, raw.file, raw.index, options.scratchDir);
    const inserted = await insertFiles(db, spec, prepared, prepare);
    const { files: raws, rowsPerFile, rec, reader, reads } = inserted;
    await unwrapExcelTextMarkers(db, spec, inserted.columns, raws);
    await readDocumentCodes(db, spec, inserted.columns, raws);
    const columns = await markScientificCodes(db, `src_${spec.name}`, inserted.columns);
    const rejected = rejectPredicate(columns);
    await db.run(columnIssuesSql(spec, columns, rec));
    await db.run(totalRowsSql(spec, columns, rejected, rec));
    await db.run(repeatedHeadersSql(spec, columns, raws, rejected, rec));
    if (spec.name === 'orders') await db.run(leftOutOutcomesSql(spec, columns, OPEN_ORDER, 'open'));
    const key = keyOf(spec, raws);
    const lineItems = spec.name === 'order_items' && key !== null;
    const openOrders = spec.name === 'order_items' && (await hasOutcome(db, 'orders', 'open'));
    if (lineItems && raws.length > 1 && openOrders) await db.run(itemsOfOpenVersionsSql(columns));
    if (key && raws.length) await db.run(duplicatesSql(spec, columns, key, rec, spec.name === 'orders' ? OPEN_ORDER : lineItems ? LEFT_OUT_ITEM : undefined));
    else if (spec.name === 'order_items' && raws.length > 1) await db.run(itemsAcrossFilesSql(columns, rec));
    if (spec.name === 'orders') {
      await db.run(isolatedOrderDatesSql(rejected, rec));
      await db.run(negativeAmountsAsReturnsSql(rejected));
      invoicedOrders = await invoicedOrderDates(db, rejected);
      asOf ??= invoicedOrders.last ?? undefined;
    }
    const afterAsOf = await afterAsOfSql(db, spec, asOf);
    if (afterAsOf) await db.run(leftOutOutcomesSql(spec, columns, afterAsOf, 'after_as_of'));
    if (openOrders) await db.run(leftOutOutcomesSql(spec, columns, itemsOfOpenOrdersSql, 'open'));
    const outcomes = Number(await db.scalar<string>(`select count(*) from load_outcomes where entity = '${spec.name}'`));
    await db.run(keptViewSql(spec, rec, outcomes > 0));
    if (spec.name === 'orders') {
      await db.run(missingAmountSql(filesOf(inventory, 'order_items').length > 0, rejected));
      await db.run(negativeAmountWarningsSql);
      await db.run(unknownCustomersSql(present.customers, rejected));
    }
    if (spec.name === 'contracts') await db.run(contractEndsBeforeStartSql(rejected));
    if (spec.name === 'customers' || spec.name === 'orders' || spec.name === 'targets' || spec.name === 'leads') {
      await db.run(unknownSellersSql(spec.name, present.sellers, rejected));
    }
    if (spec.name === 'order_items') {
      await db.run(lineAmountOutOfRangeSql(rejected));
      await db.run(unknownParentsSql(present.products, rejected));
    }
    await db.run(rejectedOutcomesSql(spec));
    // Checks of later entities must not see rows this one rejected.
    await db.run(keptViewSql(spec, rec, true));
    loaded.push({ spec, columns, files: raws, rowsPerFile, reader, reads });
    const restored = raws.filter((r) => r.restored).length;
    if (raws.length)
      progress(
        `  ${spec.name.padEnd(16)} ${raws.length} arquivo(s)  ${Date.now() - started} ms${reader === 'native' ? '' : '  (lido como texto)'}${restored ? `  (${restored} sem mudança, do cache)` : ''}`,
      );
  }
  if (present.order_items) await db.run(ordersWithoutItemsSql);
  const summary = await summarizeLoad(db, loaded, inventory);
  if (options.cache) {
    for (const entity of loaded) for (const [i, raw] of entity.files.entries()) await options.cache.save(db, raw, entity.reads[i]!);
    await options.cache.finish();
  }
  for (const entity of loaded) await db.run(cleanupSql(entity.spec, entity.columns));
  await dropMappedTables(db);
  return { asOf: asOf ?? null, invoicedOrders, present, inventory, summary };
}

/**
 * Reads every file of an entity into src_<entity> (an empty table with the right columns when there is
 * none): natively when every file's values allow it (see nativeRead.ts), else all of them as text.
 * Files restored from the load cache are put back when the entity is read the way their rows were
 * (the same native read and columns); otherwise they are prepared and read like the others.
 */
async function insertFiles(db: Database, spec: EntitySpec, raws: RawFile[], prepare: (raw: RawFile) => Promise<RawFile>): Promise<InsertedFiles> {
  const textColumns = typedColumns(spec.schema);
  if (!raws.length) {
    await db.run(emptySourceSql(spec, textColumns));
    return { files: raws, columns: textColumns, rowsPerFile: new Map<number, number>(), rec: 'rowid', reader: 'text', reads: [] };
  }
  const probes: (NativeRead | null)[] = [];
  for (const raw of raws) probes.push(raw.restored ? storedRead(raw.restored.probe) : await chooseNativeRead(db, raw, textColumns));
  const readAll = async () => insertFiles(db, spec, await prepareRestored(db, raws, prepare), prepare);
  if (probes.every((n) => n !== null)) {
    const harmonized = harmonizeNativeReads(probes, raws);
    const columns = withNativeColumns(textColumns, harmonized);
    if (!restoredAgree(raws, harmonized, columns)) return readAll();
    for (const [i, raw] of raws.entries()) {
      if (!raw.restored)
        await detectConventions(
          db,
          raw,
          textColumns.filter((c) => !harmonized[i]!.types.has(c.name)),
        );
    }
    if (await tryInsert(db, spec, columns, raws, harmonized)) {
      for (const [i, raw] of raws.entries()) {
        if (!raw.restored) await noteNativeDateOrder(db, `src_${spec.name}`, raw, textColumns, new Set(harmonized[i]!.types.keys()));
      }
      const reads = raws.map((_, i) => ({ probe: probes[i]!, inserted: harmonized[i]!, columns }));
      return { files: raws, columns, reader: 'native', reads, ...(await placeFiles(db, spec, raws)) };
    }
    if (raws.some((r) => r.restored)) return readAll();
  }
  if (!restoredAgree(raws, null, textColumns)) return readAll();
  for (const raw of raws) if (!raw.restored) await detectConventions(db, raw, textColumns);
  if (!(await tryInsert(db, spec, textColumns, raws, null))) return readAll();
  const reads = raws.map((_, i) => ({ probe: probes[i] ?? null, inserted: null, columns: textColumns }));
  return { files: raws, columns: textColumns, reader: 'text', reads, ...(await placeFiles(db, spec, raws)) };
}

/** What insertFiles did: the files as read (restored ones prepared again when they could not be put back) and how. */
interface InsertedFiles {
  files: RawFile[];
  columns: TypedColumnSql[];
  rowsPerFile: Map<number, number>;
  rec: string;
  reader: 'native' | 'text';
  reads: FileRead[];
}

/** Whether every restored file's rows were inserted with the read and columns this load chose. */
function restoredAgree(raws: RawFile[], reads: NativeRead[] | null, columns: TypedColumnSql[]): boolean {
  return raws.every((raw, i) => !raw.restored || sameRead(raw.restored, reads?.[i] ?? null, columns));
}

/** The files with every restored one prepared for reading instead. */
async function prepareRestored(db: Database, raws: RawFile[], prepare: (raw: RawFile) => Promise<RawFile>): Promise<RawFile[]> {
  const files: RawFile[] = [];
  for (const raw of raws) {
    if (!raw.restored) {
      files.push(raw);
      continue;
    }
    const fresh = await prepare(raw);
    await insertReadingIssues(db, fresh);
    files.push(fresh);
  }
  return files;
}

/**
 * Inserts the files in order. A native read gives up (false) on the first value the reader cannot
 * parse or whose text-path result would differ; the text path reports problems row by row instead.
 * A restored file's rows go back as they were; one that cannot be read back (a damaged cache entry)
 * gives up too.
 */
async function tryInsert(db: Database, spec: EntitySpec, columns: TypedColumnSql[], raws: RawFile[], natives: NativeRead[] | null): Promise<boolean> {
  for (const [i, raw] of raws.entries()) {
    if (raw.restored) {
      const rows = restoredRowsSql(raw.restored, raw.index);
      try {
        await db.run(i === 0 ? `create or replace table src_${spec.name} as ${rows}` : `insert into src_${spec.name} ${rows}`);
      } catch {
        return false; // a damaged cache entry: the caller reads the files instead
      }
      continue;
    }
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

/** An order still open (em aberto, orçamento…): no sale yet, so out of the run (crossChecks.ts). */
const OPEN_ORDER = `status = 'open'`;

/** An item already out of the run (an open version's line, itemsOfOpenVersionsSql): no occurrence of its line. */
const LEFT_OUT_ITEM = `rowid in (select rid from load_outcomes where entity = 'order_items')`;

/** Whether any row of `entity` left the run as `outcome`. */
async function hasOutcome(db: Database, entity: EntityName, outcome: string): Promise<boolean> {
  return Boolean(await db.scalar<boolean>(`select exists (select 1 from load_outcomes where entity = '${entity}' and outcome = '${outcome}')`));
}

/** The condition for rows of the entity dated after the as-of date (items follow their order), or null when none can be. */
async function afterAsOfSql(db: Database, spec: EntitySpec, asOf: string | undefined): Promise<string | null> {
  if (spec.name === 'order_items') return (await hasOutcome(db, 'orders', 'after_as_of')) ? itemsAfterAsOfSql : null;
  if (!spec.asOfColumn || !asOf) return null;
  return `${spec.asOfColumn} > DATE '${asOf}'`;
}

/** The date range of the valid invoiced orders: its end is the default as-of date. */
async function invoicedOrderDates(db: Database, rejected: string): Promise<LoadResult['invoicedOrders']> {
  const [range] = await db.rows<{ first: string | null; last: string | null }>(`
    select strftime(min(order_date), '%Y-%m-%d') as first, strftime(max(order_date), '%Y-%m-%d') as last from src_orders
    where not is_empty and not (${rejected}) and coalesce(status, 'invoiced') = 'invoiced'
      and rowid not in (select rid from load_issues where entity = 'orders' and code = 'isolated_date')`);
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
