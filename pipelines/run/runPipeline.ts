import { mkdir, readFile, rename } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { allMarts } from '../contract/marts.ts';
import { PipelineConfig, defaultConfig } from '../contract/config.ts';
import { exportMarts, type ExportedMart } from '../export/exportMarts.ts';
import { publishAtomically } from '../export/publishAtomically.ts';
import { loadExports, type LoadResult } from '../load/loadExports.ts';
import { LoadError } from '../load/loadError.ts';
import { Database, sqlString } from '../warehouse/database.ts';
import { codeModels } from '../models/codeModels.ts';
import { readModels, runModels, runSqlAssertions } from '../warehouse/runModels.ts';
import { companyNameSqlMacro } from '../privacy/companyNames.ts';
import { pseudonymKey } from '../privacy/pseudonymKey.ts';
import { pseudonymKeySql, pseudonymSqlMacros } from '../privacy/pseudonyms.ts';
import { configVariablesSql, settingsTableSql } from './configVariables.ts';
import { Stopwatch, type StageTiming } from './stopwatch.ts';

/** Inputs and outputs of one pipeline run. */
export interface PipelineOptions {
  exportsDir: string;
  outDir: string;
  asOf?: string | undefined;
  mappingPath?: string | undefined;
  configPath?: string | undefined;
  /** Where to keep the DuckDB warehouse file; null keeps it in memory only. */
  warehousePath?: string | null | undefined;
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
 * publish the marts. Outputs appear all at once or not at all.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const log = options.log ?? (() => {});
  const config = options.configPath ? await readConfig(options.configPath) : defaultConfig;
  const key = await pseudonymKey(options.pseudonymKeyFile);
  const clock = new Stopwatch(log);
  return publishAtomically(options.outDir, async (staging) => {
    const scratch = join(staging, '.scratch');
    await mkdir(scratch, { recursive: true });
    const warehouseFile = options.warehousePath ? join(staging, '.warehouse.duckdb') : ':memory:';
    const db = await Database.open(warehouseFile, { memoryLimit: '3GB', tempDirectory: join(scratch, 'duckdb-spill') });
    try {
      log('Carregando exportações');
      const load = await clock.stage('load', () =>
        loadExports(db, { exportsDir: options.exportsDir, mappingPath: options.mappingPath, asOf: options.asOf, scratchDir: scratch, onProgress: log }),
      );
      await db.run(configVariablesSql(config, load.asOf));
      log(`Chave dos pseudônimos: ${key.source}`);
      for (const sql of [companyNameSqlMacro(), ...pseudonymSqlMacros(), pseudonymKeySql(key.key)]) await db.run(sql);
      await db.run(inputPresenceSql(load.present));
      const modelTimes: PipelineResult['models'] = [];
      await clock.stage('models', async () => {
        const models = await readModels(codeModels);
        await runModels(db, models, config, (name, ms) => modelTimes.push({ name, ms }));
        await publishLoaderTables(db, load);
        await db.run(settingsTableSql(config, load.asOf));
      });
      await clock.stage('assertions', async () => {
        const broken = (await runSqlAssertions(db)).filter((a) => a.failures.length);
        if (broken.length) {
          const detail = broken.map((b) => `  ${b.name}: ${b.failures.length} linha(s), ex.: ${JSON.stringify(b.failures[0])}`).join('\n');
          throw new Error(`SQL assertions failed (pipelines/sql/tests):\n${detail}`);
        }
      });
      const marts = await clock.stage('export', () => exportMarts(db, allMarts(), staging, load.asOf));
      db.close();
      if (options.warehousePath) await moveWarehouse(warehouseFile, options.warehousePath);
      await import('node:fs/promises').then((fs) => fs.rm(scratch, { recursive: true, force: true }));
      return { asOf: load.asOf, load, marts, stages: clock.timings, models: modelTimes };
    } catch (error) {
      try {
        db.close();
      } catch {
        // already closed
      }
      throw error;
    }
  });
}

/** Which export files were given, so SQL can tell a KPI with no input (NULL) from a zero. */
function inputPresenceSql(present: LoadResult['present']): string {
  const rows = Object.entries(present).map(([entity, isPresent]) => `(${sqlString(entity)}, ${isPresent})`);
  return `create or replace table input_presence as
    select * from (values ${rows.join(', ')}) as t(entity, is_present)`;
}

async function publishLoaderTables(db: Database, load: LoadResult): Promise<void> {
  const asOf = `DATE ${sqlString(load.asOf)}`;
  await db.run(`create or replace table rejects as
    select file, line, "column", value, reason_code, reason, severity, entity, canonical_column, ${asOf} as as_of_date
    from load_rejects`);
  const rows = load.summary.files.map((f) =>
    `(${sqlString(f.file)}, ${sqlString(f.entity)}, ${sqlString(f.encoding)}, ${sqlString(f.delimiter)}, ${f.read}, ${f.loaded}, ${f.empty}, ${f.rejected}, ${f.collapsed}, ${f.after_as_of}, ${f.warnings}, ${sqlString(f.ignored_columns.join(', '))})`,
  );
  await db.run(`create or replace table load_summary as
    select file, entity, encoding, delimiter, cast(read as BIGINT) as read, cast(loaded as BIGINT) as loaded,
      cast(empty as BIGINT) as empty, cast(rejected as BIGINT) as rejected, cast(collapsed as BIGINT) as collapsed,
      cast(after_as_of as BIGINT) as after_as_of, cast(warnings as BIGINT) as warnings, ignored_columns, ${asOf} as as_of_date
    from (values ${rows.join(', ')}) as t(file, entity, encoding, delimiter, read, loaded, empty, rejected, collapsed, after_as_of, warnings, ignored_columns)`);
}

async function readConfig(path: string): Promise<PipelineConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new LoadError(path, `arquivo de configuração ilegível (${(error as Error).message})`, 'corrija o JSON; veja os campos no README, seção "Configuration"');
  }
  const parsed = PipelineConfig.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new LoadError(path, `configuração inválida: ${problems}`, 'use os nomes e faixas de valores do README, seção "Configuration"');
  }
  return parsed.data;
}

async function moveWarehouse(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
}
