import { runPipeline, type PipelineResult } from '../run/runPipeline.ts';
import { resolveExportsDir } from '../run/resolveExports.ts';
import { isoDate, type FlagSpec } from './args.ts';
import { printLoadSummary } from './printLoadSummary.ts';

/** Flags shared by `npm run pipeline` and `npm run build`. */
export const pipelineFlags = {
  exports: { type: 'string', value: 'DIR', help: 'folder with the CSV/Parquet exports (empty or missing: the demo dataset)', default: 'data/exports' },
  out: { type: 'string', value: 'DIR', help: 'folder the marts (Parquet) are published to', default: 'data/marts' },
  'as-of': { type: 'string', value: 'YYYY-MM-DD', help: 'date the portfolio is judged at (default: last invoiced order date)' },
  mapping: { type: 'string', value: 'FILE', help: 'JSON mapping file for file names, dialects and headers' },
  config: { type: 'string', value: 'FILE', help: 'JSON file overriding business rules (thresholds, windows)' },
  warehouse: { type: 'string', value: 'FILE', help: 'also keep the DuckDB warehouse in this file', default: 'data/warehouse/carteira.duckdb' },
  'no-warehouse': { type: 'boolean', help: 'keep the warehouse in memory only (faster)' },
  'accept-rejects': { type: 'boolean', help: 'publica mesmo quando uma entidade tem mais linhas rejeitadas que o limite (5%, ou o de --config)' },
} as const satisfies Record<string, FlagSpec>;

type PipelineArgs = { [K in keyof typeof pipelineFlags]: (typeof pipelineFlags)[K]['type'] extends 'boolean' ? boolean : string | undefined };

/** Runs the pipeline as the flags say and prints the data-quality summary. */
export async function runPipelineCommand(args: PipelineArgs): Promise<PipelineResult> {
  const exports = await resolveExportsDir(args.exports!, console.log);
  const result = await runPipeline({
    exportsDir: exports.dir,
    outDir: args.out!,
    asOf: args['as-of'] ? isoDate('as-of', args['as-of']) : undefined,
    mappingPath: args.mapping,
    configPath: args.config,
    warehousePath: args['no-warehouse'] ? null : args.warehouse,
    acceptRejects: args['accept-rejects'],
    log: console.log,
  });
  printLoadSummary(result.load);
  return result;
}
