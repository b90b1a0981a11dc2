import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, VIEWPORTS, builtPages, checkPages, launchBrowser, onePerTemplate, slug, visit } from './browser.ts';
import { brazilianDate, queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

/** Pages of the report every build must have (others, like one page per seller, come from the data). */
const REPORT_PAGES = [
  '/',
  '/periodos/',
  '/carteira/',
  '/segmentacao/',
  '/carteirizacao/',
  '/coortes/',
  '/renovacoes/',
  '/produtos/',
  '/metas/',
  '/prospeccao/',
  '/dados/',
];
/** Bytes transferred (gzip) before any interaction: HTML, CSS, JS and data. */
const BUDGET = { overview: 150_000, page: 300_000 };

describe.skipIf(!browserSuiteRuns())('the site built from the demo data, in Chromium', () => {
  let builds: SiteBuilds;
  let pages: string[];
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    builds = siteBuilds();
    pages = builtPages(builds.dist);
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has every report page', () => {
    expect(pages).toEqual(expect.arrayContaining(REPORT_PAGES));
  });

  it('says on every page, in a visible banner, that the numbers are demo data', () => {
    const html = (dist: string, path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
    const without = pages.filter((path) => !html(builds.dist, path).includes('<strong>Dados de demonstração.</strong>'));
    expect(without).toEqual([]);
    if (builds.emptyDist) expect(html(builds.emptyDist, '/')).not.toContain('Dados de demonstração');
  });

  it('loads every page without console errors, failed requests, broken links or markup from user data', async () => {
    const checked = new Set<string>();
    const problems = await checkPages(browser, pages, {}, async (page, path) => {
      const found = await visit(page, `${server.url}${path}`);
      // The biggest customer's name is markup (see globalSetup): nowhere may it become elements.
      const injected = await page.evaluate(
        () => document.querySelectorAll('img[src="x"]').length + [...document.scripts].filter((s) => s.text.includes('alert(')).length,
      );
      if (injected) found.push(`${injected} element(s) injected from a customer name`);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href.split('#')[0]!));
      for (const link of new Set(links.filter((href) => href.startsWith(server.url) && !checked.has(href)))) {
        checked.add(link);
        const response = await page.request.head(link);
        if (!response.ok()) found.push(`broken link ${link} (HTTP ${response.status()})`);
      }
      return found;
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('shows every chart as SVG with marks, with JavaScript disabled', async () => {
    const problems = await checkPages(browser, pages, { javaScriptEnabled: false, viewport: VIEWPORTS[0] }, async (page, path) => {
      await page.goto(`${server.url}${path}`);
      const figures = await page.$$eval('figure.chart', (fs) =>
        fs.map((f) => {
          const svg = [...f.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
          return {
            title: f.querySelector('.chart-title')?.textContent ?? '',
            summary: f.querySelector('.chart-summary')?.textContent?.trim() ?? '',
            marks: svg ? svg.querySelectorAll('rect, path, circle, line').length : 0,
          };
        }),
      );
      const found = figures.flatMap((f, i) => [
        ...(f.marks > 0 ? [] : [`chart ${i + 1} "${f.title}" has no visible SVG marks`]),
        ...(f.summary.length > 20 ? [] : [`chart ${i + 1} "${f.title}" has no text summary`]),
      ]);
      if (REPORT_PAGES.includes(path) && path !== '/dados/' && figures.length === 0) found.push('no chart at all');
      return found;
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('has no serious or critical accessibility violations (axe): every page on desktop, every template on a phone', async () => {
    // Axe takes seconds per page: pages of one template (one per seller) are checked once on a phone,
    // and the two widths run side by side.
    const problems = await Promise.all(
      VIEWPORTS.map((viewport) =>
        checkPages(browser, viewport.name === 'phone' ? onePerTemplate(pages) : pages, { viewport }, async (page, path) => {
          await page.goto(`${server.url}${path}`);
          const { violations } = await new AxeBuilder({ page }).analyze();
          return violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `[${viewport.name}] ${v.impact} ${v.id}: ${v.help} (${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')})`,
            );
        }),
      ),
    ).then((lists) => lists.flat());
    expect(problems, problems.join('\n')).toEqual([]);
    // Axe takes seconds on each of some 40 pages (longer since every table has sort buttons): more than the suite's 3 minutes on a busy machine.
  }, 420_000);

  it('fits a 390 px phone without sideways scrolling, tables included (as cards when too wide), and saves screenshots at 1440 and 390 px', async () => {
    const problems = await Promise.all(
      VIEWPORTS.map((viewport) =>
        checkPages(browser, pages, { viewport }, async (page, path) => {
          await page.goto(`${server.url}${path}`);
          await page.screenshot({ path: join(SCREENSHOTS, `${slug(path)}-${viewport.width}.png`), fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          const problems = overflow > 0 ? [`[${viewport.name}] page is ${overflow}px wider than the screen`] : [];
          // A table that only scrolls sideways hides columns (often the money) from a reader on a phone.
          const scrolling = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.table-scroll')]
              .filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth + 1)
              .map((box) => `${box.getAttribute('aria-label')} (${box.scrollWidth - box.clientWidth}px)`),
          );
          if (viewport.name === 'phone') problems.push(...scrolling.map((table) => `[phone] table scrolls sideways: ${table}`));
          return problems;
        }),
      ),
    ).then((lists) => lists.flat());
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it(`transfers at most ${BUDGET.overview / 1000} KB (gzip) for the overview and ${BUDGET.page / 1000} KB for any page before interaction`, async () => {
    const problems = await checkPages(browser, pages, { viewport: VIEWPORTS[0] }, async (page, path) => {
      const bodies: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.url().startsWith(server.url))
          bodies.push(
            response.body().then(
              (b) => gzipSync(b).length,
              () => 0,
            ),
          );
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
      const budget = path === '/' ? BUDGET.overview : BUDGET.page;
      return bytes > budget ? [`${Math.round(bytes / 1000)} KB gzip, over the ${budget / 1000} KB budget`] : [];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('formats dates in UTC even when built in Brazilian time', async () => {
    const [row] = await queryMarts(builds.martsDir, `select max(as_of_date)::varchar as as_of, min(month)::varchar as first_month from kpis_monthly`);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      await expect(page.locator('.as-of time').textContent()).resolves.toBe(brazilianDate(String(row!.as_of)));
      await expect(page.locator('.as-of time').getAttribute('datetime')).resolves.toBe(String(row!.as_of));
    } finally {
      await page.close();
    }
  });

  it('offers every mart as Parquet and as an Excel CSV with BOM, ; separator and the Portuguese column names of the dictionary', async () => {
    const marts = readdirSync(builds.martsDir)
      .filter((f) => f.endsWith('.parquet'))
      .map((f) => f.slice(0, -8))
      .sort();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/dados/`);
      const hrefs = await page.$$eval('a[download]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const mart of marts) {
        expect(
          hrefs.some((h) => h.endsWith(`/${mart}.parquet`)),
          `${mart}.parquet link`,
        ).toBe(true);
        expect(
          hrefs.some((h) => h.endsWith(`/${mart}.csv`)),
          `${mart}.csv link`,
        ).toBe(true);
      }
      const columns = (await queryMarts(builds.martsDir, 'describe kpis_monthly')).map((c) => String(c.column_name));
      const names = new Map(
        (await queryMarts(builds.martsDir, 'select "column", label_pt from data_dictionary where mart = \'kpis_monthly\'')).map((d) => [
          String(d.column),
          String(d.label_pt),
        ]),
      );
      const header = columns.map((c) => names.get(c) ?? c).join(';');
      expect(header).toContain('Positivação (%)');
      const csv = await page.request.get(`${server.url}/dados/kpis_monthly.csv`);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const body = await csv.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString('utf8').slice(1).split('\r\n')[0]).toBe(header);
    } finally {
      await page.close();
    }
  });

  it.runIf(Boolean(process.env.CARTEIRA_DIST) === false)('builds with an empty marts folder and says to run the pipeline first', async () => {
    const empty = await serveStatic(builds.emptyDist!);
    try {
      const emptyPages = builtPages(builds.emptyDist!);
      expect(emptyPages).toEqual(expect.arrayContaining(REPORT_PAGES));
      const problems = await checkPages(browser, emptyPages, {}, async (page, path) => {
        const found = await visit(page, `${empty.url}${path}`);
        if (REPORT_PAGES.includes(path)) {
          const notice = (await page.locator('main .notice').allTextContents()).join(' ');
          if (!notice.includes('npm run pipeline')) found.push('no notice saying to run npm run pipeline');
          if (!(await page.locator('.as-of').textContent())?.includes('Sem dados carregados')) found.push('header claims data');
        }
        return found;
      });
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
