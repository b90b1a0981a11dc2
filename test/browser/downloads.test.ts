import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type ParsedCsv } from '../demo/readCsv.ts';
import { queryMarts } from './martsQuery.ts';
import { browserSuiteRuns, siteBuilds, type SiteBuilds } from './siteBuilds.ts';

/** A CSV a user can download from the built site: its path in dist/ (a zip entry as `archive.zip!entry.csv`) and its cells. */
interface Download {
  file: string;
  csv: ParsedCsv;
}

/** Every .csv and every CSV inside a .csv.zip under the built site. */
function downloads(dist: string): Download[] {
  const found: Download[] = [];
  const read = (text: string) => parseCsv(text.replace(/^\ufeff/, ''), ';');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.csv')) found.push({ file: relative(dist, path), csv: read(readFileSync(path, 'utf8')) });
      else if (entry.name.endsWith('.csv.zip')) {
        for (const [name, bytes] of Object.entries(unzipSync(readFileSync(path)))) {
          found.push({ file: `${relative(dist, path)}!${name}`, csv: read(Buffer.from(bytes).toString('utf8')) });
        }
      }
    }
  };
  walk(dist);
  return found;
}

/**
 * Columns that are the codes themselves, each beside its Portuguese name, so a reader can map the Parquet
 * files: the labels mart (Código beside Rótulo em português), the dictionary (Coluna beside Nome, Arquivo
 * naming the Parquet file), the rejects (Código do motivo beside Motivo; Coluna canônica, the name a mapping
 * file uses, beside Coluna no arquivo, the header as the user's own export spells it) and the settings
 * (Código da regra, the section.field of the --config file, beside Regra, the rule's Portuguese name).
 */
const CODE_COLUMNS: Record<string, string[]> = {
  'labels.csv': ['Campo', 'Código'],
  'data_dictionary.csv': ['Arquivo (mart)', 'Coluna'],
  'rejects.csv': ['Código do motivo', 'Coluna canônica', 'Coluna no arquivo'],
  'settings.csv': ['Código da regra'],
};

/** A snake_case word: a column name or a code (`at_risk`, `customer_id`). */
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

