import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { publishAtomically } from '../export/publishAtomically.ts';
import { parseCommandLine, runMain, type CommandSpec, type FlagSpec } from './args.ts';
import { pipelineFlags, runPipelineCommand } from './pipelineCommand.ts';

const flags = {
  ...pipelineFlags,
  dist: { type: 'string', value: 'DIR', help: 'folder the static site is published to', default: 'dist' },
} as const satisfies Record<string, FlagSpec>;

const spec = {
  name: 'build',
  summary:
    'The main job: loads the exports (the demo dataset when the exports folder is empty), publishes the marts, then builds the static report.',
  flags,
} satisfies CommandSpec<typeof flags>;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const started = performance.now();
  const result = await runPipelineCommand(args);
  console.log('Gerando o site estático');
  await publishAtomically(args.dist!, (staging) => buildSite(resolve(args.out!), staging));
  console.log(`Relatório em ${args.dist}/ (data de referência ${result.asOf}) em ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Para abrir: npx astro preview --outDir ${args.dist}  (ou sirva a pasta ${args.dist}/ em qualquer servidor estático)`);
});

/**
 * Runs `astro build` in its own process, so Vite and the pipeline never share module hooks. Its output
 * is relayed line by line through this process's (masked) console.
 */
function buildSite(martsDir: string, outDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['node_modules/astro/astro.js', 'build', '--outDir', outDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CARTEIRA_MARTS_DIR: martsDir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    createInterface({ input: child.stdout }).on('line', (line) => console.log(line));
    createInterface({ input: child.stderr }).on('line', (line) => console.error(line));
    child.on('error', fail);
    // 'close', not 'exit': only then has every line of its output been relayed
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`astro build failed (exit code ${code}); the previous site was left as it was`))));
  });
}
