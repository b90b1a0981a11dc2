import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, builtPages, checkPages, launchBrowser, onePerTemplate } from './browser.ts';
import { browserSuiteRuns, siteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

/** First contentful paint, with the charts already in it (they are SVG in the HTML), on localhost. */
const FIRST_PAINT_MS = 1000;

describe.skipIf(!browserSuiteRuns())('first paint', () => {
  let server: StaticServer;
  let browser: Browser;
  let pages: string[];

  beforeAll(async () => {
    const builds = siteBuilds();
    pages = onePerTemplate(builtPages(builds.dist));
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`paints every page with its charts within ${FIRST_PAINT_MS} ms on localhost`, async () => {
    const problems = await checkPages(browser, pages, { viewport: VIEWPORTS[0] }, async (page, path) => {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      // The paint entry is queued after the frame is presented, which can come after `load`: wait for it.
      const { paint, charts } = await page.evaluate(
        () =>
          new Promise<{ paint: number | null; charts: number }>((resolve) => {
            const charts = document.querySelectorAll('figure.chart svg').length;
            const done = (paint: number | null) => resolve({ paint, charts });
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0];
              if (entry) done(entry.startTime);
            }).observe({ type: 'paint', buffered: true });
            setTimeout(() => done(null), 5000);
          }),
      );
      if (paint === null) return ['no first-contentful-paint entry'];
      const late = paint > FIRST_PAINT_MS ? [`first paint at ${Math.round(paint)} ms`] : [];
      return charts === 0 && path === '/' ? [...late, 'the overview has no chart in its first paint'] : late;
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
