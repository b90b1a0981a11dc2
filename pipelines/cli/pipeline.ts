import { parseCommandLine, runMain, type CommandSpec } from './args.ts';
import { pipelineFlags, runPipelineCommand } from './pipelineCommand.ts';

const spec = {
  name: 'pipeline',
  summary: 'Carrega as exportações no DuckDB, valida, roda os modelos SQL e publica os marts em Parquet (só quando tudo deu certo).',
  flags: pipelineFlags,
} satisfies CommandSpec<typeof pipelineFlags>;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const started = performance.now();
  const result = await runPipelineCommand(args);
  console.log(`Marts publicados em ${args.out} (data de referência ${result.asOf}) em ${((performance.now() - started) / 1000).toFixed(1)} s.`);
});
