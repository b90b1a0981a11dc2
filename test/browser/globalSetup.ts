import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { generateDemoData } from '../../pipelines/demo/generateDemo.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { queryMarts } from './martsQuery.ts';
import { addPrivacyFixture } from './privacyFixture.ts';
import { runAstroBuild } from '../../pipelines/site/astroBuild.ts';
import { CHROMIUM } from '../../pipelines/site/chromium.ts';
import { HOSTILE_NAME, browserSuiteRuns, type SiteBuilds } from './siteBuilds.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Small enough to build in seconds, big enough for every page to have data (8 sellers, 3 years of orders). */
const DEMO_CUSTOMERS = 300;

/** Builds the site from a marts folder, in Brazilian time so a date shifted by the time zone would show. */
async function buildSite(outDir: string, martsDir: string): Promise<void> {
  mkdirSync(martsDir, { recursive: true });
  const output: string[] = [];
  const { code, signal } = await runAstroBuild({ martsDir, outDir, env: { TZ: 'America/Sao_Paulo' }, onLine: (line) => output.push(line) });
  if (code !== 0) throw new Error(`astro build failed for ${martsDir} (${signal ?? code}):\n${output.join('\n').slice(-8000)}`);
}

/**
 * Renames one customer in a canonical customers.csv, as a CRM export with markup in a name would: the
 * name field is replaced whether it was quoted or not, and written quoted.
 */
function renameCustomer(csvPath: string, customerId: string, name: string): void {
  const lines = readFileSync(csvPath, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${customerId},`));
  if (index < 0) throw new Error(`customer ${customerId} not in ${csvPath}`);
  const line = lines[index]!;
  let end = customerId.length + 1;
  if (line[end] === '"') {
    end++;
    while (end < line.length && !(line[end] === '"' && line[end + 1] !== '"')) end += line[end] === '"' ? 2 : 1;
    end++;
  } else {
    end = line.indexOf(',', end);
  }
  lines[index] = `${customerId},"${name.replace(/"/g, '""')}"${line.slice(end)}`;
  writeFileSync(csvPath, lines.join('\n'));
}

/** The pipeline without console output, without a warehouse file. */
const pipeline = (exportsDir: string, outDir: string, configPath?: string) => runPipeline({ exportsDir, outDir, configPath, warehousePath: null });

/**
 * Global setup of the browser project: generates a small demo dataset, runs the real pipeline on it
 * (once as is, once without contratos.csv and with too few repeat buyers to fit the models, once with
 * the privacy fixture's personal data added), builds the site from each marts folder and from an empty one, and hands the paths to the browser test files
 * through `provide`. CARTEIRA_DIST skips all of it and tests an already built site.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (!browserSuiteRuns()) {
    project.provide('carteiraSite', null);
    return undefined;
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Run .ci/run, which installs Debian's chromium.`);
  if (process.env.CARTEIRA_DIST) {
    const dist = resolve(ROOT, process.env.CARTEIRA_DIST);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`CARTEIRA_DIST=${dist} holds no index.html: build the site first (npm run site).`);
    project.provide('carteiraSite', {
      dist,
      martsDir: resolve(ROOT, process.env.CARTEIRA_MARTS_DIR ?? 'data/marts'),
      thinDist: null,
      emptyDist: null,
      privacy: null,
    });
    return undefined;
  }

  const temp = mkdtempSync(join(tmpdir(), 'carteira-site-'));
  const started = Date.now();
  const demo = join(temp, 'demo');
  await generateDemoData({ outDir: demo, customers: DEMO_CUSTOMERS });
  const builds: SiteBuilds = {
    dist: join(temp, 'dist'),
    martsDir: join(temp, 'marts'),
    thinDist: join(temp, 'dist-thin'),
    emptyDist: join(temp, 'dist-empty'),
    privacy: { dist: join(temp, 'dist-privacy'), martsDir: join(temp, 'marts-privacy') },
  };
  // The biggest customer of the last 12 months (first in Segmentação's ranking) gets a name full of
  // markup, so the browser tests can see that names from the exports always render as text.
  await pipeline(join(demo, 'canonical'), builds.martsDir);
  const [top] = await queryMarts(builds.martsDir, 'select customer_id from customers where revenue_rank = 1');
  renameCustomer(join(demo, 'canonical', 'customers.csv'), String(top!.customer_id), HOSTILE_NAME);
  await pipeline(join(demo, 'canonical'), builds.martsDir);
  const thinExports = join(temp, 'exports-thin');
  cpSync(join(demo, 'canonical'), thinExports, { recursive: true, filter: (path) => !/(contracts|targets|marketing_spend)\.csv$/.test(path) });
  // The same run also asks for more repeat buyers than the demo has, so the customer-value models stay
  // unfitted (NULL predictions) and the pages' rhythm-based fallback is built too, without a fourth build;
  // and it changes two action-list rules, the class A cut, the active rhythm multiplier and the customers' window
  // (6 months instead of 12), so the pages can be seen stating the rules the run applied.
  const thinModel = join(temp, 'thin-model.json');
  writeFileSync(
    thinModel,
    JSON.stringify({
      customer_value: { min_repeat_buyers: 1_000_000 },
      opportunities: { min_value_at_stake: 2500, max_suggestions: 3 },
      abc: { a_share: 0.7 },
      lifecycle: { active_multiplier: 2 },
      windows: { segmentation_months: 6 },
    }),
  );
  await pipeline(thinExports, join(temp, 'marts-thin'), thinModel);
  // The privacy scan reads a site whose exports hide personal data everywhere they can.
  const withPersonalData = join(temp, 'exports-privacy');
  cpSync(join(demo, 'canonical'), withPersonalData, { recursive: true });
  addPrivacyFixture(withPersonalData);
  await pipeline(withPersonalData, builds.privacy!.martsDir);
  // One build at a time: parallel astro builds would race on the project's .astro/ folder.
  await buildSite(builds.dist, builds.martsDir);
  await buildSite(builds.thinDist!, join(temp, 'marts-thin'));
  await buildSite(builds.emptyDist!, join(temp, 'no-marts'));
  await buildSite(builds.privacy!.dist, builds.privacy!.martsDir);
  console.log(`browser suite: demo data, pipeline and 4 site builds in ${((Date.now() - started) / 1000).toFixed(1)} s (${temp})`);

  project.provide('carteiraSite', builds);
  return () => rmSync(temp, { recursive: true, force: true });
}
