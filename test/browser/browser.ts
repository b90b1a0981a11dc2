import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../pipelines/site/chromium.ts';

/** Where the suite saves its screenshots (gitignored). */
export const SCREENSHOTS = fileURLToPath(new URL('../../screenshots', import.meta.url));

/** The two widths every page is checked and photographed at. */
export const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Starts Debian's chromium. */
export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** URL paths of every HTML page in a built site (index.html → its folder). 404.html is not a page to visit. */
export function builtPages(dist: string): string[] {
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

/** A file-name-safe name for a page path ("/" → "index"). */
export const slug = (page: string): string => page.replace(/^\/|\/$/g, '').replace(/[^a-z0-9-]+/gi, '_') || 'index';

/** Visits a page and returns every console error, page error, failed request and HTTP error it caused. */
export async function visit(page: Page, url: string): Promise<string[]> {
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

/**
 * Runs `check` on every page in one fresh context and returns every problem prefixed by its page, so
 * a test can fail once with the whole list.
 */
export async function checkPages(
  browser: Browser,
  paths: string[],
  contextOptions: Parameters<Browser['newContext']>[0],
  check: (page: Page, path: string, context: BrowserContext) => Promise<string[]>,
): Promise<string[]> {
  const context = await browser.newContext(contextOptions);
  const problems: string[] = [];
  try {
    for (const path of paths) {
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
  return problems;
}

/**
 * The pages with one representative per template: pages under the same sub-folder (e.g. one page per
 * seller under /vendedores/) share a layout, so the first stands for the rest in the slowest checks.
 */
export function onePerTemplate(paths: string[]): string[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const parent = path.replace(/[^/]+\/?$/, '');
    if (parent === '/' || path.endsWith('.html')) return true;
    if (seen.has(parent)) return false;
    seen.add(parent);
    return true;
  });
}

/**
 * The body cells of the first table whose caption starts with `caption`, row by row (row headers
 * included), whitespace collapsed to single spaces; empty when no table has that caption.
 */
export async function tableRows(page: Page, caption: string): Promise<string[][]> {
  return page.$$eval(
    'table.data-table',
    (tables, wanted) => {
      const table = tables.find((t) => (t.querySelector('caption')?.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(wanted));
      if (!table) return [];
      return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
    },
    caption,
  );
}
