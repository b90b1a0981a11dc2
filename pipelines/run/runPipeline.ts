import { mkdir, readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { dirname, join, resolve } from 'node:path';
import { allMarts } from '../contract/marts.ts';
import { PipelineConfig, defaultConfig } from '../contract/config.ts';
import { exportMarts, type ExportedMart } from '../export/exportMarts.ts';
import { HISTORY_FOLDER } from '../contract/history.ts';
import { createPreviousSnapshotTables, recordSnapshot, stageHistory } from '../history/snapshots.ts';
import { codeReadingStamp } from '../history/codeReading.ts';
import { isDemoExports } from '../demo/demoMarker.ts';
import { Publication, type FolderTarget, type PublicationPlan } from '../publish/publication.ts';
import { loadExports, type LoadResult } from '../load/loadExports.ts';
import { LoadError } from '../load/loadError.ts';
import { LOAD_CACHE_FOLDER, LoadCache } from '../load/loadCache.ts';
import { checkRejectThresholds } from '../load/rejectThresholds.ts';
import { Database, sqlString } from '../warehouse/database.ts';
import { codeModels } from '../models/codeModels.ts';
import { createRuleMacros, readModels, runModels, runSqlAssertions } from '../warehouse/runModels.ts';
import { companyNameSqlMacro } from '../privacy/companyNames.ts';
import { pseudonymKey } from '../privacy/pseudonymKey.ts';
import { pseudonymKeySql, pseudonymSqlMacros } from '../privacy/pseudonyms.ts';
import { configVariablesSql, settingsTableSql } from './configVariables.ts';
import { NOT_RECORDS_SQL } from '../load/reportLines.ts';
import { checkOrdersCoverAsOf } from './checkOrders.ts';
import { Stopwatch, type StageTiming } from './stopwatch.ts';

/** A model that takes this long is named in the run's output when it ends. */
const SLOW_MODEL_MS = 30_000;

/** Inputs and outputs of one pipeline run. */
export interface PipelineOptions {
  exportsDir: string;
  outDir: string;
  asOf?: string | undefined;
  mappingPath?: string | undefined;
  configPath?: string | undefined;
  /** Where to keep the DuckDB warehouse file; null keeps it in memory only. */
  warehousePath?: string | null | undefined;
  /** Publish even when an entity has more rejected rows than the config's `rejects` limits allow. */
  acceptRejects?: boolean | undefined;
  /** The file holding the pseudonym key (default data/warehouse/pseudonym.key; CARTEIRA_PSEUDONYM_KEY wins). */
  pseudonymKeyFile?: string | undefined;
  log?: (line: string) => void;
}

/** What a run produced. */
export interface PipelineResult {
  asOf: string;
  load: LoadResult;
  marts: ExportedMart[];
  stages: StageTiming[];
  /** Each model's time in milliseconds, in the order they ran. */
  models: { name: string; ms: number }[];
}

/**
 * The batch job: load and validate the exports, run the SQL models and their assertions, and
 * publish the marts (and the warehouse file). Outputs appear all at once or not at all.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const log = options.log ?? (() => {});
  return publishTogether(publicationPlan(options, []), log, (publication) => buildMarts(options, publication.staging('marts'), publication.warehouseStaging));
}

/** The outputs of a run: the marts folder, any further folders (the site) and the warehouse file. */
export function publicationPlan(options: PipelineOptions, more: FolderTarget[]): PublicationPlan {
  return {
    exports: { flag: '--exports', path: options.exportsDir },
    folders: [{ kind: 'marts', flag: '--out', path: options.outDir }, ...more],
    warehouse: options.warehousePath ? { flag: '--warehouse', path: options.warehousePath } : null,
  };
}

/** Runs `work` against the staging folders of a publication, then publishes them together, or drops them when `work` fails. */
export async function publishTogether<T>(plan: PublicationPlan, log: (line: string) => void, work: (publication: Publication) => Promise<T>): Promise<T> {
  const publication = await Publication.begin(plan, log);
  let result: T;
  try {
    result = await work(publication);
  } catch (error) {
    await publication.abort();
    throw error;
  }
  await publication.commit();
  return result;
}

/**
 * Loads, models and exports the marts into `martsDir` (a staging folder), with the warehouse in
 * `warehouseFile` or in memory.
 */
export async function buildMarts(options: PipelineOptions, martsDir: string, warehouseFile: string | null): Promise<PipelineResult> {
  const log = options.log ?? (() => {});
  const config = options.configPath ? await readConfig(options.configPath) : defaultConfig;
  const key = await pseudonymKey(options.pseudonymKeyFile);
  const clock = new Stopwatch(log);
  const scratch = join(martsDir, '.carteira-scratch');
  await mkdir(scratch, { recursive: true });
  const db = await Database.open(warehouseFile ?? ':memory:', { memoryLimit: '3GB', tempDirectory: join(scratch, 'duckdb-spill') });
  try {
    log('Carregando exportações');
    // Kept beside the warehouse file, so a run without one reads every file.
    const cache = options.warehousePath ? await LoadCache.open(join(dirname(resolve(options.warehousePath)), LOAD_CACHE_FOLDER)) : undefined;
    const load = await clock.stage('load', () =>
      loadExports(db, {
        exportsDir: options.exportsDir,
        mappingPath: options.mappingPath,
        asOf: options.asOf,
        scratchDir: scratch,
        onProgress: log,
        cache,
      }),
    );
    await checkRejectThresholds(db, load.summary, config.rejects, { accept: options.acceptRejects, log });
    const asOf = checkOrdersCoverAsOf(load, config);
    const isDemo = isDemoExports(options.exportsDir);
    const historyStaging = join(martsDir, HISTORY_FOLDER);
    const history = await stageHistory(db, { published: join(options.outDir, HISTORY_FOLDER), staging: historyStaging, asOf, isDemo }, log);
    await db.run(configVariablesSql(config, asOf));
    log(`Chave dos pseudônimos: ${key.source}`);
    for (const sql of [companyNameSqlMacro(), ...pseudonymSqlMacros(), pseudonymKeySql(key.key)]) await db.run(sql);
    const codeReading = codeReadingStamp(key.key, config.privacy);
    await createPreviousSnapshotTables(db, history.previous, codeReading, log);
    await db.run(inputPresenceSql(load.present));
    const modelTimes: PipelineResult['models'] = [];
    await clock.stage('models', async () => {
      await createRuleMacros(db);
      // before the models: load_totals sums them
      await publishLoaderTables(db, load, asOf, options);
      const models = await readModels(codeModels);
      await runModels(db, models, config, (name, ms) => {
        modelTimes.push({ name, ms });
        // on big exports the models run for many minutes: the slow ones say so as they end
        if (ms >= SLOW_MODEL_MS) log(`  ${name.padEnd(40)} ${(ms / 1000).toFixed(1).padStart(8)} s`);
      });
      await db.run(settingsTableSql(config, asOf));
    });
    await clock.stage('assertions', async () => {
      const broken = (await runSqlAssertions(db)).filter((a) => a.failures.length);
      if (broken.length) {
        const detail = broken.map((b) => `  ${b.name}: ${b.failures.length} linha(s), ex.: ${JSON.stringify(b.failures[0])}`).join('\n');
        throw new Error(`SQL assertions failed (pipelines/sql/tests):\n${detail}`);
      }
    });
    const marts = await clock.stage('export', () => exportMarts(db, allMarts(), martsDir, { asOf, isDemo, codeReading }));
    if (history.record) await recordSnapshot(martsDir, historyStaging, asOf);
    if (warehouseFile) await db.run('checkpoint');
    return { asOf, load, marts, stages: clock.timings, models: modelTimes };
  } finally {
    db.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Which export files were given, so SQL can tell a KPI with no input (NULL) from a zero. */
function inputPresenceSql(present: LoadResult['present']): string {
  const rows = Object.entries(present).map(([entity, isPresent]) => `(${sqlString(entity)}, ${isPresent})`);
  return `create or replace table stg_input_presence as
    select * from (values ${rows.join(', ')}) as t(entity, is_present)`;
}

/** The note of a file of the exports folder that was not read. */
const UNREAD_NOTE =
  'não lido: o nome não corresponde a nenhuma entidade; se traz dados, renomeie-o (pedidos.csv, clientes.csv, itens_pedido.csv...) ou associe-o a uma entidade no arquivo de mapeamento (--mapping)';

async function publishLoaderTables(db: Database, load: LoadResult, asOfDate: string, options: PipelineOptions): Promise<void> {
  const asOf = `DATE ${sqlString(asOfDate)}`;
  // a code that is a person's name is published as the pseudonym the marts give it (pseudonyms.ts)
  await db.run(`create or replace table rejects as
    select file, line, "column",
      case when is_name_code(code_prefix, value) then pseudonymous_id(code_prefix, trim(value)) else value end as value,
      reason_code, reason, severity, entity, canonical_column, ${asOf} as as_of_date
    from (select *, case canonical_column when 'customer_id' then 'CLI' when 'seller_id' then 'VEN' end as code_prefix from load_rejects)`);
  const rows = load.summary.files.map(
    (f) =>
      `(${sqlString(f.file)}, ${sqlString(f.entity)}, ${sqlString(f.encoding)}, ${sqlString(f.delimiter)}, ${f.read}, ${f.loaded}, ${f.empty}, ${f.rejected}, ${f.collapsed}, ${f.after_as_of}, ${f.open_orders}, ${f.warnings}, ${sqlString(f.ignored_columns.join(', '))}, ${sqlString(f.column_mapping)}, ${sqlString(f.notes.join('\n'))})`,
  );
  // A file of the folder that matches no entity is said on the Dados page too: a scheduled build's console is read by nobody.
  const mapping = options.mappingPath ? resolve(options.mappingPath) : null;
  for (const file of load.summary.unrecognized_files.filter((name) => resolve(options.exportsDir, name) !== mapping)) {
    rows.push(`(${sqlString(file)}, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, '', '', ${sqlString(UNREAD_NOTE)})`);
  }
  // the reasons of lines that are no records (a report's totals, its header again), which load_totals counts apart
  await db.run(`set variable not_record_reasons = [${NOT_RECORDS_SQL}]`);
  await db.run(`create or replace table load_summary as
    select file, entity, encoding, delimiter, cast(read as BIGINT) as read, cast(loaded as BIGINT) as loaded,
      cast(empty as BIGINT) as empty, cast(rejected as BIGINT) as rejected, cast(collapsed as BIGINT) as collapsed,
      cast(after_as_of as BIGINT) as after_as_of, cast(open_orders as BIGINT) as open_orders, cast(warnings as BIGINT) as warnings, ignored_columns, column_mapping, notes, ${asOf} as as_of_date
    from (values ${rows.join(', ')}) as t(file, entity, encoding, delimiter, read, loaded, empty, rejected, collapsed, after_as_of, open_orders, warnings, ignored_columns, column_mapping, notes)`);
}

async function readConfig(path: string): Promise<PipelineConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new LoadError(
      path,
      `arquivo de configuração ilegível (${(error as Error).message})`,
      'corrija o JSON; veja os campos no README, seção "Configuration"',
    );
  }
  const parsed = PipelineConfig.safeParse(json, { error: z.locales.pt().localeError });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new LoadError(path, `configuração inválida: ${problems}`, 'use os nomes e faixas de valores do README, seção "Configuration"');
  }
  return parsed.data;
}
