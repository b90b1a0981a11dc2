import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { changeOneOrder, splitOrdersByMonth } from './monthlyExports.ts';
import { measureCarteiraBuild, measureFrameworkBuild, type BuildMeasurement } from './siteBuild.ts';

export interface SiteBenchOptions {
  orderLines: number;
  canonicalDir: string;
  /** Scratch folder for the build's marts, site and warehouse; removed at the end. */
  outDir: string;
  /** An installed copy of the Observable Framework anchor, built cold on the same data. */
  frameworkDir?: string | undefined;
  /** Or the anchor's cold build time measured elsewhere. */
  frameworkSeconds?: number | undefined;
  /** Each build is measured this many times, alternating, so each ratio compares neighbours in time. */
  rounds: number;
  /**
   * Carteira reads the orders and their lines as one file per month (split from the same data, not
   * timed) and, after the unchanged rebuild, rebuilds with one month's orders file changed, then
   * checks its marts against a cold build of the changed data.
   */
  incremental?: boolean | undefined;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/**
 * The whole cold `npm run build` (pipeline, astro, downloads) by phase, and its ratio to Observable
 * Framework's cold build of its five pages on the same canonical CSV files.
 */
export async function benchSite(options: SiteBenchOptions): Promise<void> {
  const rows: { round: number; measurement: BuildMeasurement }[] = [];
  const identity: string[] = [];
  try {
    const exportsDir = options.incremental ? join(options.outDir, 'exports-monthly') : options.canonicalDir;
    const months = options.incremental ? await splitOrdersByMonth(options.canonicalDir, exportsDir) : [];
    for (let round = 1; round <= options.rounds; round++) {
      if (options.frameworkDir) {
        console.log(`Rodada ${round}: build a frio do Observable Framework em ${options.frameworkDir}`);
        rows.push({ round, measurement: await measureFrameworkBuild(options.frameworkDir, options.canonicalDir) });
      }
      console.log(`Rodada ${round}: npm run build a frio${options.incremental ? ` (${months.length} meses de pedidos em arquivos separados)` : ''}`);
      rows.push({ round, measurement: await measureCarteiraBuild(exportsDir, options.outDir) });
      console.log(`Rodada ${round}: npm run build de novo, sem mudanças`);
      rows.push({ round, measurement: await measureCarteiraBuild(exportsDir, options.outDir, { rebuild: true }) });
      if (!options.incremental) continue;
      // the second-to-last month: the last one is usually cut short by the as-of date
      const changed = await changeOneOrder(exportsDir, months.at(-2) ?? months[0]!);
      console.log(`Rodada ${round}: npm run build de novo, com ${changed} mudado`);
      const label = `Carteira: npm run build again, ${changed} changed`;
      rows.push({ round, measurement: await measureCarteiraBuild(exportsDir, options.outDir, { rebuild: true, label }) });
      const incrementalMarts = join(options.outDir, 'marts-incremental');
      await rm(incrementalMarts, { recursive: true, force: true });
      await cp(join(options.outDir, 'marts'), incrementalMarts, { recursive: true });
      console.log(`Rodada ${round}: npm run build a frio dos mesmos dados, para comparar os marts`);
      rows.push({ round, measurement: await measureCarteiraBuild(exportsDir, options.outDir, { label: `Carteira: npm run build, cold, ${changed} changed` }) });
      const differing = differingParquet(join(options.outDir, 'marts'), incrementalMarts);
      identity.push(
        `Rodada ${round}: marts do build com ${changed} mudado ${differing.length ? `DIFEREM do build a frio: ${differing.join(', ')}` : 'idênticos byte a byte aos do build a frio'}`,
      );
    }
  } finally {
    await rm(options.outDir, { recursive: true, force: true });
  }

  console.log(
    `\nBench do site: ${options.orderLines.toLocaleString('pt-BR')} linhas de pedido, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  );
  const frameworkMs = (round: number) =>
    rows.find((r) => r.round === round && r.measurement.label.startsWith('Observable'))?.measurement.ms ??
    (options.frameworkSeconds !== undefined ? options.frameworkSeconds * 1000 : undefined);
  console.table(
    rows.map(({ round, measurement: m }) => {
      const anchor = frameworkMs(round);
      return {
        round,
        measurement: m.label,
        seconds: seconds(m.ms),
        'peak RSS (MB)': m.peakRssMb ?? 'n/a',
        pages: m.pages ?? '',
        'ratio to Framework': anchor ? (m.ms / anchor).toFixed(2) : '',
      };
    }),
  );
  for (const line of identity) console.log(line);
  for (const round of new Set(rows.map((r) => r.round))) {
    const cold = rows.find((r) => r.round === round && r.measurement.label === 'Carteira: npm run build');
    const changed = rows.find((r) => r.round === round && /again, \S+ changed$/.test(r.measurement.label));
    if (cold && changed) {
      console.log(`Rodada ${round}: build com um arquivo mensal mudado / build a frio = ${(changed.measurement.ms / cold.measurement.ms).toFixed(2)}`);
    }
  }
  if (!options.frameworkDir && options.frameworkSeconds !== undefined) {
    console.log(`Framework: ${options.frameworkSeconds.toFixed(2)} s medidos à parte (--framework-seconds); a razão só vale se medida nos mesmos minutos.`);
  }
  for (const { round, measurement: m } of rows.filter((r) => r.measurement.phases.length > 1)) {
    console.log(`\nRodada ${round}, ${m.label} (${seconds(m.ms)} s), por fase:`);
    console.table(m.phases.map((p) => ({ phase: p.phase, seconds: seconds(p.ms), share: `${Math.round((p.ms / m.ms) * 100)}%` })));
    const pipeline = m.lines.filter((l) => /^✓ \S+\s+[\d.]+ s/.test(l.text)).map((l) => l.text.replace(/\s+/g, ' ').replace(/^✓ /, ''));
    if (pipeline.length) console.log(`  estágios do pipeline: ${pipeline.join(' · ')}`);
    const pages = m.phases.find((p) => p.phase === 'astro: page generation');
    if (pages && m.pages) console.log(`  geração das páginas: ${(pages.ms / m.pages).toFixed(1)} ms por página (${m.pages} páginas)`);
  }
}

/** The Parquet files of `a` missing from `b` or different in bytes. */
function differingParquet(a: string, b: string): string[] {
  return readdirSync(a)
    .filter((name) => name.endsWith('.parquet'))
    .filter((name) => !existsSync(join(b, name)) || !readFileSync(join(a, name)).equals(readFileSync(join(b, name))));
}
