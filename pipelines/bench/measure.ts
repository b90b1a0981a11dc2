import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runPipeline } from '../run/runPipeline.ts';
import { peakRssMb, type StageTiming } from '../run/stopwatch.ts';
import { Database, sqlString } from '../warehouse/database.ts';

/** One measurement, taken in a child process of its own so peak memory is its own. */
export interface Measurement {
  label: string;
  ms: number;
  peakRssMb: number;
  stages: StageTiming[];
  /** The slowest models of a pipeline run, slowest first. */
  slowestModels: { name: string; ms: number }[];
}

/**
 * The baseline: DuckDB reading the same canonical CSV files into tables with its own sniffer and
 * nothing else (`create table as select * from read_csv(...)`).
 */
export async function measurePlainScan(dir: string): Promise<Measurement> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
  const db = await Database.open();
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    await db.run(`create table t${i} as select * from read_csv(${sqlString(join(dir, file))})`);
  }
  const ms = performance.now() - started;
  db.close();
  return { label: 'plain DuckDB scan', ms, peakRssMb: peakRssMb(), stages: [], slowestModels: [] };
}

/** How many of the slowest models the bench names, with their share of the scan. */
const SLOWEST_MODELS = 5;

/** The whole pipeline, as `npm run pipeline` runs it, on one dialect of the data. */
export async function measurePipeline(label: string, exportsDir: string, outDir: string, warehousePath: string | null): Promise<Measurement> {
  const started = performance.now();
  const result = await runPipeline({ exportsDir, outDir, warehousePath });
  const slowestModels = [...result.models].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_MODELS);
  return { label, ms: performance.now() - started, peakRssMb: peakRssMb(), stages: result.stages, slowestModels };
}
