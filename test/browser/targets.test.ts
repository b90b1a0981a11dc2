import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, tableRows, visit } from './browser.ts';
import { brazilianBrl, brazilianCount, brazilianMonth, queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

// Expected texts are formatted here with Intl directly, not with the site's locale module.
// Spaces of every kind (Intl puts a no-break space after R$) compare as one plain space.
const spaced = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();
const brl = (value: unknown): string => spaced(brazilianBrl(value));
const percent = (value: unknown): string => `${new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(value))}%`;

describe.skipIf(!browserSuiteRuns())('the Metas and Prospecção pages built from the demo data', () => {
  let builds: SiteBuilds;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    builds = siteBuilds();
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    expect(await visit(page, `${server.url}${path}`)).toEqual([]);
    return page;
  };

  it('ranks the last complete month by attainment as target_attainment does', async () => {
    const [last] = await queryMarts(builds.martsDir, 'select max(month)::varchar as month from target_attainment where not is_partial_month');
    const month = String(last!.month);
    const top = await queryMarts(
      builds.martsDir,
      `select s.name, t.revenue_attainment_rank as rank, t.revenue_attainment_pct as pct from target_attainment t join sellers s using (seller_id)
       where t.month = '${month}' order by t.revenue_attainment_rank nulls last, t.revenue desc limit 3`,
    );
    const page = await open('/metas/');
    try {
      const rows = await tableRows(page, `Vendedores em ${brazilianMonth(month)} (último mês completo)`);
      expect(rows.slice(0, 3).map((r) => r.slice(0, 3))).toEqual(top.map((t) => [`${t.rank}º`, String(t.name), percent(t.pct)]));
    } finally {
      await page.close();
    }
  });

  it("states next month's suggested total as the sum of target_suggestions, and offers it as a CSV", async () => {
    const [sum] = await queryMarts(
      builds.martsDir,
      'select sum(suggested_revenue_target)::double as total, count(*)::integer as sellers from target_suggestions',
    );
    const page = await open('/metas/');
    try {
      const caption = await page.locator('caption', { hasText: 'Meta sugerida por vendedor ativo' }).textContent();
      expect(spaced(caption)).toContain(`${brl(sum!.total)} no total`);
      const csv = await page.request.get(`${server.url}/metas/metas-sugeridas.csv`);
      expect((await csv.text()).trim().split('\r\n')).toHaveLength(Number(sum!.sellers) + 1);
    } finally {
      await page.close();
    }
  });

  it('shows the open leads and the 12-month conversion of the lead_funnel row of all leads', async () => {
    const [all] = await queryMarts(builds.martsDir, "select open_leads, open_over_90_days, won_12m, lost_12m from lead_funnel where breakdown = 'all'");
    const page = await open('/prospeccao/');
    try {
      const cards = (await page.locator('.card').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(cards).toContainEqual(
        expect.stringContaining(`Leads abertos ${brazilianCount(all!.open_leads)} ${brazilianCount(all!.open_over_90_days)} parados há mais de 90 dias`),
      );
      const closed = Number(all!.won_12m) + Number(all!.lost_12m);
      expect(cards).toContainEqual(expect.stringContaining(`${brazilianCount(all!.won_12m)} ganhos de ${brazilianCount(closed)} fechados`));
    } finally {
      await page.close();
    }
  });
});
