import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMacros } from '../../pipelines/load/parseMacros.ts';
import { Database } from '../../pipelines/warehouse/database.ts';

describe('reading a porte (company size)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
    for (const sql of parseMacros()) await db.run(sql);
  });
  afterAll(() => db.close());

  const read = async (values: string[]) =>
    (
      await db.rows<{ size: string | null }>(
        `select parse_company_size(v, true) as size from unnest([${values.map((v) => `'${v}'`).join(', ')}]) with ordinality as t(v, i) order by i`,
      )
    ).map((r) => r.size);

  it('reads the Brazilian labels in any case, with or without accents', async () => {
    expect(
      await read([
        'MEI',
        'Microempreendedor Individual',
        'ME',
        'microempresa',
        'EPP',
        'Empresa de Pequeno Porte',
        'Médio',
        'MEDIA',
        'média empresa',
        'Grande',
        'grande porte',
      ]),
    ).toEqual(['mei', 'mei', 'me', 'me', 'epp', 'epp', 'medio', 'medio', 'medio', 'grande', 'grande']);
  });

  it('bands a headcount as SEBRAE does for commerce and services: up to 9 ME, 10-49 EPP, 50-99 médio, 100+ grande', async () => {
    expect(await read(['0', '9', '10', '49', '50', '99', '100', '1.500'])).toEqual(['me', 'me', 'epp', 'epp', 'medio', 'medio', 'grande', 'grande']);
  });

  it('reads nothing it does not know: other words, negative or fractional headcounts', async () => {
    expect(await read(['gigante', 'demais', '-3', '12,5'])).toEqual([null, null, null, null]);
  });
});
