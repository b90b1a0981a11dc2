import { stat } from 'node:fs/promises';
import { DEFAULT_SEED, generateDemoData } from '../demo/generateDemo.ts';
import { parseCommandLine, positiveInteger, runMain } from './args.ts';

const spec = {
  name: 'demo-data',
  summary:
    'Grava um conjunto de dados de demonstração realista e determinístico (exportações de CRM/ERP de uma distribuidora de alimentos) em dois dialetos de CSV.',
  flags: {
    out: { type: 'string', help: 'pasta de saída (recebe canonical/ e excel-br/)', default: 'data/demo', value: 'PASTA' },
    customers: { type: 'string', help: 'tamanho da base de clientes (padrão 2000)', value: 'N' },
    'order-lines': { type: 'string', help: 'número de linhas de itens de pedido desejado (escala os dados)', value: 'N' },
    seed: { type: 'string', help: 'semente aleatória: as mesmas opções dão sempre os mesmos bytes', default: String(DEFAULT_SEED), value: 'N' },
  },
} as const;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const started = performance.now();
  const outDir = args.out ?? 'data/demo';
  const { files } = await generateDemoData({
    outDir,
    customers: args.customers === undefined ? undefined : positiveInteger('customers', args.customers),
    orderLines: args['order-lines'] === undefined ? undefined : positiveInteger('order-lines', args['order-lines']),
    seed: positiveInteger('seed', args.seed ?? String(DEFAULT_SEED)),
  });
  let total = 0;
  for (const file of files) {
    const { size } = await stat(file.path);
    total += size;
    console.log(`${file.path.padEnd(52)} ${String(file.rows).padStart(10)} rows ${megabytes(size).padStart(10)}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${files.length} files (${megabytes(total)}) to ${outDir} in ${seconds} s.`);
});
