import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_MARKER } from '../demo/demoMarker.ts';
import { generateDemoData } from '../demo/generateDemo.ts';
import type { Dialect } from '../demo/writeCsv.ts';
import type { Measurement } from '../bench/measure.ts';
import { benchSite } from '../bench/benchSite.ts';
import { parseCommandLine, positiveInteger, runMain, UsageError, type CommandSpec, type FlagSpec } from './args.ts';

const flags = {
  'order-lines': { type: 'string', value: 'N', help: 'linhas de itens de pedido a gerar e carregar', default: '1000000' },
  dir: { type: 'string', value: 'PASTA', help: 'pasta de trabalho para os dados gerados e as saídas', default: 'bench' },
  'skip-excel': { type: 'boolean', help: 'não mede o dialeto Excel brasileiro' },
  'no-warehouse': { type: 'boolean', help: 'mede o pipeline sem gravar o arquivo do warehouse' },
  site: { type: 'boolean', help: 'mede o build inteiro a frio (npm run build: pipeline, astro, downloads) por fase, em vez do pipeline' },
  'framework-dir': {
    type: 'string',
    value: 'PASTA',
    help: 'com --site: cópia instalada (npm install) da âncora Observable Framework, cujo build a frio é medido nos mesmos dados',
  },
  'framework-seconds': { type: 'string', value: 'S', help: 'com --site: tempo do build a frio do Framework medido à parte, em segundos' },
  rounds: { type: 'string', value: 'N', help: 'com --site: quantas vezes medir cada build, alternando', default: '1' },
  incremental: {
    type: 'boolean',
    help: 'com --site: pedidos e itens em um arquivo por mês; mede também o build com um arquivo mensal de pedidos mudado e compara seus marts com os de um build a frio',
  },
} as const satisfies Record<string, FlagSpec>;

const spec = {
  name: 'bench',
  summary:
    'Gera N linhas de pedido e mede numa só execução: uma leitura simples dos CSV canônicos pelo DuckDB, o pipeline inteiro sobre eles e o pipeline sobre o dialeto Excel brasileiro. Mostra tempo, pico de memória e a razão em relação à leitura simples.',
  flags,
} satisfies CommandSpec<typeof flags>;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const orderLines = positiveInteger('order-lines', args['order-lines']!);
  const dataDir = join(args.dir!, `data-${orderLines}`);
  // --site builds the canonical files only; the pipeline bench reads the Excel twins unless told not to
  const dialects: Dialect[] = args.site || args['skip-excel'] ? ['canonical'] : ['canonical', 'excel-br'];
  // the marker is written last: a folder without it was cut short
  if (!dialects.every((dialect) => existsSync(join(dataDir, dialect, DEMO_MARKER)))) {
    console.log(`Gerando ${orderLines.toLocaleString('pt-BR')} linhas de pedido em ${dataDir} (${dialects.join(' e ')}; não entra na medição)`);
    await generateDemoData({ outDir: dataDir, orderLines, dialects });
  }
  if (args.site) {
    const frameworkSeconds = args['framework-seconds'] === undefined ? undefined : Number(args['framework-seconds']);
    if (frameworkSeconds !== undefined && !(frameworkSeconds > 0)) throw new UsageError('--framework-seconds precisa de um número de segundos maior que zero');
    await benchSite({
      orderLines,
      canonicalDir: join(dataDir, 'canonical'),
      outDir: join(args.dir!, 'out-site'),
      frameworkDir: args['framework-dir'],
      frameworkSeconds,
      rounds: positiveInteger('rounds', args.rounds!),
      incremental: args.incremental,
    });
    return;
  }
  const warehouse = args['no-warehouse'] ? 'none' : join(args.dir!, 'out', 'carteira.duckdb');
  const runs: Measurement[] = [];
  runs.push(await child(['scan', join(dataDir, 'canonical')]));
  runs.push(await child(['pipeline (canonical)', join(dataDir, 'canonical'), join(args.dir!, 'out', 'marts'), warehouse]));
  if (!args['skip-excel']) {
    runs.push(await child(['pipeline (excel-br)', join(dataDir, 'excel-br'), join(args.dir!, 'out', 'marts-excel'), warehouse]));
  }
  await rm(join(args.dir!, 'out'), { recursive: true, force: true });
  const scan = runs[0]!;
  console.log(`\nBench: ${orderLines.toLocaleString('pt-BR')} linhas de pedido, ${new Date().toISOString().slice(0, 10)}`);
  console.table(
    runs.map((r) => ({
      measurement: r.label,
      seconds: (r.ms / 1000).toFixed(2),
      'peak RSS (MB)': r.peakRssMb,
      'ratio to scan': (r.ms / scan.ms).toFixed(2),
    })),
  );
  for (const r of runs.filter((r) => r.stages.length)) {
    console.log(`${r.label}: ${r.stages.map((s) => `${s.stage} ${(s.ms / 1000).toFixed(2)} s (${(s.ms / scan.ms).toFixed(2)}×)`).join(' · ')}`);
    // Each slowest model against the scan: what any one model costs next to the whole budget.
    console.log(
      `  slowest models: ${r.slowestModels.map((m) => `${m.name} ${(m.ms / 1000).toFixed(2)} s (${(m.ms / scan.ms).toFixed(2)}× scan)`).join(' · ')}`,
    );
  }
});

/** Runs one measurement in a fresh process so that its peak memory is its own. */
function child(argv: string[]): Promise<Measurement> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'pipelines/bench/benchChild.ts', ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return fail(new Error(`bench step "${argv[0]}" failed (exit ${code})`));
      done(JSON.parse(last) as Measurement);
    });
  });
}
