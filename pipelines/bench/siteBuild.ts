import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A whole build (a command and the processes it starts), timed from outside. */
export interface BuildMeasurement {
  label: string;
  ms: number;
  /** Highest sum of resident memory over the command's process tree, sampled; null where /proc is missing. */
  peakRssMb: number | null;
  phases: { phase: string; ms: number }[];
  /** Pages Astro reports having built, when it says. */
  pages: number | null;
  /** The lines the command printed, each with its time from the start in ms. */
  lines: { ms: number; text: string }[];
}

/**
 * The phases of `npm run build`, each starting at the first line matching its pattern (in this order);
 * a phase ends where the next one found starts, the last at the exit.
 */
const CARTEIRA_PHASES: { phase: string; starts: RegExp | 'start' }[] = [
  { phase: 'start-up (node, tsx)', starts: 'start' },
  { phase: 'pipeline: load', starts: /^Carregando exportações/ },
  { phase: 'pipeline: models, assertions, export', starts: /^✓ load / },
  { phase: 'pipeline: snapshot, checkpoint, summary', starts: /^✓ export / },
  { phase: 'astro: start-up', starts: /^Gerando o site estático/ },
  { phase: 'astro: server bundle (vite)', starts: /\[build\] Building static entrypoints/ },
  { phase: 'astro: client bundle (vite)', starts: /building client \(vite\)/ },
  { phase: 'astro: page generation', starts: /generating static routes/ },
  { phase: 'astro: after pages', starts: /✓ Completed in/ },
  { phase: 'downloads (what remains after the pages)', starts: /\[carteira-mart-downloads\] writing the downloads to \S+\/$/ },
  { phase: 'publish (moves)', starts: /\[build\] Complete!/ },
];

/**
 * Runs `npm run build` (as `node --import tsx pipelines/cli/build.ts`) cold: its marts, site and
 * warehouse folders are removed first.
 */
export async function measureCarteiraBuild(exportsDir: string, outDir: string, { rebuild = false } = {}): Promise<BuildMeasurement> {
  const marts = join(outDir, 'marts');
  const dist = join(outDir, 'dist');
  const warehouse = join(outDir, 'warehouse', 'carteira.duckdb');
  if (!rebuild) for (const dir of [marts, dist, join(outDir, 'warehouse')]) await rm(dir, { recursive: true, force: true });
  const run = await runTimed(
    process.execPath,
    ['--import', 'tsx', 'pipelines/cli/build.ts', '--exports', exportsDir, '--out', marts, '--dist', dist, '--warehouse', warehouse],
    {
      cwd: process.cwd(),
      env: process.env,
    },
  );
  const label = rebuild ? 'Carteira: npm run build again, inputs unchanged' : 'Carteira: npm run build';
  return { label, ...run, phases: phasesOf(run.lines, run.ms, CARTEIRA_PHASES), pages: pagesBuilt(run.lines) };
}

/**
 * Runs Observable Framework's cold build in an installed copy of the anchor (`npm install` done there):
 * `rm -rf src/.observablehq/cache dist && observable build`, with ANCHOR_DATA pointing at the same
 * canonical CSV files.
 */
export async function measureFrameworkBuild(frameworkDir: string, canonicalDir: string): Promise<BuildMeasurement> {
  const dir = resolve(frameworkDir);
  const bin = join(dir, 'node_modules', '.bin', 'observable');
  if (!existsSync(bin)) throw new Error(`${bin} not found: run npm install in ${dir} first`);
  await rm(join(dir, 'src', '.observablehq', 'cache'), { recursive: true, force: true });
  await rm(join(dir, 'dist'), { recursive: true, force: true });
  const run = await runTimed(bin, ['build'], { cwd: dir, env: { ...process.env, ANCHOR_DATA: resolve(canonicalDir) } });
  const loadersDone = run.lines.findIndex((l) => /^(build|copy|render) /.test(l.text));
  const phases =
    loadersDone > 0
      ? [
          { phase: 'data loaders', ms: run.lines[loadersDone]!.ms },
          { phase: 'bundling and pages', ms: run.ms - run.lines[loadersDone]!.ms },
        ]
      : [];
  return { label: 'Observable Framework: observable build', ...run, phases, pages: null };
}

/** Phase durations from the first line matching each marker. */
export function phasesOf(
  lines: BuildMeasurement['lines'],
  totalMs: number,
  markers: { phase: string; starts: RegExp | 'start' }[],
): BuildMeasurement['phases'] {
  const starts: { phase: string; ms: number }[] = [];
  let from = 0;
  for (const { phase, starts: pattern } of markers) {
    if (pattern === 'start') {
      starts.push({ phase, ms: 0 });
      continue;
    }
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line.text));
    if (index < 0) continue;
    starts.push({ phase, ms: lines[index]!.ms });
    from = index;
  }
  return starts.map((s, i) => ({ phase: s.phase, ms: (starts[i + 1]?.ms ?? totalMs) - s.ms }));
}

function pagesBuilt(lines: BuildMeasurement['lines']): number | null {
  for (const line of lines) {
    const match = /(\d+) page\(s\) built/.exec(line.text);
    if (match) return Number(match[1]);
  }
  return null;
}

/** Runs a command, timestamping each output line and sampling the memory of its process tree. */
function runTimed(
  command: string,
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Omit<BuildMeasurement, 'label' | 'phases' | 'pages'>> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: BuildMeasurement['lines'] = [];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
    const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
    const keep = (text: string) => lines.push({ ms: performance.now() - started, text: plain(text) });
    createInterface({ input: child.stdout }).on('line', keep);
    createInterface({ input: child.stderr }).on('line', keep);
    let peak: number | null = null;
    const sample = () => {
      const rss = treeRssMb(child.pid!);
      if (rss !== null) peak = Math.max(peak ?? 0, rss);
    };
    const sampler = setInterval(sample, 100);
    child.on('error', (error) => {
      clearInterval(sampler);
      fail(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      const ms = performance.now() - started;
      if (code !== 0) {
        return fail(
          new Error(
            `${command} ${argv.join(' ')} failed (exit ${code}):\n${lines
              .slice(-20)
              .map((l) => l.text)
              .join('\n')}`,
          ),
        );
      }
      done({ ms, peakRssMb: peak, lines });
    });
  });
}

/** Sum of the resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(root: number): number | null {
  if (!existsSync('/proc/self/status')) return null;
  const parents = new Map<number, number>();
  const rssKb = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = /^PPid:\s+(\d+)/m.exec(status);
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
      if (ppid) parents.set(Number(entry), Number(ppid[1]));
      if (rss) rssKb.set(Number(entry), Number(rss[1]));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const pid of parents.keys()) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) {
        total += rssKb.get(pid) ?? 0;
        break;
      }
    }
  }
  return Math.round(total / 1024);
}
