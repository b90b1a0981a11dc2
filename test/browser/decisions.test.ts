import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, tableRows } from './browser.ts';
import { parseCsv } from '../demo/readCsv.ts';
import { brazilianBrl, brazilianCount as count, brazilianDate, brazilianShare, listedCustomerNames, queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';
import { serveStatic, type StaticServer } from '../../pipelines/site/staticServer.ts';

// Expected texts are formatted here with Intl directly, not with the site's locale module; every space
// (Intl's no-break ones included) is compared as a plain space.
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const brl = (value: unknown) => plain(brazilianBrl(value));
const share = (value: unknown) => plain(brazilianShare(value));
/** "−1.234,5" / "0,4103" as shown on the page → a number. */
const parseNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.').replace('−', '-'));

/** The documented columns of the per-seller work-list CSV, written out here, not taken from the site. */
const WORK_LIST_HEADER =
  'Posição;Ação;Código do cliente;Cliente;Cidade;UF;Motivo;Valor em jogo (R$);Prioridade (R$);Upsell do cliente (R$/mês);Cross-sell do cliente (R$/mês);Data de referência';
const ACTION_LABELS: Record<string, string> = { retain: 'Reter', reactivate: 'Reativar', renew: 'Renovar', offer: 'Oferecer' };

describe.skipIf(!browserSuiteRuns())('the churn-risk, opportunities, work-list and model pages agree with the marts', () => {
  let builds: SiteBuilds;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const marts = (sql: string) => queryMarts(builds.martsDir, sql);
  const texts = async (selector: string) => (await page.locator(selector).allTextContents()).map(plain);

  beforeAll(async () => {
    builds = siteBuilds();
    server = await serveStatic(builds.dist);
    browser = await launchBrowser();
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ranks the customers to retain by the value at stake of action_list and adds it up on the card', async () => {
    const [total] = await marts(`select count(*) as n, sum(value_at_stake) as value from action_list where action = 'retain'`);
    const top = await marts(`
      select a.customer_id, coalesce(c.name, a.customer_id) as name, c.city, c.state, a.value_at_stake from action_list a join customers c using (customer_id)
      where a.action = 'retain' order by a.value_at_stake desc, a.customer_id limit 25`);
    expect(top.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/risco/`);
    const cards = await texts('.card');
    expect(cards.find((c) => c.startsWith('Valor em jogo'))).toContain(brl(total!.value));
    expect(cards.find((c) => c.startsWith('Clientes a reter'))).toContain(count(total!.n));
    const rows = await tableRows(page, 'Clientes a reter, do maior');
    const names = listedCustomerNames(top);
    expect(rows.map((r) => [r[1], r[6]])).toEqual(top.map((t, i) => [names[i], brl(t.value_at_stake)]));
    expect(plain((await page.locator('main').textContent()) ?? '')).toContain('valores abaixo do mínimo de R$ 1.000 (o padrão) ficam de fora');
  });

  /** Sellers' names as the pages show them: the sellers mart's name when there is one, else the code. */
  const sellerNames = async (): Promise<Map<string, string>> => {
    const rows = await marts(`select seller_id, name from sellers`).catch(() => []);
    return new Map(rows.filter((r) => r.name && String(r.name).trim()).map((r) => [String(r.seller_id), plain(String(r.name))]));
  };

  it('sums the value at stake by seller and by state as action_list and customers give them', async () => {
    const names = await sellerNames();
    const sellers = await marts(`select seller_id, sum(value_at_stake) as value from action_list where action = 'retain' group by 1 order by 2 desc, 1`);
    const states = await marts(`
      select c.state, count(*) as n, sum(a.value_at_stake) as value from action_list a join customers c using (customer_id)
      where a.action = 'retain' group by 1 order by 3 desc, 1 nulls last`);
    await page.goto(`${server.url}/risco/`);
    const bySeller = await tableRows(page, 'Clientes a reter e valor em jogo por vendedor');
    const name = (id: unknown) => (id === null ? 'Sem vendedor' : (names.get(String(id)) ?? String(id)));
    expect(bySeller.map((r) => [r[0], r[2]])).toEqual(sellers.map((s) => [name(s.seller_id), brl(s.value)]));
    const byState = await tableRows(page, 'Clientes a reter e valor em jogo por estado');
    // "São Paulo (SP)" → "SP"; customers without a state are summed apart as "UF não informada".
    const uf = (name: string) => name.match(/\(([A-Z]{2})\)$/)?.[1] ?? name;
    expect(byState.map((r) => [uf(r[0]!), r[1], r[2]])).toEqual(states.map((s) => [s.state ?? 'UF não informada', count(s.n), brl(s.value)]));
    expect(await page.locator('figure.chart').count()).toBe(3);
  });

  it('counts the active portfolio by churn-risk band and draws the P(alive) histogram', async () => {
    const bands = await marts(`
      select churn_risk, count(*) as n from customers
      where status in ('new', 'active', 'at_risk', 'reactivated') and churn_risk is not null group by 1`);
    const n = (band: string) => count(bands.find((b) => b.churn_risk === band)?.n ?? 0);
    await page.goto(`${server.url}/risco/`);
    const rows = await tableRows(page, 'Carteira ativa por faixa de risco de churn');
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Risco alto', n('high')],
      ['Risco médio', n('medium')],
      ['Risco baixo', n('low')],
    ]);
    const histogram = page.locator('figure.chart', { hasText: 'por chance de seguir ativo' });
    expect(await histogram.locator('.chart-wide svg rect').count()).toBeGreaterThan(5);
  });

  it.runIf(!process.env.CARTEIRA_DIST)('says plainly when the model was not fitted and falls back to the rhythm-based status', async () => {
    const thin = await serveStatic(builds.thinDist!);
    try {
      await page.goto(`${thin.url}/risco/`);
      const notice = plain((await page.locator('main .notice').first().textContent()) ?? '');
      expect(notice).toContain('Modelo de recompra não ajustado');
      expect(notice).toContain('poucos clientes com recompra');
      expect(await page.locator('figure.chart', { hasText: 'chance de seguir ativo' }).count()).toBe(0);
      expect(await page.locator('main').textContent()).not.toMatch(/Risco (alto|médio|baixo)/);
      const statuses = await tableRows(page, 'Carteira ativa por situação');
      expect(statuses.map((r) => r[0])).toContain('Em risco (ritmo)');
      // Without P(alive), every customer to retain is late against its own rhythm.
      const listed = await tableRows(page, 'Clientes a reter, do maior');
      expect(listed.length).toBeGreaterThan(0);
      expect(new Set(listed.map((r) => r[4]))).toEqual(new Set(['Em risco (ritmo)']));
      // This run set the action list's minimum to R$ 2.500 (globalSetup): the list keeps to it and the page states it.
      const reais = (brl: string) => Number(brl.replace(/[^\d,]/g, '').replace(',', '.'));
      expect(Math.min(...listed.map((r) => reais(r[6]!)))).toBeGreaterThanOrEqual(2500);
      expect(plain((await page.locator('main').textContent()) ?? '')).toContain('valores abaixo do mínimo de R$ 2.500 (configurado) ficam de fora');
      await page.goto(`${thin.url}/oportunidades/`);
      expect(plain((await page.locator('.card', { hasText: 'Clientes com sugestão' }).textContent()) ?? '')).toContain('até 3 por cliente');
    } finally {
      await thin.close();
    }
  });

  it('totals the upsell and cross-sell gain on the cards and by category, and lists the top suggestions with their reasons', async () => {
    const kinds = await marts(`select kind, sum(gain) as gain from opportunities group by 1`);
    const [headline] = await marts(`select sum(gain) as raw, sum(holdout_weighted_gain) as weighted from opportunities`);
    const [hitRate] = await marts(`select hit_rate from recommendation_holdout where method = 'peer_group'`);
    const customers = await marts(`
      select o.customer_id, coalesce(c.name, o.customer_id) as name, c.city, c.state, o.upsell_gain, o.cross_sell_gain, o.gain, o.holdout_weighted_gain
      from opportunity_customers o join customers c using (customer_id) order by o.gain desc, o.customer_id limit 25`);
    // the page lists 25 customers, the first 10 open; a name two of the 25 share carries code and city/UF
    const customerNames = listedCustomerNames(customers);
    const gain = (kind: string) => kinds.find((k) => k.kind === kind)?.gain ?? 0;
    const categories = await marts(`
      select category, sum(gain) filter (where kind = 'cross_sell') as cross_sell, sum(gain) filter (where kind = 'upsell') as upsell, sum(gain) as total
      from opportunities group by 1 order by total desc, 1`);
    const top = await marts(`
      select o.customer_id, coalesce(c.name, o.customer_id) as name, c.city, c.state, o.reason_pt, o.gain from opportunities o join customers c using (customer_id)
      order by o.expected_gain desc, o.gain desc, o.customer_id, o.category limit 25`);
    await page.goto(`${server.url}/oportunidades/`);
    const cards = await texts('.card');
    expect(cards.find((c) => c.startsWith('Cross-sell'))).toContain(brl(gain('cross_sell')));
    expect(cards.find((c) => c.startsWith('Upsell'))).toContain(brl(gain('upsell')));
    // the headline: the raw potential weighted by the measured hit rate, the raw potential beside it
    expect(cards.find((c) => c.startsWith('Valor esperado'))).toContain(brl(headline!.weighted));
    expect(cards.find((c) => c.startsWith('Valor esperado'))).toContain(share(hitRate!.hit_rate));
    expect(cards.find((c) => c.startsWith('Potencial por mês'))).toContain(brl(headline!.raw));
    const byCustomer = await tableRows(page, 'Os 10 clientes com maior potencial somado');
    expect(byCustomer.map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(
      customers.slice(0, 10).map((c, i) => [customerNames[i], brl(c.upsell_gain), brl(c.cross_sell_gain), brl(c.gain), brl(c.holdout_weighted_gain)]),
    );
    const rows = await tableRows(page, 'Ganho potencial por mês, por categoria');
    expect(rows).toEqual(categories.map((c) => [String(c.category), brl(c.cross_sell ?? 0), brl(c.upsell ?? 0), brl(c.total)]));
    const suggestions = await tableRows(page, 'As 25 sugestões');
    const suggestionNames = listedCustomerNames(top);
    expect(suggestions.map((r) => [r[1], r[4], r[5]])).toEqual(top.map((t, i) => [suggestionNames[i], String(t.reason_pt), brl(t.gain)]));
    expect(await page.locator('figure.chart').count()).toBe(3);
  });

  it("lists each seller's work list on the seller's page and offers it as an Excel CSV with the documented columns", async () => {
    const sellers = await marts(`
      select s.seller_id, count(a.rank) as n from (select distinct seller_id from customers where seller_id is not null) s
      left join action_list a using (seller_id) group by 1 order by 1`);
    expect(sellers.some((s) => Number(s.n) > 0)).toBe(true);
    for (const seller of sellers) {
      const id = String(seller.seller_id);
      const actions = await marts(`
        select a.rank, a.action, a.customer_id, coalesce(c.name, a.customer_id) as name, c.city, c.state, a.value_at_stake, a.upsell_gain, a.cross_sell_gain,
               a.as_of_date::varchar as as_of
        from action_list a join customers c using (customer_id) where a.seller_id = '${id}' order by a.rank`);
      await page.goto(`${server.url}/vendedores/${id.toLowerCase()}/`);
      const section = page.locator('section[aria-labelledby="work-list-title"]');
      if (actions.length === 0) {
        expect(await section.textContent(), id).toContain('Nenhuma ação');
        continue;
      }
      const rows = await tableRows(page, 'Lista de trabalho');
      // the whole work list is one list: a name two of its customers share carries code and city/UF
      const names = listedCustomerNames(actions);
      expect(
        rows.map((r) => [r[0], r[1], r[2], r[4]]),
        id,
      ).toEqual(actions.slice(0, 20).map((a, i) => [String(a.rank), ACTION_LABELS[String(a.action)], names[i], brl(a.value_at_stake)]));
      const href = await section.locator('a[download]').getAttribute('href');
      expect(href, id).toBe(`/vendedores/${id.toLowerCase()}/lista-de-trabalho.csv`);
      const response = await page.request.get(`${server.url}${href}`);
      expect(response.headers()['content-type'], id).toContain('text/csv');
      const body = await response.body();
      expect([...body.subarray(0, 3)], id).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString('utf8').slice(1).split('\r\n');
      expect(lines[0], id).toBe(WORK_LIST_HEADER);
      expect(lines.at(-1), id).toBe('');
      const data = parseCsv(lines.join('\r\n'), ';').rows;
      expect(data.length, id).toBe(actions.length);
      for (const [i, fields] of data.entries()) {
        const action = actions[i]!;
        expect(fields.length, `${id} line ${i + 2}`).toBe(12);
        // an offer carries its customer's summed upsell and cross-sell; other actions leave them empty
        const monthly = (v: unknown) => (v === null ? '' : String(Number(v)).replace('.', ','));
        expect([fields[9], fields[10]], `${id} line ${i + 2}`).toEqual([monthly(action.upsell_gain), monthly(action.cross_sell_gain)]);
        expect([fields[0], fields[1], fields[2], fields[11]], `${id} line ${i + 2}`).toEqual([
          String(action.rank),
          ACTION_LABELS[String(action.action)],
          String(action.customer_id),
          brazilianDate(String(action.as_of)),
        ]);
        // Decimal comma, no thousands separator: Excel in Portuguese reads it as a number.
        expect(fields[7], `${id} line ${i + 2}`).toBe(String(Number(action.value_at_stake)).replace('.', ','));
      }
    }
  });

  it('shows each model parameter, the fit and the holdout hit rates of the method and the baseline on the Dados page', async () => {
    const fits = await marts(`select * from model_fit order by model`);
    const holdout = await marts(`select method, hits, suggestions, hit_rate from recommendation_holdout order by method`);
    await page.goto(`${server.url}/dados/`);
    const fitRows = await tableRows(page, 'Ajuste dos modelos');
    expect(fitRows.map((r) => [r[0], r[1], r[5], r[6]])).toEqual(
      fits.map((f) => [f.model === 'bgnbd' ? 'BG/NBD (recompra)' : 'Gamma-Gamma (valor por compra)', 'sim', count(f.customers), count(f.repeat_buyers)]),
    );
    const parameters = await tableRows(page, 'Parâmetros estimados');
    const shown = new Map(parameters.map((r) => [`${r[0]!.startsWith('BG') ? 'bgnbd' : 'gamma_gamma'}.${r[1]!.split(' ')[0]}`, parseNumber(r[2]!)]));
    const expected = [...['r', 'alpha', 'a', 'b'].map((p) => ['bgnbd', p]), ...['p', 'q', 'v'].map((p) => ['gamma_gamma', p])];
    expect(shown.size).toBe(7);
    for (const [model, parameter] of expected) {
      const value = Number(fits.find((f) => f.model === model)![parameter!]);
      const key = `${model}.${parameter === 'alpha' ? 'α' : parameter}`;
      expect(Math.abs(shown.get(key)! - value) / value, key).toBeLessThan(1e-3);
    }
    const methods = await tableRows(page, 'Acertos das sugestões');
    expect(methods.map((r) => [r[3], r[4]])).toEqual(holdout.map((h) => [count(h.hits), share(h.hit_rate)]));
    const verdict = plain((await page.locator('section[aria-labelledby="holdout-title"] strong').textContent()) ?? '');
    const [peer, popularity] = holdout;
    expect(verdict).toContain(
      Number(peer!.hit_rate) === Number(popularity!.hit_rate) ? 'tanto quanto' : `${share(peer!.hit_rate)} contra ${share(popularity!.hit_rate)}`,
    );
  });
});
