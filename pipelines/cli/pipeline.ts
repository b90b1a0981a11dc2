import { parseCommandLine, runMain, type CommandSpec } from './args.ts';
import { pipelineFlags, runPipelineCommand } from './pipelineCommand.ts';

const spec = {
  name: 'pipeline',
  summary: 'Loads the exports into DuckDB, validates them, runs the SQL models and publishes the marts as Parquet.',
  flags: pipelineFlags,
} satisfies CommandSpec<typeof pipelineFlags>;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const started = performance.now();
  const result = await runPipelineCommand(args);
  console.log(`Marts publicados em ${args.out} (data de referência ${result.asOf}) em ${((performance.now() - started) / 1000).toFixed(1)} s.`);
});
