import { rm } from 'node:fs/promises';
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
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/**
 * The whole cold `npm run build` (pipeline, astro, downloads) by phase, and its ratio to Observable
 * Framework's cold build of its five pages on the same canonical CSV files.
 */
export async function benchSite(options: SiteBenchOptions): Promise<void> {
  const rows: { round: number; measurement: BuildMeasurement }[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      if (options.frameworkDir) {
        console.log(`Rodada ${round}: build a frio do Observable Framework em ${options.frameworkDir}`);
        rows.push({ round, measurement: await measureFrameworkBuild(options.frameworkDir, options.canonicalDir) });
      }
      console.log(`Rodada ${round}: npm run build a frio`);
      rows.push({ round, measurement: await measureCarteiraBuild(options.canonicalDir, options.outDir) });
      console.log(`Rodada ${round}: npm run build de novo, sem mudanças`);
      rows.push({ round, measurement: await measureCarteiraBuild(options.canonicalDir, options.outDir, { rebuild: true }) });
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
