import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, builtPages, checkPages, launchBrowser, onePerTemplate, visit } from './browser.ts';
import { brazilianBrl, queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

const DESKTOP = VIEWPORTS.find((viewport) => viewport.name === 'desktop')!;
const PHONE = VIEWPORTS.find((viewport) => viewport.name === 'phone')!;
const PRODUCTS = 'Produtos por faturamento';
const fold = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const count = (n: number) => new Intl.NumberFormat('pt-BR').format(n);

/** The DataTable (its search field, its table) whose caption starts with `caption`. */
const block = (page: Page, caption: string): Locator =>
  page
    .locator('.data-table-block')
    .filter({ has: page.locator(`caption:text-matches("^\\\\s*${caption}")`) })
    .first();
/** The text of one column of a table's rows, in the order they stand. */
const column = (table: Locator, index: number): Promise<string[]> =>
  table.locator('tbody tr').evaluateAll((trs, i) => trs.map((tr) => (tr.children[i]?.textContent ?? '').replace(/\s+/g, ' ').trim()), index);
const headerIndex = (table: Locator, label: string): Promise<number> =>
  table.locator('thead th').evaluateAll((ths, wanted) => ths.findIndex((th) => (th.textContent ?? '').replace(/[▲▼]/g, '').trim() === wanted), label);

describe.skipIf(!browserSuiteRuns())('sorting and searching the tables built from the demo data', () => {
  let builds: SiteBuilds;
  let server: StaticServer;
  let browser: Browser;
  /** product_abc as the products table lists it: rank, name and category (the text searched), positivação. */
  let products: Array<{ rank: number; category: string; text: string; revenue: number; coverage: number | null }>;
  /** The commonest category that is not every product's, in capitals and without accents, as a reader may type it. */
  let typed: string;
  /** The products whose name or category holds it. */
  let matching: typeof products;

  beforeAll(async () => {
    builds = siteBuilds();
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
    products = (
      await queryMarts(
        builds.martsDir,
        'select revenue_rank, product_id, product_name, category, revenue::double as revenue, coverage_pct from product_abc order by revenue_rank',
      )
    ).map((r) => ({
      rank: Number(r.revenue_rank),
      category: String(r.category ?? ''),
      revenue: Number(r.revenue),
      text: `${r.product_name ? `${r.product_name} (${r.product_id})` : `Produto ${r.product_id} (fora do cadastro)`} ${r.category ?? ''}`,
      coverage: r.coverage_pct === null ? null : Number(r.coverage_pct),
    }));
    const categories = new Map<string, number>();
    for (const p of products) categories.set(p.category, (categories.get(p.category) ?? 0) + 1);
    const [category] = [...categories.entries()].filter(([c, n]) => c !== '' && n < products.length).sort((a, b) => b[1] - a[1])[0]!;
    typed = fold(category).toUpperCase();
    matching = products.filter((p) => fold(p.text).includes(fold(category)));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openProducts = async (viewport: typeof DESKTOP | typeof PHONE): Promise<{ page: Page; table: Locator }> => {
    const page = await browser.newPage({ viewport });
    expect(await visit(page, `${server.url}/produtos/`)).toEqual([]);
    const table = block(page, PRODUCTS).locator('table');
    // The whole list sits in a <details> under the top ten.
    await table.evaluate((t) => t.closest('details')?.setAttribute('open', ''));
    return { page, table };
  };

  /** The products' ranks sorted by positivação in a direction: missing values last, ties in rank order (the built order). */
  const byCoverage = (direction: 1 | -1): string[] =>
    [...products]
      .sort((a, b) => (a.coverage === null ? 1 : 0) - (b.coverage === null ? 1 : 0) || direction * ((a.coverage ?? 0) - (b.coverage ?? 0)) || a.rank - b.rank)
      .map((p) => count(p.rank));

  it('states the order the products table is built in, and sorts it by positivação up, then down, by the values in product_abc', async () => {
    const { page, table } = await openProducts(DESKTOP);
    try {
      expect(products.length).toBeGreaterThan(15);
      const rank = await headerIndex(table, 'Posição');
      const coverage = await headerIndex(table, 'Positivação');
      expect(rank).toBeGreaterThanOrEqual(0);
      // Built by rank: the header says so, and the rows are product_abc in rank order.
      expect(await table.locator('thead th').nth(rank).getAttribute('aria-sort')).toBe('ascending');
      expect(await column(table, rank)).toEqual(products.map((p) => count(p.rank)));
      // The demo has products sharing a positivação, so the tie-break is tested too.
      expect(new Set(products.map((p) => p.coverage)).size).toBeLessThan(products.length);

      await table.locator('thead th').nth(coverage).getByRole('button').click();
      expect(await table.locator('thead th').nth(coverage).getAttribute('aria-sort')).toBe('ascending');
      expect(await table.locator('thead th[aria-sort]').count()).toBe(1);
      expect(await column(table, rank)).toEqual(byCoverage(1));
      // The lowest positivação first, "12,5%" read as 12.5 and not as text.
      const shown = (await column(table, coverage)).map((t) => Number(t.replace('%', '').replace(/\./g, '').replace(',', '.')));
      expect(shown).toEqual([...shown].sort((a, b) => a - b));

      await table.locator('thead th').nth(coverage).getByRole('button').click();
      expect(await table.locator('thead th').nth(coverage).getAttribute('aria-sort')).toBe('descending');
      expect(await column(table, rank)).toEqual(byCoverage(-1));
      expect(byCoverage(-1)).not.toEqual([...byCoverage(1)].reverse());

      // A text column in Portuguese alphabetical order.
      const category = await headerIndex(table, 'Categoria');
      await table.locator('thead th').nth(category).getByRole('button').click();
      const categories = await column(table, category);
      expect(categories).toEqual([...categories].sort(new Intl.Collator('pt-BR', { sensitivity: 'base' }).compare));
      expect(new Set(categories).size).toBeGreaterThan(1);
    } finally {
      await page.close();
    }
  });

  it('narrows the products table to the rows holding the text typed, accents and case aside, and counts them as product_abc does', async () => {
    const expected = matching;
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(products.length);
    const { page, table } = await openProducts(DESKTOP);
    try {
      const search = block(page, PRODUCTS);
      await search.locator('input[type=search]').fill(typed);
      const rank = await headerIndex(table, 'Posição');
      expect(await table.locator('tbody tr:visible').count()).toBe(expected.length);
      const visibleRanks = await table.locator('tbody tr:visible').evaluateAll((trs, i) => trs.map((tr) => tr.children[i]!.textContent!.trim()), rank);
      expect(visibleRanks).toEqual(expected.map((p) => count(p.rank)));
      expect(await search.locator('[data-search-status]').textContent()).toBe(`${expected.length} de ${products.length} linhas com “${typed}”.`);
      await search.locator('input[type=search]').fill('');
      expect(await table.locator('tbody tr:visible').count()).toBe(products.length);
    } finally {
      await page.close();
    }
  });

  it("keeps a phone's fold to the first rows of the new order after a sort, and a search shows every match", async () => {
    const { page, table } = await openProducts(PHONE);
    try {
      const rank = await headerIndex(table, 'Posição');
      const revenue = await headerIndex(table, 'Faturamento');
      const visibleRanks = () => table.locator('tbody tr:visible').evaluateAll((trs, i) => trs.map((tr) => tr.children[i]!.textContent!.trim()), rank);
      expect(await visibleRanks()).toEqual(products.slice(0, 5).map((p) => count(p.rank)));
      // The smallest products first: a phone shows their first five, the rank column hidden but still in the markup.
      await table.locator('thead th').nth(revenue).getByRole('button').click();
      const smallest = [...products].sort((a, b) => a.revenue - b.revenue || a.rank - b.rank).map((p) => count(p.rank));
      expect(await visibleRanks()).toEqual(smallest.slice(0, 5));
      const search = block(page, PRODUCTS);
      await search.locator('input[type=search]').fill(typed);
      // More matches than the fold shows: the rows it had folded away are found too.
      expect(matching.length).toBeGreaterThan(5);
      expect(await table.locator('tbody tr:visible').count()).toBe(matching.length);
      await search.locator('input[type=search]').fill('');
      expect(await visibleRanks()).toEqual(smallest.slice(0, 5));
      await block(page, PRODUCTS).locator('.phone-fold-toggle > summary').click();
      expect(await table.locator('tbody tr:visible').count()).toBe(products.length);
    } finally {
      await page.close();
    }
  });

  it("shows each seller's work list ordered by the expected value it claims, as action_list ranks it", async () => {
    const [seller] = await queryMarts(
      builds.martsDir,
      'select seller_id, count(*) as n from action_list where seller_id is not null group by 1 order by 2 desc, 1 limit 1',
    );
    const actions = await queryMarts(
      builds.martsDir,
      `select priority_score::double as priority from action_list where seller_id = '${seller!.seller_id}' order by rank limit 20`,
    );
    const page = await browser.newPage({ viewport: DESKTOP });
    try {
      expect(await visit(page, `${server.url}/vendedores/${String(seller!.seller_id).toLowerCase()}/`)).toEqual([]);
      const table = block(page, 'Lista de trabalho').locator('table');
      const expected = await headerIndex(table, 'Valor esperado (12 meses)');
      expect(await table.locator('thead th').nth(expected).getAttribute('aria-sort')).toBe('descending');
      expect(await column(table, expected)).toEqual(actions.map((a) => brazilianBrl(a.priority).replace(/\s/g, ' ')));
      const values = actions.map((a) => Number(a.priority));
      expect(values).toEqual([...values].sort((a, b) => b - a));
    } finally {
      await page.close();
    }
  });

  it("keeps the reader's sort when the filters redraw a table, the unknown UF pinned last, and after Back", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    try {
      expect(await visit(page, `${server.url}/geografia/`)).toEqual([]);
      const table = page.locator('[data-filter-table="geo-states-year"] table');
      const orders = await headerIndex(table, 'Pedidos');
      const sortedAscending = async () => {
        const rows = await column(table, orders);
        const figures = rows.slice(0, -1).map((t) => Number(t.replace(/\./g, '')));
        return { figures, sorted: [...figures].sort((a, b) => a - b), last: (await column(table, 0)).at(-1) };
      };
      await table.locator('thead th').nth(orders).getByRole('button').click();
      const before = await sortedAscending();
      expect(before.figures).toEqual(before.sorted);
      expect(before.last).toBe('UF não informada');
      const sellers = await page.$$eval('#filtro-vendedor option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      await page.selectOption('#filtro-vendedor', sellers[0]!);
      await page.waitForFunction(() => document.querySelector('[data-filter-table="geo-states-year"] tbody[data-filtered]'));
      const filtered = await sortedAscending();
      expect(filtered.figures).toEqual(filtered.sorted);
      expect(filtered.figures).not.toEqual(before.figures);
      expect(filtered.last).toBe('UF não informada');
      expect(await table.locator('thead th').nth(orders).getAttribute('aria-sort')).toBe('ascending');
      await page.goBack();
      await page.waitForFunction(() => !document.querySelector('[data-filter-table="geo-states-year"] tbody[data-filtered]'));
      expect(await sortedAscending()).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('follows, without JavaScript, the order every header with aria-sort states', async () => {
    const pages = onePerTemplate(builtPages(builds.dist)).concat(
      builtPages(builds.dist)
        .filter((p) => /^\/vendedores\/v/.test(p))
        .slice(0, 1),
    );
    let stated = 0;
    const problems = await checkPages(browser, pages, { viewport: DESKTOP, javaScriptEnabled: false }, async (page, path) => {
      await page.goto(`${server.url}${path}`);
      const tables = await page.$$eval('table.data-table', (ts) =>
        (ts as HTMLTableElement[]).flatMap((t) => {
          const th = t.querySelector<HTMLElement>('thead th[aria-sort]');
          if (!th) return [];
          const i = [...th.parentElement!.children].indexOf(th);
          const rows = [...t.querySelectorAll<HTMLElement>('tbody tr:not([data-pinned])')].map((tr) => tr.children[i] as HTMLElement);
          return [
            {
              caption: (t.caption?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
              direction: th.getAttribute('aria-sort'),
              text: th.dataset.sortKind === 'text',
              keys: rows.map((cell) => (th.dataset.sortKind === 'text' ? (cell.textContent ?? '').trim() : (cell.dataset.sort ?? ''))),
            },
          ];
        }),
      );
      stated += tables.length;
      const collator = new Intl.Collator('pt-BR', { numeric: true, sensitivity: 'base' });
      return tables.flatMap(({ caption, direction, text, keys }) => {
        const present = keys.filter((k) => k !== '' && k !== '—');
        // missing values last
        if (keys.slice(0, present.length).some((k) => k === '' || k === '—')) return [`"${caption}": a missing value before the last rows`];
        const sign = direction === 'ascending' ? 1 : -1;
        const out = present.findIndex((k, j) => j > 0 && sign * (text ? collator.compare(present[j - 1]!, k) : Number(present[j - 1]) - Number(k)) > 0);
        return out > 0 ? [`"${caption}": row ${out + 1} breaks the ${direction} order its header states`] : [];
      });
    });
    expect(problems, problems.join('\n')).toEqual([]);
    expect(stated).toBeGreaterThan(20);
  });

  it('cuts no table off at 1440 px: a table wider than its column scrolls inside its region, with the shadow cue', async () => {
    const problems = await checkPages(browser, builtPages(builds.dist), { viewport: DESKTOP }, async (page, path) => {
      await page.goto(`${server.url}${path}`);
      // Tables in closed sections are measured too.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      return page.evaluate(() => {
        const found: string[] = [];
        const main = document.querySelector('main')!.getBoundingClientRect();
        if (document.documentElement.scrollWidth > window.innerWidth) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
        for (const table of document.querySelectorAll<HTMLTableElement>('main table')) {
          const caption = (table.caption?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
          const region = table.closest<HTMLElement>('.table-scroll');
          if (!region) {
            found.push(`"${caption}" is in no scroll region`);
            continue;
          }
          const box = region.getBoundingClientRect();
          if (box.right > main.right + 1) found.push(`"${caption}" reaches past the page's column (${Math.round(box.right)} > ${Math.round(main.right)})`);
          if (region.scrollWidth > region.clientWidth + 1) {
            const style = getComputedStyle(region);
            if (!['auto', 'scroll'].includes(style.overflowX)) found.push(`"${caption}" overflows a region that does not scroll`);
            if (!style.backgroundImage.includes('radial-gradient')) found.push(`"${caption}" scrolls with no cue`);
          }
        }
        return found;
      });
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
