import { runPipeline } from '../run/runPipeline.ts';
import { isoDate, parseCommandLine, runMain, type CommandSpec, type FlagSpec } from './args.ts';
import { printLoadSummary } from './printLoadSummary.ts';

/** Flags shared by `npm run pipeline` and `npm run build`. */
export const pipelineFlags = {
  exports: { type: 'string', value: 'DIR', help: 'folder with the CSV/Parquet exports', default: 'data/exports' },
  out: { type: 'string', value: 'DIR', help: 'folder the marts (Parquet) are published to', default: 'data/marts' },
  'as-of': { type: 'string', value: 'YYYY-MM-DD', help: 'date the portfolio is judged at (default: last invoiced order date)' },
  mapping: { type: 'string', value: 'FILE', help: 'JSON mapping file for file names, dialects and headers' },
  config: { type: 'string', value: 'FILE', help: 'JSON file overriding business rules (thresholds, windows)' },
  warehouse: { type: 'string', value: 'FILE', help: 'also keep the DuckDB warehouse in this file', default: 'data/warehouse/carteira.duckdb' },
  'no-warehouse': { type: 'boolean', help: 'keep the warehouse in memory only (faster)' },
} as const satisfies Record<string, FlagSpec>;

const spec = {
  name: 'pipeline',
  summary: 'Loads the exports into DuckDB, validates them, runs the SQL models and publishes the marts as Parquet.',
  flags: pipelineFlags,
} satisfies CommandSpec<typeof pipelineFlags>;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const started = performance.now();
  const result = await runPipeline({
    exportsDir: args.exports!,
    outDir: args.out!,
    asOf: args['as-of'] ? isoDate('as-of', args['as-of']) : undefined,
    mappingPath: args.mapping,
    configPath: args.config,
    warehousePath: args['no-warehouse'] ? null : args.warehouse,
    log: console.log,
  });
  printLoadSummary(result.load);
  console.log(`Marts publicados em ${args.out} (data de referência ${result.asOf}) em ${((performance.now() - started) / 1000).toFixed(1)} s.`);
});
