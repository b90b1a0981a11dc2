import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, launchBrowser, tableRows, visit } from './browser.ts';
import { brazilianBrl, listedCustomerNames, queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';
import { RESERVED_SLUGS } from '../../src/lib/sellerSlugs.ts';

// Expected texts are formatted here with Intl directly, not with the site's locale module.
const brl = (value: number): string => brazilianBrl(value).replace(/\s/g, ' ');
const percent = (value: number): string => `${new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
const text = async (page: Page, selector: string): Promise<string[]> =>
  (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

describe.skipIf(!browserSuiteRuns())('the seller, geography and ticket pages built from the demo data', () => {
  let builds: SiteBuilds;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  /** The last complete month of the marts, e.g. "2026-10-01". */
  let lastMonth: string;

  beforeAll(async () => {
    builds = siteBuilds();
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
    const [row] = await queryMarts(builds.martsDir, 'select max(month)::varchar as month from sellers_monthly where not is_partial_month');
    lastMonth = String(row!.month);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string): Promise<Page> => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    expect(await visit(page, `${server.url}${path}`)).toEqual([]);
    return page;
  };

  it('builds one page per seller in the marts, each linked from /vendedores/', async () => {
    const rows = await queryMarts(
      builds.martsDir,
      `select seller_id from sellers_monthly where seller_id is not null
       union select seller_id from customers where seller_id is not null order by 1`,
    );
    const ids = rows.map((r) => String(r.seller_id));
    expect(ids.length).toBeGreaterThan(1);
    // The demo's codes are plain letters and digits, whose slug is the code in lowercase.
    expect(ids.every((id) => /^[A-Za-z0-9]+$/.test(id))).toBe(true);
    const expected = ids.map((id) => `/vendedores/${id.toLowerCase()}/`).sort();
    const sellerPage = (p: string) => /^\/vendedores\/[^/]+\/$/.test(p) && !RESERVED_SLUGS.has(p.split('/')[2]!);
    expect(builtPages(builds.dist).filter(sellerPage)).toEqual(expected);

    await open('/vendedores/');
    try {
      const links = await page.$$eval('main a[href]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect([...new Set(links.filter(sellerPage))].sort()).toEqual(expected);
    } finally {
      await page.close();
    }
  });

  it('narrows the seller rankings to the sellers whose name holds the text typed, accents and case aside, at phone width too', async () => {
    const names = (await queryMarts(builds.martsDir, `select name from sellers order by 1`)).map((r) => String(r.name));
    const fold = (t: string) =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    const counts = new Map<string, number>();
    const accented = new Set<string>();
    for (const name of names) {
      for (const word of new Set(name.toLowerCase().split(' '))) {
        counts.set(fold(word), (counts.get(fold(word)) ?? 0) + 1);
        if (fold(word) !== word) accented.add(fold(word));
      }
    }
    // The most shared word spelled with an accent in the data, typed without it and in capitals ("Gonçalves" as "GONCALVES").
    const [word] = [...counts.entries()]
      .filter(([w, n]) => accented.has(w) && n < names.length && w.length > 3)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      page = await browser.newPage({ viewport });
      try {
        expect(await visit(page, `${server.url}/vendedores/`)).toEqual([]);
        const caption = await page.locator('[data-search-scope] caption').first().textContent();
        const all = await tableRows(page, caption!.replace(/\s+/g, ' ').trim());
        // a phone folds the ranking to its first rows until the reader asks for all (or searches)
        const shown = await page.locator('[data-search-scope] table').first().locator('tbody tr:visible').count();
        expect(shown).toBe(viewport.width > 600 ? all.length : Math.min(all.length, 5));
        await page.fill('#busca-vendedores', word!.toUpperCase());
        const visible = (await page.locator('[data-search-scope] table').first().locator('tbody tr:visible').allTextContents()).map(fold);
        const expected = all.filter((row) => fold(row.join(' ')).includes(word!));
        expect(visible.length).toBe(expected.length);
        expect(visible.length).toBeGreaterThan(0);
        expect(visible.length).toBeLessThan(all.length);
        expect(visible.every((row) => row.includes(word!))).toBe(true);
        expect(await page.locator('[data-search-status]').textContent()).toBe(`${expected.length} de ${all.length} vendedores com “${word!.toUpperCase()}”.`);
        await page.fill('#busca-vendedores', '');
        expect(await page.locator('[data-search-scope] table').first().locator('tbody tr:visible').count()).toBe(shown);
      } finally {
        await page.close();
      }
    }
  });

  it("shows a seller's revenue, target and coverage of the last complete month as sellers_monthly has them", async () => {
    const [seller] = await queryMarts(
      builds.martsDir,
      `select sellers_monthly.seller_id, sellers.name, revenue::double as revenue, revenue_target::double as target, coverage_pct
       from sellers_monthly left join sellers using (seller_id)
       where month = '${lastMonth}' and sellers_monthly.seller_id is not null order by revenue desc, sellers_monthly.seller_id limit 1`,
    );
    await open(`/vendedores/${String(seller!.seller_id).toLowerCase()}/`);
    try {
      // named as in the sellers mart, the code when the sellers export has no name
      expect(await text(page, 'h1')).toEqual([String(seller!.name ?? seller!.seller_id)]);
      const summary = await tableRows(page, 'Resumo');
      const cell = (measure: string) => summary.find((r) => r[0] === measure)?.[1];
      expect(cell('Faturamento')).toBe(brl(Number(seller!.revenue)));
      if (seller!.target !== null) {
        expect(cell('Meta de faturamento')).toBe(brl(Number(seller!.target)));
        expect(cell('Atingimento da meta')).toBe(percent((Number(seller!.revenue) / Number(seller!.target)) * 100));
      }
      expect(cell('Positivação (em 12 meses, média mensal)')).toBe(percent(Number(seller!.coverage_pct)));
      const charts = await page.locator('figure.chart .chart-wide svg').count();
      expect(charts).toBeGreaterThanOrEqual(3);
    } finally {
      await page.close();
    }
  });

  it.runIf(!process.env.CARTEIRA_DIST)(
    'without a targets file, shows the sellers’ measures alone: no target rows, columns, legends or “0 bateram a meta”',
    async () => {
      const thin = await serveStatic(builds.thinDist!);
      page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      try {
        expect(await visit(page, `${thin.url}/vendedores/`)).toEqual([]);
        expect(await text(page, 'main .notice')).toContainEqual(expect.stringContaining('metas.csv'));
        expect((await text(page, '.card')).find((c) => c.startsWith('Vendedores ativos'))).toContain('sem arquivo de metas');
        const headers = await text(page, 'table:has(caption:text("último mês completo")) thead th');
        expect(headers.some((h) => h.startsWith('Faturamento'))).toBe(true);
        expect(headers.filter((h) => /Meta|Atingimento/.test(h))).toEqual([]);

        const [seller] = await queryMarts(builds.martsDir, 'select seller_id from sellers order by seller_id limit 1');
        expect(await visit(page, `${thin.url}/vendedores/${String(seller!.seller_id).toLowerCase()}/`)).toEqual([]);
        const titles = await text(page, 'figure.chart .chart-title');
        expect(titles).toContainEqual(expect.stringContaining('Faturamento por mês'));
        expect(titles).toContainEqual(expect.stringContaining('Positivação por mês'));
        expect(titles.join(' ')).not.toContain('e meta');
        const main = (await page.locator('main').textContent()) ?? '';
        expect(main).not.toContain('Sem meta');
        const measures = (await tableRows(page, 'Resumo')).map((r) => r[0]);
        expect(measures).toContain('Faturamento');
        expect(measures.filter((m) => /Meta|Atingimento/.test(m!))).toEqual([]);
      } finally {
        await page.close();
        await thin.close();
      }
    },
  );

  it("lists a seller's at-risk customers biggest 12-month revenue first, saying how many there are", async () => {
    const [top] = await queryMarts(
      builds.martsDir,
      `select seller_id, count(*)::integer as n from customers where status = 'at_risk' and seller_id is not null
       group by 1 order by n desc, seller_id limit 1`,
    );
    const expected = await queryMarts(
      builds.martsDir,
      `select customer_id, name, city, state from customers where status = 'at_risk' and seller_id = '${String(top!.seller_id)}'
       order by window_revenue desc nulls last, revenue desc nulls last, customer_id limit 20`,
    );
    expect(expected.length).toBeGreaterThan(0);
    await open(`/vendedores/${String(top!.seller_id).toLowerCase()}/`);
    try {
      const rows = await tableRows(page, 'Clientes em risco');
      expect(rows.map((r) => r[0])).toEqual(listedCustomerNames(expected));
      const caption = (await text(page, 'table.data-table caption')).find((c) => c.startsWith('Clientes em risco')) ?? '';
      if (Number(top!.n) > 20) expect(caption).toContain(`de ${top!.n} linhas`);
    } finally {
      await page.close();
    }
  });

  it('recomputes team coverage from the sums of buyers and portfolios, not from the sellers’ percentages', async () => {
    const [total] = await queryMarts(
      builds.martsDir,
      `select sum(portfolio_buying_customers) * 100.0 / sum(portfolio_customers) as coverage
       from sellers_monthly where month = '${lastMonth}'`,
    );
    await open('/vendedores/');
    try {
      const teams = await tableRows(page, 'Equipes em');
      const totalRow = teams.find((r) => r[0] === 'Total')!;
      expect(totalRow).toBeDefined();
      expect(totalRow).toContain(percent(Number(total!.coverage)));
    } finally {
      await page.close();
    }
  });

  it("draws the 27 UFs on the map and shows each state's 12-month revenue as the geography mart sums it", async () => {
    const states = await queryMarts(
      builds.martsDir,
      `select state, state_name, sum(revenue)::double as revenue from geography
       where state is not null and month > date '${lastMonth}' - interval 12 month and month <= date '${lastMonth}'
       group by all order by revenue desc`,
    );
    await open('/geografia/');
    try {
      expect(await page.locator('.geo-main svg.brazil-map').first().locator('path[data-uf]').count()).toBe(27);
      expect(await page.locator('main').textContent()).toContain('CC BY 4.0');
      const rows = await tableRows(page, 'Por UF, últimos 12 meses');
      for (const state of states.slice(0, 5)) {
        const row = rows.find((r) => r[0] === `${state.state_name} (${state.state})`);
        expect(row?.[2], String(state.state)).toBe(brl(Number(state.revenue)));
      }
    } finally {
      await page.close();
    }
  });

  it('gives the 12-month ticket as the months’ revenue summed ÷ their orders summed', async () => {
    const [year] = await queryMarts(
      builds.martsDir,
      `select sum(revenue)::double / sum(orders) as ticket from kpis_monthly
       where month > date '${lastMonth}' - interval 12 month and month <= date '${lastMonth}'`,
    );
    await open('/ticket-medio/');
    try {
      const cards = await text(page, '.card');
      expect(cards.find((c) => c.startsWith('Últimos 12 meses'))).toContain(brl(Number(year!.ticket)));
      expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(6);
    } finally {
      await page.close();
    }
  });
});
