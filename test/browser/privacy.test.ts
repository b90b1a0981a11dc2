import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database, sqlString } from '../../pipelines/warehouse/database.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { scanPublished, type ScanRules } from '../helpers/scanPublished.ts';
import { queryMarts } from './martsQuery.ts';
import { FIXTURE_COMPANY, PERSONAL_VALUES } from './privacyFixture.ts';
import { browserSuiteRuns, siteBuilds } from './siteBuilds.ts';

/** The CNPJs of companies, which may be published: every customers.document of kind cnpj. */
async function companyCnpjs(martsDir: string): Promise<string[]> {
  return (await queryMarts(martsDir, "select distinct document from customers where document_kind = 'cnpj'")).map((r) => String(r.document));
}

describe.skipIf(!browserSuiteRuns())('nothing personal is published (LGPD)', () => {
  let rules: ScanRules;

  beforeAll(async () => {
    const { privacy } = siteBuilds();
    if (!privacy) return;
    rules = { literals: PERSONAL_VALUES, allowed: await companyCnpjs(privacy.martsDir) };
  });

  it('finds a name and a CPF planted in a page, an e-mail in a Parquet download and a phone in a zipped CSV, so the scan can fail', async () => {
    const planted = tempDir('carteira-planted-');
    try {
      mkdirSync(join(planted.dir, 'risco'), { recursive: true });
      writeFileSync(join(planted.dir, 'risco', 'index.html'), '<td>Quitéria Lemos Bastos</td><td>CPF 390.533.447-05</td>');
      writeFileSync(join(planted.dir, 'clientes.zip'), zipSync({ 'clientes.csv': strToU8('código;telefone\nC1;(84) 98701-2233\n') }));
      const db = await Database.open();
      try {
        await db.run(`copy (select 'H9' as customer_id, 'ana@exemplo.com.br' as note) to ${sqlString(join(planted.dir, 'notes.parquet'))} (format parquet)`);
      } finally {
        db.close();
      }
      const hits = await scanPublished(planted.dir, { literals: ['quitéria lemos bastos'], allowed: [] });
      expect(hits).toEqual([
        { file: 'clientes.zip!clientes.csv', found: expect.stringContaining('98701-2233'), context: expect.any(String) },
        { file: 'notes.parquet', found: 'ana@exemplo.com.br', context: expect.any(String) },
        { file: 'risco/index.html', found: 'quitéria lemos bastos', context: expect.stringContaining('Quitéria Lemos Bastos') },
        { file: 'risco/index.html', found: expect.stringContaining('390.533.447-05'), context: expect.any(String) },
      ]);
    } finally {
      planted.cleanup();
    }
  });

  it('publishes no CPF, CNPJ of a person, e-mail, phone or person name of the fixture in any page or download of the site', async () => {
    const { privacy } = siteBuilds();
    expect(privacy, 'the global setup built the privacy site').not.toBeNull();
    expect(await scanPublished(privacy!.dist, rules)).toEqual([]);
  });

  it('publishes none of them in the marts either', async () => {
    const { privacy } = siteBuilds();
    expect(await scanPublished(privacy!.martsDir, rules)).toEqual([]);
  });

  it('still shows the fixture customers, under pseudonyms, and the company under its name', async () => {
    const { privacy } = siteBuilds();
    const [joana] = await queryMarts(privacy!.martsDir, "select name from customers where customer_id like 'CLI-%' and city = 'Recife'");
    expect(String(joana?.name)).toMatch(/^Cliente PF [A-R]{6}$/);
    const risk = await scanPublished(join(privacy!.dist, 'risco'), { literals: [String(joana!.name), FIXTURE_COMPANY.name], allowed: [] });
    expect(risk.map((h) => h.found)).toEqual(expect.arrayContaining([String(joana!.name), FIXTURE_COMPANY.name]));
  });

  it('publishes no CPF, e-mail or phone in the site built from the demo data', async () => {
    const { dist, martsDir } = siteBuilds();
    expect(await scanPublished(dist, { literals: [], allowed: await companyCnpjs(martsDir) })).toEqual([]);
  });
});
