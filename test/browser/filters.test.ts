import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { brazilianBrl as brl, brazilianCount as count, brazilianMonth, brazilianShare as share, queryMarts } from './martsQuery.ts';
import { HOSTILE_NAME, browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';

/** "1.234 pedidos", "1 pedido", as the pages count orders. */
const orders = (n: unknown) => `${count(n)} ${Number(n) === 1 ? 'pedido' : 'pedidos'}`;
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

// Expected text is formatted here with Intl and worked out with SQL over the Parquet marts, never with the
// site's own locale module or aggregation code.
const compact = (value: unknown) =>
  new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(
    Number(value),
  );

const MISSING = '—';
const orMissing = (value: unknown, format: (v: unknown) => string): string => (value === null || value === undefined ? MISSING : format(value));
const ratio = (a: unknown, b: unknown): number | null => (Number(b) === 0 ? null : Number(a) / Number(b));
const points = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A card's change line as the page words it: "▲ +3,2% vs out/2026", "−1,4 p.p. vs nov/2025" or "estável vs …". */
function changeText(current: number | null, reference: number | null, referenceIso: string, kind: 'relative' | 'points', scale = 1): string {
  if (current === null || reference === null || (kind === 'relative' && reference === 0)) return `sem dado de ${brazilianMonth(referenceIso)}`;
  const delta = kind === 'relative' ? (current - reference) / Math.abs(reference) : (current - reference) * scale;
  const text = kind === 'relative' ? share(Math.abs(delta)) : `${points.format(Math.abs(delta))} p.p.`;
  const flat = text === (kind === 'relative' ? share(0) : `${points.format(0)} p.p.`);
  const [arrow, sign] = flat ? ['■', ''] : delta > 0 ? ['▲', '+'] : ['▼', '−'];
  return `${arrow} ${flat ? 'estável' : `${sign}${text}`} vs ${brazilianMonth(referenceIso)}`;
}

/**
 * kpis_monthly's figures for the customers of one cut, month by month, worked out from the marts the page
 * never reads for them: sales_cube for the sales (orders counted once each) and customer_status_monthly
 * with the customers mart for the counts (each customer by its own seller, UF and segment).
 */
const cutMonthsSql = (where: string) => `
  with months as (select month, is_partial_month from kpis_monthly),
  sales as (
    select month, sum(revenue) as revenue, sum(orders_by_main_category) as orders,
           case when count(*) = count(gross_margin) then sum(gross_margin) end as margin
    from sales_cube where ${where} group by 1),
  counts as (
    select m.month,
           count(*) filter (where m.is_in_active_portfolio) as active,
           count(*) filter (where m.was_in_active_portfolio) as active_start,
           count(*) filter (where m.was_in_active_portfolio and not m.is_in_active_portfolio) as churned,
           count(*) filter (where m.status_start = 'prospect') as new,
           count(*) filter (where m.was_in_working_portfolio) as portfolio,
           count(*) filter (where m.was_in_working_portfolio and m.bought_in_month) as portfolio_buying
    from customer_status_monthly m join customers using (customer_id) where ${where} group by 1)
  select months.month::varchar as month, months.is_partial_month as partial,
         coalesce(revenue, 0) as revenue, coalesce(orders, 0) as orders, margin,
         round(revenue / nullif(orders, 0), 2) as ticket,
         coalesce(active, 0) as active, coalesce(active_start, 0) as active_start, coalesce(churned, 0) as churned,
         coalesce(new, 0) as new, coalesce(portfolio, 0) as portfolio, coalesce(portfolio_buying, 0) as portfolio_buying
  from months left join sales using (month) left join counts using (month) order by 1`;

/** Every card's and every month-table cell's text on Visão geral. */
const overviewFigures = (page: Page) =>
  page.evaluate(() => ({
    cards: Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('li[data-kpi]')].map((card) => [
        card.dataset.kpi,
        {
          value: card.querySelector('.card-value')?.textContent?.trim(),
          note: card.querySelector('.card-note')?.textContent?.trim(),
          changes: [...card.querySelectorAll('.kpi-changes li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
        },
      ]),
    ),
    table: [...document.querySelectorAll('[data-filter-table="overview-months"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
    ),
  }));

/** The <title> texts of a chart's marks in its wide version, in document order. */
const markTitles = (page: Page, chartId: string) =>
  page.locator(`#${chartId}-title`).locator('xpath=ancestor::figure').locator('.chart-wide svg title').allTextContents();

/** Waits until the chart has been redrawn by the filters (or put back, with `filtered` false). */
const redrawn = (page: Page, chartId: string, filtered = true) =>
  page.waitForFunction(([id, want]) => document.getElementById(`${id}-title`)?.closest('figure')?.hasAttribute('data-filtered') === want, [
    chartId,
    filtered,
  ] as const);

describe.skipIf(!browserSuiteRuns())('the sales filters, in Chromium', () => {
  let builds: SiteBuilds;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** Paths of the JSON files the page fetched. */
  let fetched: string[];
  const marts = (sql: string) => queryMarts(builds.martsDir, sql);

  beforeAll(async () => {
    builds = siteBuilds();
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * A fresh desktop page recording console errors, page errors and failed requests into `problems`, in
   * Brazilian time: a month read in local time instead of UTC would show as the month before.
   */
  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'America/Sao_Paulo' });
    page = await context.newPage();
    fetched = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.json')) fetched.push(path);
    });
    problems = await visit(page, `${server.url}${path}`);
    return page;
  }

  /** Closes the page and fails on anything it logged as an error after the interaction. */
  async function closeClean(): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.context().close();
    expect(problems, problems.join('\n')).toEqual([]);
  }

  it('hides the filter bar without JavaScript, where it could not re-aggregate anything', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const staticPage = await context.newPage();
      await staticPage.goto(`${server.url}/`);
      expect(await staticPage.locator('form.filter-bar').count()).toBe(1);
      expect(await staticPage.locator('form.filter-bar').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('fetches the sales data and Plot only when a filter is first used', async () => {
    const requests: string[] = [];
    page = await (await browser.newContext()).newPage();
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    problems = await visit(page, `${server.url}/`);
    await page.waitForLoadState('networkidle');
    const scripts = requests.filter((path) => path.endsWith('.js'));
    expect(requests.filter((path) => path.endsWith('.json'))).toEqual([]);
    expect(scripts.length, scripts.join(', ')).toBeLessThanOrEqual(1);
    await page.selectOption('#filtro-periodo', '12m');
    await redrawn(page, 'chart-faturamento-por-mes');
    // Without a seller in the filter, the overview needs only the sales summed over sellers.
    expect(requests.filter((path) => path.endsWith('.json'))).toEqual(['/filtros/vendas-total.json']);
    expect(requests.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(scripts.length);
    await closeClean();
  });

  it('redraws the overview revenue trend for a seller with the revenue the marts give each month, and puts the seller in the URL', async () => {
    const [top] = await marts(`select seller_id from sales_cube where seller_id is not null group by 1 order by sum(revenue) desc, 1 limit 1`);
    const seller = String(top!.seller_id);
    const months = await marts(`
      select k.month::varchar as month, k.is_partial_month as partial, coalesce(sum(c.revenue), 0) as revenue
      from kpis_monthly k left join sales_cube c on c.month = k.month and c.seller_id = '${seller.replace(/'/g, "''")}'
      group by all order by 1`);
    await open('/');
    const before = await markTitles(page, 'chart-faturamento-por-mes');
    await page.selectOption('#filtro-vendedor', seller);
    await redrawn(page, 'chart-faturamento-por-mes');

    const titles = await markTitles(page, 'chart-faturamento-por-mes');
    expect(titles).not.toEqual(before);
    expect(titles).toEqual(months.map((m) => `${brazilianMonth(String(m.month))}${m.partial ? ' (parcial)' : ''} · Faturamento: ${brl(m.revenue)}`));
    const lastComplete = months.filter((m) => !m.partial).at(-1)!;
    const summary = await page.locator('#chart-faturamento-por-mes-summary').textContent();
    expect(summary).toContain(`${brazilianMonth(String(lastComplete.month))} fechou em ${compact(lastComplete.revenue)}`);
    expect(new URL(page.url()).searchParams.get('vendedor')).toBe(seller);
    expect(await page.locator('[data-filter-status]').textContent()).toContain('Vendedor:');
    // That seller's own file, not the cube of every seller.
    expect(fetched).toEqual([`/filtros/vendedores/${seller.toLowerCase()}.json`]);
    await closeClean();
  });

  it('opens a shared Ticket médio link with its region filter applied to the trend and the cuts', async () => {
    const [region] = await marts(`select region from sales_cube where region is not null group by 1 order by sum(revenue) desc limit 1`);
    const key = String(region!.region);
    // The cuts cover the last 12 complete months; orders_by_main_category counts each order once.
    const window = `month between (select max(month) - interval 11 month from kpis_monthly where not is_partial_month)
                                and (select max(month) from kpis_monthly where not is_partial_month)`;
    const segments = await marts(`
      select coalesce(segment, 'Não informado') as segment, sum(revenue) as revenue, sum(orders_by_main_category) as orders
      from sales_cube where region = '${key}' and ${window} group by all order by sum(revenue) desc`);
    const [latest] = await marts(`
      select month::varchar as month, sum(revenue) / sum(orders_by_main_category) as ticket from sales_cube
      where region = '${key}' and not is_partial_month group by 1 order by 1 desc limit 1`);

    await open(`/ticket-medio/?regiao=${key}`);
    await redrawn(page, 'chart-ticket-segmento');
    expect(await page.locator('#filtro-local').inputValue()).toBe(`regiao:${key}`);
    const bars = await markTitles(page, 'chart-ticket-segmento');
    const expected = segments.map((s) => `${s.segment}: ${brl(Number(s.revenue) / Number(s.orders))} (${brl(s.revenue)} em ${orders(s.orders)})`);
    expect([...bars].sort()).toEqual([...expected].sort());
    const trend = await markTitles(page, 'chart-ticket-por-mes');
    expect(trend.at(-1)).toBe(`${brazilianMonth(String(latest!.month))}: ${brl(latest!.ticket)}`);
    // The cut by seller needs every seller's cells.
    expect(fetched).toEqual(['/filtros/vendas.json']);

    // Adding the region's biggest seller: that seller's own file answers every cut.
    const [top] = await marts(`select seller_id from sales_cube where region = '${key}' and seller_id is not null and ${window}
      group by 1 order by sum(revenue) desc, 1 limit 1`);
    const seller = String(top!.seller_id);
    const sellerSegments = await marts(`
      select coalesce(segment, 'Não informado') as segment, sum(revenue) as revenue, sum(orders_by_main_category) as orders
      from sales_cube where region = '${key}' and seller_id = '${seller}' and ${window} group by all`);
    const before = await markTitles(page, 'chart-ticket-segmento');
    await page.selectOption('#filtro-vendedor', seller);
    await page.waitForFunction(
      (old) =>
        [...(document.getElementById('chart-ticket-segmento-title')?.closest('figure')?.querySelectorAll('.chart-wide svg title') ?? [])]
          .map((t) => t.textContent)
          .join('|') !== old,
      before.join('|'),
    );
    const sellerBars = await markTitles(page, 'chart-ticket-segmento');
    expect([...sellerBars].sort()).toEqual(
      sellerSegments.map((s) => `${s.segment}: ${brl(Number(s.revenue) / Number(s.orders))} (${brl(s.revenue)} em ${orders(s.orders)})`).sort(),
    );
    expect(fetched).toEqual(['/filtros/vendas.json', `/filtros/vendedores/${seller.toLowerCase()}.json`]);
    await closeClean();
  });

  it('filters the Geografia revenue map by segment and calendar year, UF by UF', async () => {
    const [year] = await marts(`select year(max(month)) - 1 as year from kpis_monthly where not is_partial_month`);
    const [segment] = await marts(`select segment from sales_cube where segment is not null group by 1 order by sum(revenue) desc limit 1`);
    const states = await marts(`
      select state, sum(revenue) as revenue from sales_cube
      where segment = '${String(segment!.segment).replace(/'/g, "''")}' and year(month) = ${year!.year} and state is not null
      group by 1 having sum(revenue) > 0 order by 1`);

    await open(`/geografia/?segmento=${encodeURIComponent(String(segment!.segment))}&periodo=${year!.year}`);
    await redrawn(page, 'chart-faturamento-por-uf');
    expect(await page.locator('#chart-faturamento-por-uf-title').textContent()).toContain(`jan/${year!.year} a dez/${year!.year}`);
    const titles = await markTitles(page, 'chart-faturamento-por-uf');
    // "São Paulo (SP): R$ 1.234,56" → "SP: R$ 1.234,56", so the UF names need not be looked up here.
    const valued = titles.filter((t) => !t.includes('sem dados')).map((t) => t.replace(/^.* \((\w\w)\): /, '$1: '));
    expect(valued.sort()).toEqual(states.map((s) => `${s.state}: ${brl(s.revenue)}`));
    await closeClean();
  });

  it('filters every card and every cell of the Visão geral month table to a region, then a segment, and Back undoes each step', async () => {
    const [region] = await marts(`select region from sales_cube where region is not null group by 1 order by sum(revenue) desc limit 1`);
    const key = String(region!.region);
    const [segment] = await marts(
      `select segment from sales_cube where region = '${key}' and segment is not null group by 1 order by sum(revenue) desc limit 1`,
    );
    const segmentKey = String(segment!.segment).replace(/'/g, "''");
    const regionMonths = await marts(cutMonthsSql(`region = '${key}'`));
    const bothMonths = await marts(cutMonthsSql(`region = '${key}' and segment = '${segmentKey}'`));

    /** What the cards and the table must say for a cut, from its months. */
    const expected = (months: Record<string, unknown>[]) => {
      const at = (offset: number) => months[months.map((m) => !m.partial).lastIndexOf(true) + offset];
      const [h, prev, yearAgo] = [at(0)!, at(-1), at(-12)];
      const n = (row: Record<string, unknown> | undefined, key: string) => (row ? Number(row[key]) : null);
      const coverage = (row?: Record<string, unknown>) => (row ? ratio(row.portfolio_buying, row.portfolio) : null);
      const churn = (row?: Record<string, unknown>) => (row ? ratio(row.churned, row.active_start) : null);
      const margin = (row?: Record<string, unknown>) => (row && row.margin !== null ? ratio(row.margin, row.revenue) : null);
      const month = (offset: number) => {
        const d = new Date(`${String(h.month)}T00:00:00Z`);
        d.setUTCMonth(d.getUTCMonth() + offset);
        return d.toISOString().slice(0, 10);
      };
      const changes = (value: (row?: Record<string, unknown>) => number | null, kind: 'relative' | 'points', scale = 1) => [
        changeText(value(h), value(prev), month(-1), kind, scale),
        changeText(value(h), value(yearAgo), month(-12), kind, scale),
      ];
      const cards: Record<string, { value: string; note: string; changes: string[] }> = {
        revenue: { value: compact(h.revenue), note: brl(h.revenue), changes: changes((r) => n(r, 'revenue'), 'relative') },
        active: { value: count(h.active), note: 'carteira ativa no fim do mês', changes: changes((r) => n(r, 'active'), 'relative') },
        coverage: {
          value: orMissing(coverage(h), share),
          note: `${count(h.portfolio_buying)} de ${count(h.portfolio)} clientes da carteira compraram`,
          changes: changes((r) => (coverage(r) === null ? null : coverage(r)! * 100), 'points'),
        },
        ticket: {
          value: orMissing(h.ticket, brl),
          note: `${count(h.orders)} ${Number(h.orders) === 1 ? 'pedido faturado' : 'pedidos faturados'}`,
          changes: changes((r) => (r?.ticket == null ? null : Number(r.ticket)), 'relative'),
        },
        churn: {
          value: orMissing(churn(h), share),
          note: `${count(h.churned)} de ${count(h.active_start)} clientes ativos no início saíram`,
          changes: changes(churn, 'points', 100),
        },
        margin: {
          value: orMissing(margin(h), share),
          note: h.margin === null ? '' : `${compact(h.margin)} sobre o faturamento`,
          changes: changes(margin, 'points', 100),
        },
      };
      const table = [...months]
        .reverse()
        .slice(0, 13)
        .map((m) => [
          `${brazilianMonth(String(m.month))}${m.partial ? ' (parcial)' : ''}`,
          brl(m.revenue),
          count(m.orders),
          orMissing(m.ticket, brl),
          count(m.active),
          orMissing(coverage(m), share),
          orMissing(churn(m), share),
          count(m.new),
        ]);
      return { cards, table };
    };
    const check = async (months: Record<string, unknown>[]) => {
      const want = expected(months);
      const shown = await overviewFigures(page);
      expect(Object.keys(shown.cards)).toEqual(expect.arrayContaining(['revenue', 'active', 'coverage', 'ticket', 'churn', 'margin']));
      for (const [kpi, card] of Object.entries(want.cards)) if (shown.cards[kpi]) expect(shown.cards[kpi], kpi).toEqual(card);
      expect(shown.table).toEqual(want.table);
    };
    const revenueCard = () => page.locator('li[data-kpi="revenue"] .card-value').textContent();
    const fixedMark = { isVisible: () => page.locator('li[data-kpi="ltv"] [data-filter-fixed]').isVisible() };

    await open('/');
    const company = await overviewFigures(page);
    expect(await fixedMark.isVisible()).toBe(false);

    await page.selectOption('#filtro-local', `regiao:${key}`);
    await page.waitForSelector('li[data-kpi="revenue"][data-filtered]', { state: 'attached' });
    await check(regionMonths);
    expect(await fixedMark.isVisible()).toBe(true);
    expect(await overviewFigures(page)).not.toEqual(company);

    await page.selectOption('#filtro-segmento', String(segment!.segment));
    await expect.poll(revenueCard).toBe(expected(bothMonths).cards.revenue!.value);
    await check(bothMonths);

    // A reload keeps the filter of the URL.
    await page.reload();
    await page.waitForSelector('li[data-kpi="revenue"][data-filtered]', { state: 'attached' });
    await check(bothMonths);

    await page.goBack();
    await expect.poll(revenueCard).toBe(expected(regionMonths).cards.revenue!.value);
    await check(regionMonths);
    expect(await page.locator('#filtro-segmento').inputValue()).toBe('');
    await page.goBack();
    await page.waitForSelector('li[data-kpi="revenue"]:not([data-filtered])', { state: 'attached' });
    expect(await overviewFigures(page)).toEqual(company);
    expect(await fixedMark.isVisible()).toBe(false);
    expect(new URL(page.url()).search).toBe('');
    await closeClean();
  });

  it('redraws every Geografia chart, card and table for a seller, and Back puts the company back', async () => {
    const window = `month between (select max(month) - interval 11 month from kpis_monthly where not is_partial_month)
                                and (select max(month) from kpis_monthly where not is_partial_month)`;
    const [top] = await marts(`select seller_id from sales_cube where seller_id is not null group by 1 order by sum(revenue) desc, 1 limit 1`);
    const seller = String(top!.seller_id);
    const regions = await marts(`select region, sum(revenue) as revenue from sales_cube
      where seller_id = '${seller}' and region is not null and ${window} group by 1 having sum(revenue) <> 0`);
    const [total] = await marts(`select sum(revenue) as revenue from sales_cube where seller_id = '${seller}' and ${window}`);
    // The UFs of the seller's sales in 12 months, biggest first, with their orders; and the seller's own
    // customers active at the end of the last complete month, UF by UF.
    const states = await marts(`select state, sum(revenue) as revenue, sum(orders_by_main_category) as orders from sales_cube
      where seller_id = '${seller}' and state is not null and ${window} group by 1 order by 2 desc`);
    const active = await marts(`select state, count(*) as customers from customer_status_monthly join customers using (customer_id)
      where customers.seller_id = '${seller}' and is_in_active_portfolio and state is not null
        and month = (select max(month) from kpis_monthly where not is_partial_month)
      group by 1 order by 1`);
    const yearTable = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-filter-table="geo-states-year"] tbody tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()),
        ),
      );

    await open('/geografia/');
    const company = await yearTable();
    expect(await page.locator('[data-filter-fixed]').count()).toBe(0);
    await page.selectOption('#filtro-vendedor', seller);
    await redrawn(page, 'chart-faturamento-por-regiao');
    // "Sudeste: R$ 1.234,56": the amounts, region by region (the names come from the labels mart).
    const amounts = (await markTitles(page, 'chart-faturamento-por-regiao')).map((t) => t.slice(t.indexOf(': ') + 2));
    expect(amounts.sort()).toEqual(regions.map((r) => brl(r.revenue)).sort());
    await redrawn(page, 'chart-ativos-por-uf');
    const activeTitles = (await markTitles(page, 'chart-ativos-por-uf')).filter((t) => !t.includes('sem dados'));
    expect(activeTitles.map((t) => t.replace(/^.* \((\w\w)\): /, '$1: ')).sort()).toEqual(
      active.map((a) => `${a.state}: ${count(a.customers)} ${Number(a.customers) === 1 ? 'cliente' : 'clientes'}`),
    );
    expect(await page.locator('[data-geo-card="revenue"] .card-value').textContent()).toBe(compact(total!.revenue));

    // The 12-month table by UF: the seller's UFs first, biggest revenue first, with its orders.
    const rows = await yearTable();
    const withSales = rows.slice(0, states.length);
    expect(withSales.map((r) => [r[0]!.replace(/^.* \((\w\w)\)$/, '$1'), r[2], r[4]])).toEqual(states.map((s) => [s.state, brl(s.revenue), count(s.orders)]));
    expect(rows).not.toEqual(company);

    await page.goBack();
    await redrawn(page, 'chart-faturamento-por-regiao', false);
    expect(await yearTable()).toEqual(company);
    await closeClean();
  });

  it('works from the keyboard: Tab to the period, an arrow key to change it, Tab to the reset button and Enter', async () => {
    const [counts] = await marts(`select count(*) as months from kpis_monthly`);
    await open('/');
    for (let i = 0; i < 300 && (await page.evaluate(() => document.activeElement?.id)) !== 'filtro-periodo'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filtro-periodo');
    await page.keyboard.press('ArrowDown');
    await redrawn(page, 'chart-faturamento-por-mes');
    expect(new URL(page.url()).searchParams.get('periodo')).toBe('12m');
    expect(await markTitles(page, 'chart-faturamento-por-mes')).toHaveLength(12);

    for (const id of ['filtro-local', 'filtro-vendedor', 'filtro-segmento']) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Limpar filtros');
    await page.keyboard.press('Enter');
    await redrawn(page, 'chart-faturamento-por-mes', false);
    expect(new URL(page.url()).search).toBe('');
    expect(await markTitles(page, 'chart-faturamento-por-mes')).toHaveLength(Number(counts!.months));
    expect(await page.locator('[data-filter-status]').textContent()).toContain('Sem filtro');
    await closeClean();
  });

  it('shows a mark’s tooltip on hover as plain text, even when the name in it is markup', async () => {
    await open('/ticket-medio/');
    const bar = page.locator('#chart-ticket-vendedor-title').locator('xpath=ancestor::figure').locator('.chart-wide svg g[aria-label="bar"] rect').first();
    // Stand-in for a seller named like the hostile customer of the demo: the name reaches the tooltip only as text.
    await bar.evaluate((rect, name) => {
      rect.querySelector('title')!.textContent = name;
    }, HOSTILE_NAME);
    const tip = page.locator('.chart-tip');
    // Scrolling hides the tooltip, and hover() may scroll the bar into view first: hover again until it stays.
    await expect
      .poll(async () => {
        await bar.hover();
        return tip.isVisible();
      })
      .toBe(true);
    expect(await tip.textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('.chart-tip *, img[src="x"]').count()).toBe(0);
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.isVisible()).toBe(false);

    // Where the dashed line of the overall ticket crosses the bar, the bar's tooltip still shows.
    const rule = page.locator('#chart-ticket-vendedor-title').locator('xpath=ancestor::figure').locator('.chart-wide svg g[stroke-dasharray] line').first();
    const [barBox, ruleBox] = [(await bar.boundingBox())!, (await rule.boundingBox())!];
    if (ruleBox.x > barBox.x && ruleBox.x < barBox.x + barBox.width) {
      await page.mouse.move(ruleBox.x + ruleBox.width / 2, barBox.y + barBox.height / 2);
      await expect.poll(() => tip.textContent()).toBe(HOSTILE_NAME);
    }
    await closeClean();
  });
});
