import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, builtPages, checkPages, launchBrowser } from './browser.ts';
import { browserSuiteRuns, siteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

const PHONE = VIEWPORTS.find((viewport) => viewport.name === 'phone')!;
/** About six screens of a 390 × 844 phone: what a page may ask a reader to scroll before they ask for more. */
const MAX_PHONE_HEIGHT = 5_000;
/** The least size of chart text as a phone draws it, in CSS pixels. */
const MIN_CHART_TEXT_PX = 11;

describe.skipIf(!browserSuiteRuns())('every page on a 390 px phone', () => {
  let pages: string[];
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const builds = siteBuilds();
    pages = builtPages(builds.dist);
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`is at most ${MAX_PHONE_HEIGHT} px tall before the reader opens anything, with JavaScript on or off`, async () => {
    const problems = (
      await Promise.all(
        [true, false].map((javaScriptEnabled) =>
          checkPages(browser, pages, { viewport: PHONE, javaScriptEnabled }, async (page, path) => {
            await page.goto(`${server.url}${path}`);
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            return height > MAX_PHONE_HEIGHT ? [`${height} px tall (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`] : [];
          }),
        ),
      )
    ).flat();
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('folds long tables to their first rows and opens them whole with "Ver todas", with JavaScript off', async () => {
    let folded = 0;
    const problems = await checkPages(browser, pages, { viewport: PHONE, javaScriptEnabled: false }, async (page, path) => {
      await page.goto(`${server.url}${path}`);
      // The first folded table in view (others may sit inside a folded section).
      const fold = page
        .locator('.phone-fold:has(> .table-scroll tr.phone-more)')
        .filter({ has: page.locator(':scope > .phone-fold-toggle:visible') })
        .first();
      if ((await fold.count()) === 0) return [];
      folded++;
      const rows = fold.locator('tr.phone-more');
      const found: string[] = [];
      if (await rows.first().isVisible()) found.push('a row past the first ones shows before "Ver todas"');
      await fold.locator(':scope > .phone-fold-toggle > summary').click();
      if (!(await rows.last().isVisible())) found.push('"Ver todas" does not show the folded rows');
      return found;
    });
    expect(problems, problems.join('\n')).toEqual([]);
    expect(folded, 'pages with a folded table').toBeGreaterThan(0);
  });

  it(`draws chart text at least ${MIN_CHART_TEXT_PX} px high once each chart is scaled to the screen`, async () => {
    const problems = await checkPages(browser, pages, { viewport: PHONE }, async (page, path) => {
      await page.goto(`${server.url}${path}`);
      return page.evaluate((least) => {
        const found: string[] = [];
        for (const svg of document.querySelectorAll<SVGSVGElement>('main svg')) {
          const box = svg.getBoundingClientRect();
          const drawn = svg.viewBox.baseVal?.width || svg.width.baseVal.value;
          if (box.width === 0 || !drawn) continue;
          // The SVG's own units are scaled by the width the page gives it.
          const scale = box.width / drawn;
          const sizes = [...svg.querySelectorAll('text')]
            .filter((text) => text.getBoundingClientRect().width > 0 && (text.textContent ?? '').trim() !== '')
            .map((text) => ({ text: text.textContent!.trim(), px: parseFloat(getComputedStyle(text).fontSize) * scale }));
          const smallest = sizes.sort((a, b) => a.px - b.px)[0];
          if (smallest && smallest.px < least - 0.05) {
            const title = svg.closest('figure.chart')?.querySelector('.chart-title')?.textContent?.trim() ?? 'a chart';
            found.push(`"${title}": text "${smallest.text.slice(0, 30)}" is ${smallest.px.toFixed(1)} px`);
          }
        }
        // Legends Plot writes as HTML beside the SVG: their text is not scaled.
        for (const plot of document.querySelectorAll<HTMLElement>('main .chart-plot')) {
          const small = [...plot.querySelectorAll<HTMLElement>('*')].find(
            (el) =>
              !el.closest('svg') &&
              el.getBoundingClientRect().width > 0 &&
              [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '') &&
              parseFloat(getComputedStyle(el).fontSize) < least - 0.05,
          );
          if (small) {
            const title = plot.closest('figure.chart')?.querySelector('.chart-title')?.textContent?.trim() ?? 'a chart';
            found.push(`"${title}": legend "${(small.textContent ?? '').trim().slice(0, 30)}" is ${getComputedStyle(small).fontSize}`);
          }
        }
        return found;
      }, MIN_CHART_TEXT_PX);
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