describe.skipIf(!browserSuiteRuns())('the CSV downloads of the built site, in Portuguese', () => {
  let builds: SiteBuilds;
  let files: Download[];
  /** Every mart column name of the contract (English, snake_case or one word: "revenue", "status"). */
  let columnNames: Set<string>;
  /** Every key of the labels mart whose Portuguese label differs from it, with that label; UFs are kept (see martCsvColumns). */
  let codes: Map<string, string>;
  /** Every business rule of the run as the settings mart codes it (section.field: `abc.a_share`). */
  let rules: Set<string>;

  beforeAll(async () => {
    builds = siteBuilds();
    files = downloads(builds.dist);
    const dictionary = await queryMarts(builds.martsDir, 'select distinct "column" from data_dictionary');
    columnNames = new Set(dictionary.map((row) => String(row.column)));
    const labels = await queryMarts(builds.martsDir, "select value, label_pt from labels where field <> 'state' and value <> label_pt");
    codes = new Map(labels.map((row) => [String(row.value), String(row.label_pt)]));
    rules = new Set((await queryMarts(builds.martsDir, 'select setting from settings')).map((row) => String(row.setting)));
  });

  it("offers the marts, the sellers' work lists and the reassignment proposal as CSV", () => {
    const names = files.map((f) => f.file);
    expect(names).toEqual(expect.arrayContaining(['dados/customers.csv', 'dados/labels.csv', 'vendedores/equilibrio/proposta-de-redistribuicao.csv']));
    expect(names.some((name) => name.endsWith('/lista-de-trabalho.csv'))).toBe(true);
    expect(files.every((f) => f.csv.header.length > 0)).toBe(true);
  });

  it('titles every column with a Portuguese name, never a mart column name', () => {
    const offenders = files.flatMap(({ file, csv }) =>
      csv.header.filter((cell) => SNAKE_CASE.test(cell) || columnNames.has(cell)).map((cell) => `${file}: header "${cell}"`),
    );
    expect(offenders, offenders.join('\n')).toEqual([]);
    // the mart's own headers are the dictionary's Portuguese names, in the Parquet's column order
    const customers = files.find((f) => f.file === 'dados/customers.csv')!;
    expect(customers.csv.header.slice(0, 2)).toEqual(['Código do cliente', 'Cliente']);
  });

  it('writes coded values as their Portuguese labels: no English key, no snake_case code outside the code columns', () => {
    const offenders: string[] = [];
    for (const { file, csv } of files) {
      const kept = CODE_COLUMNS[basename(file)] ?? [];
      csv.header.forEach((column, i) => {
        if (kept.includes(column)) return;
        const bad = new Set(csv.rows.map((row) => row[i] ?? '').filter((value) => codes.has(value) || SNAKE_CASE.test(value)));
        for (const value of bad) offenders.push(`${file}: column "${column}" holds "${value}"${codes.has(value) ? ` (label: ${codes.get(value)})` : ''}`);
      });
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it("translates the customers' status, RFM segment, region and churn risk with the labels mart", async () => {
    const [first] = await queryMarts(
      builds.martsDir,
      `select c.customer_id, s.label_pt as status, r.label_pt as region, k.label_pt as churn_risk
       from customers c
       join labels s on s.field = 'status' and s.value = c.status
       join labels r on r.field = 'region' and r.value = c.region
       left join labels k on k.field = 'churn_risk' and k.value = c.churn_risk
       order by c.customer_id limit 1`,
    );
    const { csv } = files.find((f) => f.file === 'dados/customers.csv')!;
    const row = csv.rows.find((r) => r[0] === first!.customer_id)!;
    const cell = (header: string) => row[csv.header.indexOf(header)];
    expect([cell('Situação'), cell('Região'), cell('Risco de churn')]).toEqual([first!.status, first!.region, first!.churn_risk ?? '']);
  });

  it('writes yes and no in Portuguese: no cell reads true or false', () => {
    const offenders = files.flatMap(({ file, csv }) =>
      csv.header.flatMap((column, i) => (csv.rows.some((row) => /^(true|false)$/i.test(row[i] ?? '')) ? [`${file}: column "${column}" holds true/false`] : [])),
    );
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('never shows a rule code alone: the settings name every rule in Portuguese beside its code, other files never hold one', () => {
    expect(rules.size).toBeGreaterThan(40);
    const offenders: string[] = [];
    for (const { file, csv } of files) {
      const kept = CODE_COLUMNS[basename(file)] ?? [];
      csv.header.forEach((column, i) => {
        if (kept.includes(column)) return;
        const bare = new Set(csv.rows.map((row) => row[i] ?? '').filter((value) => rules.has(value)));
        for (const value of bare) offenders.push(`${file}: column "${column}" holds the rule code "${value}"`);
      });
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
    const { csv } = files.find((f) => f.file === 'dados/settings.csv')!;
    const cell = (code: string, header: string) => csv.rows.find((row) => row[csv.header.indexOf('Código da regra')] === code)?.[csv.header.indexOf(header)];
    expect(csv.rows.length).toBe(rules.size);
    // the demo runs on the defaults: A class up to 0.8 of the cumulative revenue, 90 days for "new", R$ 1.000 at stake, persons pseudonymized
    expect([cell('abc.a_share', 'Regra'), cell('abc.a_share', 'Valor usado')]).toEqual(['Classe A: até esta parcela do faturamento acumulado', '80%']);
    expect(cell('lifecycle.new_days', 'Valor padrão')).toBe('90 dias');
    expect(cell('opportunities.min_value_at_stake', 'Valor usado')).toBe('R$\u00a01.000');
    expect(cell('privacy.pseudonymize_person_names', 'Valor usado')).toBe('Sim');
  });
});
