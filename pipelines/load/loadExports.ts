import { entities, type EntityName, type EntitySpec } from '../contract/entities.ts';
import { documentSqlMacros } from '../brazil/documents.ts';
import { ufValuesSql } from '../brazil/ufs.ts';
import type { Database } from '../warehouse/database.ts';
import { discoverExports, filesOf, readMappingFile, type ExportInventory } from './discoverExports.ts';
import { parseMacros } from './parseMacros.ts';
import { readRawFile, type RawFile } from './readRawFile.ts';
import { typedColumns, type TypedColumnSql } from './typedColumnSql.ts';
import {
  columnIssuesSql,
  createIssuesTableSql,
  dedupSql,
  rawTextViewSql,
  sourceTableSql,
  typedTableSql,
} from './validateEntity.ts';
import { crossCheckItemsSql, crossCheckOrdersSql, ordersWithoutItemsSql } from './crossChecks.ts';
import { summarizeLoad, type LoadSummary } from './summarizeLoad.ts';

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
  asOf: string;
  present: Record<EntityName, boolean>;
  inventory: ExportInventory;
  summary: LoadSummary;
}

/**
 * Loads an exports folder into `src_<entity>` tables: every file read as text, every value parsed
 * and validated in SQL, duplicates collapsed or rejected, rows after the as-of date left out, and
 * every problem recorded with file, line, column and value in `load_rejects`.
 */
export async function loadExports(db: Database, options: LoadOptions): Promise<LoadResult> {
  const progress = options.onProgress ?? (() => {});
  const mapping = options.mappingPath ? await readMappingFile(options.mappingPath) : undefined;
  const inventory = await discoverExports(options.exportsDir, mapping);
  for (const sql of [...parseMacros(), ...documentSqlMacros()]) await db.run(sql);
  await db.run(`create or replace table ref_ufs as select * from (${ufValuesSql()}) as t(uf, name, region)`);
  await db.run(createIssuesTableSql);

  const rawFiles: RawFile[] = [];
  const present = {} as Record<EntityName, boolean>;
  let asOf = options.asOf;
  let index = 0;
  for (const spec of entities) {
    const columns = typedColumns(spec.schema);
    const files = filesOf(inventory, spec.name);
    present[spec.name] = files.length > 0;
    if (!files.length) {
      await db.run(emptySourceSql(spec, columns));
      continue;
    }
    const started = Date.now();
    const raws: RawFile[] = [];
    for (const file of files) raws.push(await readRawFile(db, file, index++, options.scratchDir));
    rawFiles.push(...raws);
    await db.run(rawTextViewSql(spec, raws, columns));
    await db.run(typedTableSql(spec, columns));
    await db.run(columnIssuesSql(spec, columns));
    if (spec.name === 'orders') asOf ??= await defaultAsOf(db);
    await db.run(dedupSql(spec, columns, keyOf(spec, raws), asOf ?? '9999-12-31'));
    if (spec.name === 'orders') await db.run(crossCheckOrdersSql(filesOf(inventory, 'order_items').length > 0));
    if (spec.name === 'order_items') await db.run(crossCheckItemsSql(present.products));
    await db.run(sourceTableSql(spec, columns));
    if (spec.name === 'order_items') await db.run(ordersWithoutItemsSql);
    const loaded = await db.scalar<string>(`select count(*) from src_${spec.name}`);
    progress(`  ${spec.name.padEnd(16)} ${Number(loaded).toLocaleString('pt-BR').padStart(12)} linhas  ${files.length} arquivo(s)  ${Date.now() - started} ms`);
  }
  if (!asOf) throw new Error('as-of date could not be determined: no valid orders were loaded');
  const summary = await summarizeLoad(db, rawFiles, inventory);
  return { asOf, present, inventory, summary };
}

/** Entities with an id collapse exact duplicates; order items only when they carry line numbers. */
function keyOf(spec: EntitySpec, raws: RawFile[]): string[] | null {
  if (spec.name === 'order_items') {
    return raws.some((r) => r.resolution.positions.has('line_number')) ? ['order_id', 'line_number'] : null;
  }
  return spec.key;
}

async function defaultAsOf(db: Database): Promise<string | undefined> {
  const value = await db.scalar<string | null>(`
    select strftime(max(order_date), '%Y-%m-%d') from typed_orders
    where not is_empty and err_order_id is null and err_customer_id is null and err_order_date is null
      and err_status is null and coalesce(status, 'invoiced') = 'invoiced'`);
  return value ?? undefined;
}

function emptySourceSql(spec: EntitySpec, columns: TypedColumnSql[]): string {
  const cols = columns.map((c) => `cast(null as ${c.type}) as ${c.name}`).join(', ');
  return `create or replace table src_${spec.name} as
    select ${cols}, cast(null as INTEGER) as source_file_idx, cast(null as BIGINT) as source_record limit 0`;
}

