import type { PipelineOptions, PipelineResult } from '../run/runPipeline.ts';
import { resolveExports } from '../run/resolveExports.ts';
import { isoDate, type FlagSpec } from './args.ts';

/** Flags shared by `npm run pipeline` and `npm run build`. */
export const pipelineFlags = {
  exports: {
    type: 'string',
    value: 'PASTA',
    help: 'pasta com as exportações CSV/Parquet (sem esta opção: data/exports; vazia ou ausente: dados de demonstração)',
  },
  out: { type: 'string', value: 'PASTA', help: 'pasta onde os marts (Parquet) são publicados', default: 'data/marts' },
  'as-of': { type: 'string', value: 'AAAA-MM-DD', help: 'data de referência da carteira (padrão: data do último pedido faturado)' },
  mapping: { type: 'string', value: 'ARQUIVO', help: 'arquivo JSON de mapeamento de nomes de arquivo, formatos e cabeçalhos' },
  config: { type: 'string', value: 'ARQUIVO', help: 'arquivo JSON que ajusta as regras de negócio (limites, janelas)' },
  warehouse: { type: 'string', value: 'ARQUIVO', help: 'guarda também o warehouse DuckDB neste arquivo', default: 'data/warehouse/carteira.duckdb' },
  'no-warehouse': { type: 'boolean', help: 'mantém o warehouse só na memória (mais rápido)' },
  'accept-rejects': { type: 'boolean', help: 'publica mesmo quando uma entidade tem mais linhas rejeitadas que o limite (5%, ou o de --config)' },
} as const satisfies Record<string, FlagSpec>;

type PipelineArgs = { [K in keyof typeof pipelineFlags]: (typeof pipelineFlags)[K]['type'] extends 'boolean' ? boolean : string | undefined };

/** The run the flags describe, with the exports folder resolved (the demo dataset only without --exports). */
export async function pipelineOptions(args: PipelineArgs): Promise<PipelineOptions> {
  return {
    exportsDir: await resolveExports(args.exports, console.log),
    outDir: args.out!,
    asOf: args['as-of'] ? isoDate('as-of', args['as-of']) : undefined,
    mappingPath: args.mapping,
    configPath: args.config,
    warehousePath: args['no-warehouse'] ? null : args.warehouse,
    acceptRejects: args['accept-rejects'],
    log: console.log,
  };
}

/** Runs the pipeline as the flags say, prints the data-quality summary and publishes the marts. */
export async function runPipelineCommand(args: PipelineArgs): Promise<PipelineResult> {
  const options = await pipelineOptions(args);
  const { buildMarts, publicationPlan, publishTogether } = await import('../run/runPipeline.ts');
  const { printLoadSummary } = await import('./printLoadSummary.ts');
  return publishTogether(publicationPlan(options, []), console.log, async (publication) => {
    const result = await buildMarts(options, publication.staging('marts'), publication.warehouseStaging);
    printLoadSummary(result.load);
    return result;
  });
}
