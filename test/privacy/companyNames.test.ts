import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyNameSqlMacro } from '../../pipelines/privacy/companyNames.ts';
import { Database, sqlString } from '../../pipelines/warehouse/database.ts';

const COMPANIES = [
  'Padaria Pão Quente Ltda',
  'PADARIA PAO QUENTE LTDA.',
  'Mercearia Boa Vista ME',
  'Maria Silva - ME',
  'Souza Doces EPP',
  'João Pereira MEI',
  'Construtora Alfa S/A',
  'Banco Beta S.A.',
  'Gama S. A.',
  'Delta Eireli',
  'Santos, Lima & Cia Ltda',
  'Comércio de Alimentos Rocha',
  'Indústria Têxtil Norte',
  'Distribuidora Sul',
  'Hotel Mar Azul',
  'Drogaria Central',
  'Cooperativa Agrícola do Vale',
  'Condomínio Edifício Sol',
];

const PERSONS = [
  'Maria Aparecida Santos',
  'João da Silva',
  'Carlos de Sá',
  'Ana Sá Freitas',
  'Mei Ling Souza',
  'Mércia Comerlato',
  'Lojana Prado',
  'Antônio Mendes',
  '',
];

let db: Database;

beforeAll(async () => {
  db = await Database.open();
  await db.run(companyNameSqlMacro());
});

afterAll(() => db.close());

const isCompany = (name: string | null) => db.scalar<boolean | null>(`select is_company_name(${name === null ? 'null' : sqlString(name)})`);

describe('telling a company from a person by the name', () => {
  for (const name of COMPANIES) {
    it(`sees a company in "${name}"`, async () => {
      expect(await isCompany(name)).toBe(true);
    });
  }

  for (const name of PERSONS) {
    it(`sees no company in "${name}"`, async () => {
      expect(await isCompany(name)).toBe(false);
    });
  }

  it('has no opinion on a missing name (the customer then counts as a person)', async () => {
    expect(await isCompany(null)).toBeNull();
  });
});
