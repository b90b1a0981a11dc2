import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { CITIES, capitalOf } from '../../pipelines/brazil/cities.ts';
import { REGIONS, UFS, isUf, regionOf, ufValuesSql } from '../../pipelines/brazil/ufs.ts';

// IBGE: Norte: RO AC AM RR PA AP TO · Nordeste: MA PI CE RN PB PE AL SE BA · Sudeste: MG ES RJ SP ·
// Sul: PR SC RS · Centro-Oeste: MS MT GO DF.
const EXPECTED_REGION: Record<string, string> = {
  RO: 'norte',
  AC: 'norte',
  AM: 'norte',
  RR: 'norte',
  PA: 'norte',
  AP: 'norte',
  TO: 'norte',
  MA: 'nordeste',
  PI: 'nordeste',
  CE: 'nordeste',
  RN: 'nordeste',
  PB: 'nordeste',
  PE: 'nordeste',
  AL: 'nordeste',
  SE: 'nordeste',
  BA: 'nordeste',
  MG: 'sudeste',
  ES: 'sudeste',
  RJ: 'sudeste',
  SP: 'sudeste',
  PR: 'sul',
  SC: 'sul',
  RS: 'sul',
  MS: 'centro_oeste',
  MT: 'centro_oeste',
  GO: 'centro_oeste',
  DF: 'centro_oeste',
};

const EXPECTED_CAPITAL: Record<string, string> = {
  RO: 'Porto Velho',
  AC: 'Rio Branco',
  AM: 'Manaus',
  RR: 'Boa Vista',
  PA: 'Belém',
  AP: 'Macapá',
  TO: 'Palmas',
  MA: 'São Luís',
  PI: 'Teresina',
  CE: 'Fortaleza',
  RN: 'Natal',
  PB: 'João Pessoa',
  PE: 'Recife',
  AL: 'Maceió',
  SE: 'Aracaju',
  BA: 'Salvador',
  MG: 'Belo Horizonte',
  ES: 'Vitória',
  RJ: 'Rio de Janeiro',
  SP: 'São Paulo',
  PR: 'Curitiba',
  SC: 'Florianópolis',
  RS: 'Porto Alegre',
  MS: 'Campo Grande',
  MT: 'Cuiabá',
  GO: 'Goiânia',
  DF: 'Brasília',
};

describe('UFs', () => {
  it('maps each of the 27 UFs to its IBGE region', () => {
    expect(UFS).toHaveLength(27);
    expect(Object.fromEntries(UFS.map((row) => [row.uf, row.region]))).toEqual(EXPECTED_REGION);
    for (const [uf, region] of Object.entries(EXPECTED_REGION)) expect(regionOf(uf)).toBe(region);
  });

  it('labels the regions in Portuguese', () => {
    expect(REGIONS).toEqual({
      norte: 'Norte',
      nordeste: 'Nordeste',
      sudeste: 'Sudeste',
      sul: 'Sul',
      centro_oeste: 'Centro-Oeste',
    });
  });

  it('knows the UF codes and nothing else', () => {
    expect(isUf('SP')).toBe(true);
    expect(isUf('sp')).toBe(false);
    expect(isUf('XX')).toBe(false);
    expect(regionOf('XX')).toBeNull();
  });

  it('builds a DuckDB table from ufValuesSql', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    const reader = await con.runAndReadAll(`
      select region, count(*) as ufs, string_agg(uf, ' ' order by uf) as codes
      from (${ufValuesSql()}) as t(uf, name, region)
      group by region order by region`);
    expect(reader.getRowObjectsJson()).toEqual([
      { region: 'centro_oeste', ufs: '4', codes: 'DF GO MS MT' },
      { region: 'nordeste', ufs: '9', codes: 'AL BA CE MA PB PE PI RN SE' },
      { region: 'norte', ufs: '7', codes: 'AC AM AP PA RO RR TO' },
      { region: 'sudeste', ufs: '4', codes: 'ES MG RJ SP' },
      { region: 'sul', ufs: '3', codes: 'PR RS SC' },
    ]);
    const names = await con.runAndReadAll(`select name from (${ufValuesSql()}) as t(uf, name, region) where uf = 'SP'`);
    expect(names.getRowObjectsJson()).toEqual([{ name: 'São Paulo' }]);
    con.closeSync();
    instance.closeSync();
  });
});

describe('cities', () => {
  it('lists the capital of every UF first', () => {
    for (const [uf, capital] of Object.entries(EXPECTED_CAPITAL)) {
      expect(capitalOf(uf as keyof typeof CITIES).name).toBe(capital);
    }
  });

  it('has several real cities for the large economies and at least two elsewhere', () => {
    for (const uf of ['SP', 'MG', 'RJ', 'PR', 'RS', 'SC', 'BA'] as const) expect(CITIES[uf].length).toBeGreaterThanOrEqual(5);
    for (const row of UFS) expect(CITIES[row.uf].length).toBeGreaterThanOrEqual(2);
    expect(CITIES.SP.map((c) => c.name)).toContain('Ribeirão Preto');
  });

  it('gives each city a two-digit DDD', () => {
    for (const row of UFS) for (const city of CITIES[row.uf]) expect(city.ddd).toBeGreaterThanOrEqual(11);
    expect(capitalOf('SP').ddd).toBe(11);
    expect(CITIES.SP.find((c) => c.name === 'Campinas')?.ddd).toBe(19);
  });
});
