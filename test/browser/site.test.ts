import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.ts';
import { FIXTURE_AS_OF, writeMartsFixture } from '../helpers/martsFixture.ts';
import { serveStatic, type StaticServer } from './staticServer.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'screenshots');
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const hasChromium = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI);
if (!hasChromium && !inCI) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the browser tests: ${CHROMIUM} is missing.\n` +
      `!! Install it with \`apt-get update && apt-get install -y chromium\` or run .ci/run.\n${'!'.repeat(78)}\n`,
  );
}

/** URL paths of every HTML page in a built site (index.html → its folder). 404.html is not a page to visit. */
function builtPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html') && !(dir === dist && entry.name === '404.html')) {
        const url = `/${relative(dist, path).split(sep).join('/')}`;
        pages.push(url.replace(/(^|\/)index\.html$/, '$1'));
      }
    }
  };
  walk(dist);
  return pages.sort();
}

const slug = (page: string): string => page.replace(/^\/|\/$/g, '').replace(/[^a-z0-9-]+/gi, '_') || 'index';

/** Builds the site from a marts folder, in Brazilian time so a date shifted by the time zone would show. */
async function buildSite(outDir: string, martsDir: string): Promise<void> {
  mkdirSync(martsDir, { recursive: true });
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, CARTEIRA_MARTS_DIR: martsDir, TZ: 'America/Sao_Paulo', ASTRO_TELEMETRY_DISABLED: '1' },
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build failed:\n${stdout}\n${stderr}`);
  }
}

/** Visits a page and returns every console error, page error, failed request and HTTP error it caused. */
async function visit(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) problems.push(`HTTP ${response?.status()} for the page itself`);
  return problems;
}

describe.skipIf(!hasChromium && !inCI)('the built site in Chromium', () => {
  const usingFixture = !process.env.CARTEIRA_DIST;
  let dist: string;
  let emptyDist: string;
  let pages: string[];
  let server: StaticServer;
  let browser: Browser;
  let cleanup = () => {};

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(`Chromium not found at ${CHROMIUM}. Run .ci/run, which installs Debian's chromium (apt-get install -y chromium).`);
    }
    if (usingFixture) {
      const temp = tempDir('carteira-site-');
      cleanup = temp.cleanup;
      dist = join(temp.dir, 'dist');
      await writeMartsFixture(join(temp.dir, 'marts'));
      await buildSite(dist, join(temp.dir, 'marts'));
      // Builds run one after the other: parallel astro builds would race on the project's .astro/ folder.
      emptyDist = join(temp.dir, 'dist-empty');
      await buildSite(emptyDist, join(temp.dir, 'no-marts'));
    } else {
      dist = resolve(ROOT, process.env.CARTEIRA_DIST!);
      if (!existsSync(join(dist, 'index.html'))) throw new Error(`CARTEIRA_DIST=${dist} holds no index.html: build the site first (npm run site).`);
    }
    pages = builtPages(dist);
    server = await serveStatic(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanup();
  });

  /** Runs `check` on every page in a fresh context and fails once, listing every problem by page. */
  async function eachPage(
    contextOptions: Parameters<Browser['newContext']>[0],
    check: (page: Page, path: string, context: BrowserContext) => Promise<string[]>,
  ): Promise<void> {
    const context = await browser.newContext(contextOptions);
    const problems: string[] = [];
    try {
      for (const path of pages) {
        const page = await context.newPage();
        try {
          problems.push(...(await check(page, path, context)).map((p) => `${path}: ${p}`));
        } finally {
          await page.close();
        }
      }
    } finally {
      await context.close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  }

  it('finds the pages the site is made of', () => {
    expect(pages).toContain('/');
    if (usingFixture) expect(pages).toEqual(expect.arrayContaining(['/', '/dados/']));
  });

  it('loads every page without console errors, failed requests or broken links', async () => {
    await eachPage({}, async (page, path) => {
      const problems = await visit(page, `${server.url}${path}`);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const link of new Set(links.filter((href) => href.startsWith(server.url)))) {
        const response = await page.request.head(link);
        if (!response.ok()) problems.push(`broken link ${link} (HTTP ${response.status()})`);
      }
      return problems;
    });
  });

  it('shows every chart as SVG with JavaScript disabled', async () => {
    let charts = 0;
    await eachPage({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } }, async (page, path) => {
      await page.goto(`${server.url}${path}`);
      const figures = await page.$$eval('figure.chart', (fs) =>
        fs.map((f) => {
          const svg = [...f.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
          return { svg: Boolean(svg), marks: svg ? svg.querySelectorAll('rect, path, circle').length : 0 };
        }),
      );
      charts += figures.length;
      return figures.flatMap((f, i) => (f.svg && f.marks > 0 ? [] : [`chart ${i + 1} has no visible SVG`]));
    });
    if (usingFixture) expect(charts).toBeGreaterThan(0);
  });

  it('has no serious or critical accessibility violations (axe) on desktop and phone', async () => {
    for (const viewport of VIEWPORTS) {
      await eachPage({ viewport }, async (page, path) => {
        await page.goto(`${server.url}${path}`);
        const { violations } = await new AxeBuilder({ page }).analyze();
        return violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `[${viewport.name}] ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      });
    }
  });

  it('fits a 390 px phone without sideways scrolling and saves screenshots', async () => {
    for (const viewport of VIEWPORTS) {
      await eachPage({ viewport }, async (page, path) => {
        await page.goto(`${server.url}${path}`);
        await page.screenshot({ path: join(SCREENSHOTS, `${slug(path)}-${viewport.width}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        return overflow > 0 ? [`[${viewport.name}] page is ${overflow}px wider than the screen`] : [];
      });
    }
  });

  it.runIf(usingFixture)('formats dates in UTC even when built in Brazilian time', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      const [year, month, day] = FIXTURE_AS_OF.split('-');
      await expect(page.locator('.as-of time').textContent()).resolves.toBe(`${day}/${month}/${year}`);
      const firstMonth = await page.locator('table.data-table tbody tr:last-child th').textContent();
      expect(firstMonth).toBe('nov/2025');
    } finally {
      await page.close();
    }
  });

  it.runIf(usingFixture)('builds with an empty marts folder and says to run the pipeline first', async () => {
    const empty = await serveStatic(emptyDist);
    try {
      expect(builtPages(emptyDist)).toEqual(['/', '/dados/']);
      for (const path of ['/', '/dados/']) {
        // A fresh page per visit: navigating away would abort the previous page's favicon request.
        const page = await browser.newPage();
        try {
          expect(await visit(page, `${empty.url}${path}`)).toEqual([]);
          await expect(page.locator('main .notice').textContent()).resolves.toContain('npm run pipeline');
          await expect(page.locator('.as-of').textContent()).resolves.toContain('Sem dados carregados');
        } finally {
          await page.close();
        }
      }
    } finally {
      await empty.close();
    }
  });

  it.runIf(usingFixture)('offers every mart as Parquet and as an Excel CSV with BOM and ; separator', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/dados/`);
      const hrefs = await page.$$eval('a[download]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.filter((h) => h.endsWith('.parquet'))).toHaveLength(4);
      const csv = await page.request.get(`${server.url}/dados/kpis_monthly.csv`);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const body = await csv.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString('utf8')).toContain('\r\n01/11/2025;182450,1;310;120;31/10/2026\r\n');
    } finally {
      await page.close();
    }
  });
});
