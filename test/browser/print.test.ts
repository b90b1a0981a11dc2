import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportPdf } from '../../pipelines/site/reportPdf.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { launchBrowser, SCREENSHOTS } from './browser.ts';
import { queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';

/** An A4 sheet at 96 px per inch: 210 × 297 mm. */
const A4 = { width: 794, height: 1123 };

describe.skipIf(!browserSuiteRuns())('printing the report (print stylesheet and npm run build -- --pdf)', () => {
  let builds: SiteBuilds;
  let server: StaticServer;
  let browser: Browser;
  let sellerPage: string;
  const tmp = tempDir('carteira-print-');

  beforeAll(async () => {
    builds = siteBuilds();
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
    sellerPage = (JSON.parse(readFileSync(join(builds.dist, 'relatorio-paginas.json'), 'utf8')) as { pages: string[] }).pages[1]!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    tmp.cleanup();
  });

  const printed = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: A4 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return page;
  };

  for (const [name, path] of [
    ['visao-geral', () => '/'],
    ['vendedor', () => sellerPage],
  ] as const) {
    it(`prints ${name} on A4 without menu or controls, every chart kept and nothing wider than the sheet`, async () => {
      const page = await printed(path());
      await page.screenshot({ path: join(SCREENSHOTS, `print-${name}.png`), fullPage: true });
      expect(await page.locator('.site-nav').isVisible()).toBe(false);
      expect(
        await page.locator('.filter-bar, .table-search').evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length),
      ).toBe(0);
      // every chart of the page is drawn, at its wide size, inside the sheet
      const charts = await page
        .locator('main .chart-wide > svg')
        .evaluateAll((svgs) => svgs.map((s) => ({ width: s.getBoundingClientRect().width, visible: (s as SVGElement).checkVisibility() })));
      expect(charts.length).toBeGreaterThan(0);
      expect(charts.filter((c) => !c.visible)).toEqual([]);
      expect(Math.max(...charts.map((c) => c.width))).toBeLessThanOrEqual(A4.width);
      const overflowing = await page.locator('main *').evaluateAll(
        (nodes, width) =>
          nodes
            .filter((n) => n.getBoundingClientRect().right > width + 1)
            .slice(0, 3)
            .map((n) => `${n.tagName}.${n.className}`),
        A4.width,
      );
      expect(overflowing).toEqual([]);
      await page.close();
    });
  }

  it('writes relatorio.pdf with the overview and every seller page, in order, on A4 sheets', { timeout: 300_000 }, async () => {
    const file = join(tmp.dir, 'relatorio.pdf');
    const { pages, sheets } = await writeReportPdf(builds.dist, { file });
    // a page per seller with monthly figures or customers of its own
    const [row] = await queryMarts(
      builds.martsDir,
      'select count(distinct seller_id)::integer as sellers from (select seller_id from sellers_monthly union all select seller_id from customers) where seller_id is not null',
    );
    expect(pages).toBe(1 + Number(row!.sellers));
    const pdf = await PDFDocument.load(readFileSync(file));
    expect(pdf.getPageCount()).toBe(sheets);
    expect(sheets).toBeGreaterThanOrEqual(pages);
    const { width, height } = pdf.getPage(0).getSize();
    // A4 in points (1/72 inch): 595 × 842, to the rounding of chromium's paper sizes
    expect(Math.abs(width - 595)).toBeLessThan(2);
    expect(Math.abs(height - 842)).toBeLessThan(2);
  });
});
