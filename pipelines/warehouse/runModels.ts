import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PipelineConfig } from '../contract/config.ts';
import type { Database } from './database.ts';

/**
 * The layer a model belongs to, from its name: `stg_` staging (the exports renamed and cast), `int_`
 * intermediate (computed, not published), `ref_` reference data (fixed lists such as the labels of coded
 * values, read by any layer), anything else a mart. Intermediate models read only staging, intermediate and
 * reference relations, never a mart (test/warehouse/layering.test.ts).
 */
export type ModelLayer = 'staging' | 'intermediate' | 'reference' | 'mart';

export function layerOf(name: string): ModelLayer {
  if (name.startsWith('stg_')) return 'staging';
  if (name.startsWith('int_')) return 'intermediate';
  if (name.startsWith('ref_')) return 'reference';
  return 'mart';
}

/** One SQL model: a file under pipelines/sql whose name is the view or table it creates. */
export interface SqlModel {
  kind: 'sql';
  name: string;
  sql: string;
  layer: ModelLayer;
  dependsOn: string[];
}

/**
 * A model computed in TypeScript (a statistical fit, say) that creates the table `name`; SQL models
 * read it like any other and the runner places it after the tables it reads.
 */
export interface CodeModel {
  kind: 'code';
  name: string;
  /** Further tables the same run writes, which SQL models may read too. */
  alsoCreates?: string[];
  dependsOn: string[];
  run: (db: Database, config: PipelineConfig) => Promise<void>;
}

export type Model = SqlModel | CodeModel;

/** The folder of the SQL models, beside this module's parent. */
export const SQL_DIR = new URL('../sql/', import.meta.url).pathname;

/** Reads every SQL model, adds the code models, and orders them so each comes after the models it reads from. */
export async function readModels(codeModels: CodeModel[] = [], dir = SQL_DIR): Promise<Model[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const models = await Promise.all(
    files.map(async (file) => {
      const name = basename(file, '.sql');
      const sql = (await readFile(join(dir, file), 'utf8')).trim().replace(/;\s*$/, '');
      return { kind: 'sql' as const, name, sql, layer: layerOf(name), dependsOn: [] as string[] };
    }),
  );
  const names = new Set([...models.map((m) => m.name), ...codeModels.flatMap((m) => [m.name, ...(m.alsoCreates ?? [])])]);
  for (const model of models) model.dependsOn = referencedRelations(model.sql).filter((other) => other !== model.name && names.has(other));
  return topologicalOrder([...models, ...codeModels]);
}

/**
 * Relations a query reads: names after `from` or `join`, minus the CTEs it defines itself. A mart may
 * share its name with a CTE or a column elsewhere (`customers`), so a bare word is not a dependency.
 */
export function referencedRelations(sql: string): string[] {
  const code = sql.replace(/--.*$/gm, '').replace(/'(?:[^']|'')*'/g, "''");
  const ctes = new Set([...code.matchAll(/\b(\w+)\s+as\s*\(/gi)].map((m) => m[1]!.toLowerCase()));
  const read = [...code.matchAll(/\b(?:from|join)\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase());
  return [...new Set(read)].filter((name) => !ctes.has(name));
}

function topologicalOrder(models: Model[]): Model[] {
  const byName = new Map(models.flatMap((m) => [m.name, ...(m.kind === 'code' ? (m.alsoCreates ?? []) : [])].map((name) => [name, m] as const)));
  const ordered: Model[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (model: Model, path: string[]) => {
    if (state.get(model.name) === 'done') return;
    if (state.get(model.name) === 'visiting') throw new Error(`SQL models form a cycle: ${[...path, model.name].join(' → ')}`);
    state.set(model.name, 'visiting');
    for (const dep of model.dependsOn) {
      const target = byName.get(dep);
      if (!target) throw new Error(`Model ${model.name} depends on ${dep}, which no model creates`);
      visit(target, [...path, model.name]);
    }
    state.set(model.name, 'done');
    ordered.push(model);
  };
  for (const model of models) visit(model, []);
  return ordered;
}

/**
 * Staging models that do real work per row, read by several models: computed once as tables. The orders'
 * codes go through the personal-data check for pseudonyms; as a view, every reader paid for it again.
 * (The order lines' revenue is cheap since line_amount: at 10 million lines, writing stg_order_items as a
 * table took about 5 s, more than its four readers spend recomputing it, so it is a view.)
 */
const COMPUTED_ONCE = new Set(['stg_orders']);

/**
 * Marts that publish an intermediate table as it is (models read the intermediate one): views, so the
 * rows are held once. customer_status_monthly has a row per customer and month, millions at scale.
 */
const PUBLISHED_AS_IS = new Set(['customer_status_monthly', 'customers', 'sellers']);

/**
 * Creates every model: staging models as views (they only rename and cast; but see COMPUTED_ONCE),
 * intermediate models, reference data and marts as tables (but see PUBLISHED_AS_IS), so each is computed once however many marts read it; code
 * models run in place.
 */
export async function runModels(db: Database, models: Model[], config: PipelineConfig, onModel?: (name: string, ms: number) => void): Promise<void> {
  // Models never rely on row order (every mart is exported with a total ORDER BY); letting DuckDB drop
  // insertion order saves memory and time on the 10-million-line runs.
  await db.run('set preserve_insertion_order = false');
  for (const model of models) {
    const started = Date.now();
    if (model.kind === 'code') {
      await model.run(db, config);
    } else {
      const asView = (model.layer === 'staging' && !COMPUTED_ONCE.has(model.name)) || PUBLISHED_AS_IS.has(model.name);
      const kind = asView ? 'view' : 'table';
      try {
        await db.run(`create or replace ${kind} ${model.name} as\n${model.sql}`);
      } catch (error) {
        throw new Error(`SQL model ${model.name} (pipelines/sql/${model.name}.sql) failed: ${(error as Error).message}`);
      }
    }
    onModel?.(model.name, Date.now() - started);
  }
}

/**
 * Creates the macros in pipelines/sql/macros: the business rules several models apply (the active
 * portfolio, a partial month, ticket médio), defined once. Each file holds `create or replace macro`
 * statements separated by semicolons.
 */
export async function createRuleMacros(db: Database, dir = join(SQL_DIR, 'macros')): Promise<void> {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) {
    const sql = (await readFile(join(dir, file), 'utf8')).replace(/--.*$/gm, '');
    for (const statement of sql
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean))
      await db.run(statement);
  }
}

/** Runs the assertions in pipelines/sql/tests; each returns the rows that break a rule. */
export async function runSqlAssertions(db: Database, dir = join(SQL_DIR, 'tests')): Promise<{ name: string; failures: Record<string, unknown>[] }[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.sql')).sort();
  const results = [];
  for (const file of files) {
    const sql = (await readFile(join(dir, file), 'utf8')).trim().replace(/;\s*$/, '');
    const failures = await db.rows(`select * from (${sql}) limit 20`);
    results.push({ name: basename(file, '.sql'), failures });
  }
  return results;
}
