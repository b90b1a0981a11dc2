import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from './browser.ts';
import { queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';

/**
 * The visible prose of a built page, spaces collapsed: no scripts, styles or chart SVG (axis labels name no
 * period), and no period select, whose short choices the filter's note spells out in months.
 */
function pageText(dist: string, path: string): string {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  return html
    .replace(/<(script|style|svg|select)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
}

/** A date as the report writes one in a period: "21/11/2025" or "nov/2025". */
const DATE = String.raw`(?:\d{2}/\d{2}/\d{4}|[a-zç]{3}/\d{4})`;
/** The default period as reportPeriods names it: "últimos 12 meses (21/11/2025 a 20/11/2026)". */
const PERIOD_NAME = new RegExp(String.raw`últimos 12 meses \(${DATE} a ${DATE}\)`, 'i');

describe.skipIf(!browserSuiteRuns())('one definition per figure, stated where it is shown', () => {
  let builds: SiteBuilds;
  beforeAll(() => {
    builds = siteBuilds();
  });

  it('gives Pareto the same count as class A at the default 80% cut, and says so', async () => {
    const [row] = await queryMarts(
      builds.martsDir,
      `select (select distinct customers_to_reach_80 from pareto) as pareto,
              (select count(*) from customers where abc_class = 'A')::integer as class_a`,
    );
    expect(row!.pareto).toBe(row!.class_a);
    const text = pageText(builds.dist, 'segmentacao');
    expect(text).toMatch(new RegExp(`vem de ${Number(row!.pareto).toLocaleString('pt-BR')} dos [\\d.]+ clientes que compraram`));
    expect(text).toContain('classe A até o cliente que faz o acumulado passar de 80%, B até 95%, C o restante (valores padrão)');
    expect(text).toContain('a classe A e o Pareto contam os mesmos clientes');
  });

  it('sets the customers to retain beside the at-risk count on Risco and Carteira with both figures', async () => {
    const [row] = await queryMarts(
      builds.martsDir,
      `select (select count(*) from action_list where action = 'retain')::integer as retain,
              (select count(*) from customers where status = 'at_risk')::integer as at_risk`,
    );
    const sentence = `Por isso os ${Number(row!.at_risk).toLocaleString('pt-BR')} clientes em risco pelo ritmo não são os ${Number(row!.retain).toLocaleString('pt-BR')} a reter`;
    expect(pageText(builds.dist, 'risco')).toContain(sentence);
    expect(pageText(builds.dist, 'carteira')).toContain(sentence);
  });

  it('gives the renewal rate of the renewal_rates mart with and without the cancellations', async () => {
    const [row] = await queryMarts(builds.martsDir, 'select renewal_rate, renewal_rate_with_cancellations from renewal_rates');
    const percent = (share: unknown) => `${(Number(share) * 100).toFixed(1).replace('.', ',')}%`;
    const text = pageText(builds.dist, 'renovacoes');
    expect(text).toContain(`Taxa de renovação: ${percent(row!.renewal_rate)} = renovados ÷ (renovados + não renovados)`);
    expect(text).toContain(`Contando os cancelados como não renovados: ${percent(row!.renewal_rate_with_cancellations)}.`);
  });

  it.runIf(!process.env.CARTEIRA_DIST)('states the thresholds the run was configured with, not the defaults', () => {
    // globalSetup's thin-model run: abc.a_share 0.7, lifecycle.active_multiplier 2, opportunities.min_value_at_stake 2500,
    // windows.segmentation_months 6
    const segmentation = pageText(builds.thinDist!, 'segmentacao');
    expect(segmentation).toContain('classe A até o cliente que faz o acumulado passar de 70%, B até 95%, C o restante (valores configurados)');
    expect(segmentation).toMatch(/A classe A \([\d.]+ clientes\) difere do Pareto \([\d.]+\) porque o corte A é 70%, e o Pareto mede sempre até 80%\./);
    expect(pageText(builds.thinDist!, 'carteira')).toContain('sem comprar há mais de 2 vezes o intervalo habitual');
    expect(pageText(builds.thinDist!, 'risco')).toContain('valor em jogo de pelo menos R$ 2.500 (valor configurado)');
    // the revenue in the customers' window is titled with the window the run used, in tables and in the proposal's CSV
    for (const [dist, months, other] of [
      [builds.thinDist!, 6, 12],
      [builds.dist, 12, 6],
    ] as const) {
      for (const path of ['carteira', 'risco', 'vendedores/equilibrio']) {
        expect(pageText(dist, path), `${path}, ${months} months`).toContain(`Faturamento ${months} meses`);
        expect(pageText(dist, path), path).not.toContain(`Faturamento ${other} meses`);
      }
      expect(readFileSync(join(dist, 'vendedores', 'equilibrio', 'proposta-de-redistribuicao.csv'), 'utf8')).toContain(`;Faturamento ${months} meses (R$);`);
    }
  });
});

describe.skipIf(!browserSuiteRuns())('the default period, named the same on every page', () => {
  // The Dados page is left out: its data dictionary describes the mart columns for any run, without dates.
  // "12 meses até a última compra" (the action list's value at stake) and "até ele" (each month's own trailing
  // 12 months) are other windows, not the default period.
  it('says "últimos 12 meses" only with its dates, as reportPeriods names it, and never "12 meses até <the as-of date>" or "janela"', () => {
    const { dist } = siteBuilds();
    const found: string[] = [];
    for (const path of builtPages(dist).filter((p) => p.endsWith('/') && p !== '/dados/')) {
      const text = pageText(dist, path.slice(1));
      for (const match of text.matchAll(/últimos 12 meses.{0,40}/gi)) {
        if (!PERIOD_NAME.test(match[0])) found.push(`${path}: “${match[0]}”`);
      }
      const otherNames = new RegExp(String.raw`.{0,30}(12 meses até (a data de referência|ela\b|${DATE})|janela).{0,30}`, 'gi');
      for (const match of text.matchAll(otherNames)) found.push(`${path}: “${match[0]}”`);
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});
