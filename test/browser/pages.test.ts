import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { brazilianBrl as brl, brazilianCount as count, brazilianMonth, brazilianShare as share, queryMarts } from './martsQuery.ts';
import { HOSTILE_NAME, browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

// Collapses layout whitespace but keeps the no-break spaces Intl puts in "R$ 1,00".
const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .textContent()
    .then((t) => (t ?? '').replace(/[ \t\r\n]+/g, ' ').trim());

describe.skipIf(!browserSuiteRuns())('the report pages agree with the marts they were built from', () => {
  let builds: SiteBuilds;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const marts = (sql: string) => queryMarts(builds.martsDir, sql);

  beforeAll(async () => {
    builds = siteBuilds();
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
    // Static HTML only: what a reader sees with JavaScript off, and what prints.
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('describes the last complete month on the overview cards, with its revenue to the cent', async () => {
    const [headline] = await marts(
      `select month::varchar as month, revenue, gross_margin from kpis_monthly where not is_partial_month order by month desc limit 1`,
    );
    await page.goto(`${server.url}/`);
    expect(await text(page, '#cards-title')).toBe(`Indicadores de ${brazilianMonth(String(headline!.month))}`);
    const cards = page.locator('.kpi-cards > li');
    expect(await cards.count()).toBe(headline!.gross_margin === null ? 8 : 9);
    expect(await text(page, '.kpi-cards > li:first-child')).toContain(brl(headline!.revenue));
    // Two comparisons per card: the previous month and the same month a year before.
    expect(await page.locator('.kpi-cards > li:first-child .kpi-changes li').count()).toBe(2);
    expect(await page.locator('.kpi-spark svg').count()).toBeGreaterThanOrEqual(8);
  });

  it('projects the month still running and states the rule', async () => {
    const [partial] = await marts(`select month::varchar as month, revenue from kpis_monthly where is_partial_month`);
    await page.goto(`${server.url}/`);
    if (!partial) {
      expect(await page.locator('#partial-title').count()).toBe(0);
      return;
    }
    expect(await text(page, '#partial-title')).toContain(brazilianMonth(String(partial.month)));
    const section = await text(page, 'section[aria-labelledby="partial-title"]');
    expect(section).toContain('Regra da projeção');
    expect(section).toContain('dias úteis');
  });

  it('compares the year to date with the sum of the sellers revenue targets', async () => {
    const [ytd] = await marts(`
      with headline as (select max(month) as month from kpis_monthly where not is_partial_month)
      select sum(revenue_target) as target, sum(revenue) filter (where revenue_target is not null) as revenue
      from sellers_monthly, headline
      where year(sellers_monthly.month) = year(headline.month) and sellers_monthly.month <= headline.month`);
    await page.goto(`${server.url}/`);
    const section = await text(page, 'section[aria-labelledby="ytd-title"]');
    expect(section).toContain(brl(ytd!.revenue));
    expect(section).toContain(share(Number(ytd!.revenue) / Number(ytd!.target)));
  });

  it('lists the customers at risk or inactive with the most revenue at stake first, 50 at most', async () => {
    const [totals] = await marts(`select count(*) as n from customers where status in ('at_risk', 'inactive')`);
    const [top] = await marts(`
      select name from customers where status in ('at_risk', 'inactive')
      order by coalesce(window_revenue, 0) desc, revenue desc, customer_id limit 1`);
    await page.goto(`${server.url}/carteira/`);
    const table = page.locator('section[aria-labelledby="slowing-title"] table');
    expect(await table.locator('tbody tr').count()).toBe(Math.min(50, Number(totals!.n)));
    expect(await text(page, 'section[aria-labelledby="slowing-title"] tbody tr:first-child td:first-child')).toBe(top!.name);
  });

  it('draws all 25 R × F cells with their counts and states the real share of the top 20%', async () => {
    const [champions] = await marts(`select count(*) as n from customers where r_score = 5 and f_score = 5`);
    const [pareto] = await marts(`select cum_revenue_share from pareto where pct_customers = 20`);
    await page.goto(`${server.url}/segmentacao/`);
    const grid = page.locator('figure.chart').first().locator('.chart-wide svg');
    expect(await grid.locator('g[aria-label="cell"] rect').count()).toBe(25);
    expect(await grid.locator('text').allTextContents()).toContain(count(champions!.n));
    expect(await text(page, 'section[aria-labelledby="pareto-title"] .highlight')).toContain(share(pareto!.cum_revenue_share));
  });

  it.runIf(!process.env.CARTEIRA_DIST)('shows a customer name with markup in it as plain text', async () => {
    await page.goto(`${server.url}/segmentacao/`);
    // The ranking of the biggest customers: position, then the name.
    const cell = page.locator('section[aria-labelledby="abc-title"] .table-scroll').last().locator('tbody tr:first-child td').nth(1);
    expect(await cell.textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('main script, main b, main img').count()).toBe(0);
  });

  it('shows at most 24 cohorts in the retention matrix and says when there are more', async () => {
    const [cohorts] = await marts(`select count(distinct cohort_month) as n from cohorts where months_since >= 1 and not is_partial_month`);
    await page.goto(`${server.url}/coortes/`);
    const rows = await page.locator('figure.chart').first().locator('.chart-wide svg g[aria-label="y-axis tick label"] text').count();
    expect(rows).toBe(Math.min(24, Number(cohorts!.n)));
    if (Number(cohorts!.n) > 24) expect(await text(page, 'main')).toContain('as 24 coortes mais recentes');
    // The average curve's summary states month 1 as cohort_retention_curve has it.
    const [first] = await marts(`select retention_pct from cohort_retention_curve where months_since = 1 and has_enough_cohorts`);
    if (first) expect(await text(page, 'main')).toContain(`mês 1, ${Math.round(Number(first.retention_pct))}%`);
  });

  it('adds up the monthly value of the contracts due in the next 90 days', async () => {
    const [due] = await marts(`select count(*) as n, sum(monthly_value) as value from renewals where renewal_status = 'due' and days_to_end between 0 and 90`);
    await page.goto(`${server.url}/renovacoes/`);
    const section = page.locator('section[aria-labelledby="due-title"]');
    expect(await section.locator('.cards > li').count()).toBe(3);
    expect(await section.locator('table tbody tr').count()).toBe(Number(due!.n));
    expect(await text(page, 'section[aria-labelledby="due-title"] caption')).toContain(brl(due!.value));
  });

  it('lists the canceled and returned orders of each year, left out of revenue, to the cent', async () => {
    const years = await marts(
      `select canceled_orders, canceled_value, returned_orders, returned_value from kpis_periods where period_type = 'year' order by period_start desc`,
    );
    await page.goto(`${server.url}/periodos/`);
    const section = page.locator('section[aria-labelledby="losses-title"]');
    if (!years.some((y) => Number(y.canceled_orders) > 0 || Number(y.returned_orders) > 0)) {
      expect(await text(page, 'section[aria-labelledby="losses-title"]')).toContain('Nenhum pedido cancelado ou devolvido');
      return;
    }
    const rows = section.locator('table').first().locator('tbody tr');
    expect(await rows.count()).toBe(years.length);
    for (const [i, year] of years.entries()) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
      expect(cells).toEqual([count(year.canceled_orders), brl(year.canceled_value), count(year.returned_orders), brl(year.returned_value)]);
    }
  });

  it.runIf(!process.env.CARTEIRA_DIST)('without a marketing spend file, shows no CAC: no LTV/CAC card, no CAC column, a notice naming the file', async () => {
    const without = await serveStatic(builds.thinDist!);
    try {
      await page.goto(`${without.url}/`);
      expect(await page.locator('.card', { hasText: 'Faturamento' }).count()).toBeGreaterThan(0);
      expect(await page.locator('.card', { hasText: 'LTV/CAC' }).count()).toBe(0);
      await page.goto(`${without.url}/periodos/`);
      expect((await page.locator('main .notice').allTextContents()).join(' ')).toContain('marketing_spend.csv');
      expect(await page.locator('.card', { hasText: 'CAC' }).count()).toBe(0);
      const headers = await page.locator('main table thead th').allTextContents();
      expect(headers.some((h) => h.includes('Churn'))).toBe(true);
      expect(headers.filter((h) => h.includes('CAC'))).toEqual([]);
    } finally {
      await without.close();
    }
  });

  it.runIf(!process.env.CARTEIRA_DIST)('names contratos.csv on the renewals page when there was no contracts file', async () => {
    const without = await serveStatic(builds.thinDist!);
    try {
      await page.goto(`${without.url}/renovacoes/`);
      expect(await text(page, 'main .notice')).toContain('contratos.csv');
      expect(await page.locator('figure.chart').count()).toBe(0);
    } finally {
      await without.close();
    }
  });
});
