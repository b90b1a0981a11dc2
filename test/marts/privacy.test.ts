import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../pipelines/privacy/maskPersonalData.ts';
import { runMarts, type MartRun } from './runMarts.ts';

// Pseudonyms are SHA-256(TEST_PSEUDONYM_KEY + text), the first hex digits spelled 0→A … 9→K, a→L … f→R,
// computed apart with node:crypto; a code written as a punctuated CPF is read as its digits first:
//   '529.982.247-25' → '52998224725'   c237d1714f31 → NCDHPBHBERDB    'CLI-NCDHPBHBERDB' 10896d… → BAJKGP
//   '111.444.777-35' → '11144477735'   06f374c89bd2 → AGRDHENJKMPC    'VEN-AGRDHENJKMPC' 7071db… → HAHBPM
//   'C2' 67bd73… → GHMPHD    'C5' 9c4e7e… → KNEQHQ    'V1' 061be1… → AGBMQB
const CPF_CUSTOMER = 'CLI-NCDHPBHBERDB';
const CPF_SELLER = 'VEN-AGRDHENJKMPC';

const files = {
  'customers.csv': [
    'customer_id,name,document,segment,city,state,seller_id,email,phone',
    // a CPF as the code, a person without a document, owned by a seller whose code is a CPF
    '529.982.247-25,Joana Prado,,Consumidor,Recife,PE,111.444.777-35,joana@exemplo.com,(81) 99876-5432',
    // an invalid CPF (nulled by the loader), and the surname Sá, which is not S/A
    'C2,Carlos de Sá,123.456.789-00,Consumidor,Recife,PE,V1,,',
    // companies known by their names only
    'C3,Mercearia Boa Vista ME,,Mercearia,Olinda,PE,V1,,',
    'C4,Padaria Sol S/A,,Padaria,Olinda,PE,V1,,',
    // an e-mail typed in the name column
    'C5,ana.souza@exemplo.com.br,,Consumidor,Recife,PE,V1,,',
    // a company with a CNPJ, and a phone typed in the city column
    'C6,Lima & Cia,11.222.333/0001-81,Mercearia,Maceió tel (82) 3333-4444,AL,V1,,',
  ],
  'sellers.csv': ['seller_id,name,team', '111.444.777-35,Beatriz Nunes,Norte', 'V1,Diego Alves,Sul'],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,529.982.247-25,2026-05-10,111.444.777-35,invoiced,,100',
    'O2,C2,2026-05-11,V1,invoiced,,80',
    'O3,C3,2026-05-12,V1,invoiced,,60',
    'O4,C6,2026-05-13,V1,invoiced,,40',
  ],
  'contracts.csv': ['contract_id,customer_id,start_date,end_date,monthly_value', 'K1,529.982.247-25,2025-07-01,2026-06-30,100'],
};

describe('privacy of the published marts (LGPD)', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(files, '2026-05-31');
  });
  afterAll(() => marts.close());

  it('treats every customer as a person unless a valid CNPJ or a company word in the name says otherwise', async () => {
    const rows = await marts.rows('select customer_id, name, document, document_kind from customers order by customer_id');
    expect(rows).toEqual([
      { customer_id: 'C2', name: 'Cliente PF GHMPHD', document: null, document_kind: null },
      { customer_id: 'C3', name: 'Mercearia Boa Vista ME', document: null, document_kind: null },
      { customer_id: 'C4', name: 'Padaria Sol S/A', document: null, document_kind: null },
      { customer_id: 'C5', name: 'Cliente PF KNEQHQ', document: null, document_kind: null },
      { customer_id: 'C6', name: 'Lima & Cia', document: '11.222.333/0001-81', document_kind: 'cnpj' },
      { customer_id: CPF_CUSTOMER, name: 'Cliente PF BAJKGP', document: null, document_kind: null },
    ]);
  });

  it('replaces a CPF used as a customer or seller code by the same pseudonym in every mart', async () => {
    const rows = await marts.rows(`
      select 'customers' as mart, customer_id, seller_id from customers where customer_id like 'CLI-%'
      union all select 'renewals', customer_id, seller_id from renewals
      union all select 'customer_status_monthly', any_value(customer_id), any_value(seller_id) from customer_status_monthly where customer_id like 'CLI-%'
      union all select 'sellers', null, seller_id from sellers where seller_id like 'VEN-%'
      order by mart`);
    expect(rows).toEqual([
      { mart: 'customer_status_monthly', customer_id: CPF_CUSTOMER, seller_id: CPF_SELLER },
      { mart: 'customers', customer_id: CPF_CUSTOMER, seller_id: CPF_SELLER },
      { mart: 'renewals', customer_id: CPF_CUSTOMER, seller_id: CPF_SELLER },
      { mart: 'sellers', customer_id: null, seller_id: CPF_SELLER },
    ]);
  });

  it('masks a phone typed in a free-text column', async () => {
    const rows = await marts.rows("select city from customers where customer_id = 'C6'");
    expect(rows).toEqual([{ city: 'Maceió tel (**) ****-****' }]);
  });

  it('keeps seller names by default', async () => {
    const rows = await marts.rows('select seller_id, name from sellers order by seller_id');
    expect(rows).toEqual([
      { seller_id: 'V1', name: 'Diego Alves' },
      { seller_id: CPF_SELLER, name: 'Beatriz Nunes' },
    ]);
  });

  it('publishes no text that masking would change, in any mart, but a company CNPJ', async () => {
    const columns = await marts.rows<{ table_name: string; column_name: string }>(`
      select table_name, column_name from duckdb_columns() where data_type = 'VARCHAR' and not internal and schema_name = 'main'`);
    expect(columns.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const { table_name: mart, column_name: column } of columns) {
      const values = await marts.rows<{ value: string }>(`select distinct "${column}" as value from ${mart} where "${column}" is not null`);
      for (const { value } of values) {
        const isCompanyCnpj = mart === 'customers' && column === 'document' && value === '11.222.333/0001-81';
        if (maskPersonalData(value) !== value && !isCompanyCnpj) hits.push(`${mart}.${column}: ${value}`);
      }
    }
    expect(hits).toEqual([]);
  });
});

describe('pseudonymized seller names', () => {
  it('replaces every seller name with a stable pseudonym when privacy.pseudonymize_seller_names is on', async () => {
    const marts = await runMarts(files, '2026-05-31', { privacy: { pseudonymize_seller_names: true } });
    try {
      const rows = await marts.rows('select seller_id, name from sellers order by seller_id');
      expect(rows).toEqual([
        { seller_id: 'V1', name: 'Vendedor AGBMQB' },
        { seller_id: CPF_SELLER, name: 'Vendedor HAHBPM' },
      ]);
    } finally {
      marts.close();
    }
  });
});

describe('codes that are names (a small export with the customer or the seller by name, no code)', () => {
  // Pseudonyms as above: 'Cícero Amaral Bezerra' 02468050b806 → ACEGJAFAMJAG; 'Ana' 47fff035ff76 → EHRRRADFRRHG
  const PERSON_CODE = 'CLI-ACEGJAFAMJAG';
  const named = {
    'customers.csv': ['customer_id,name,state', 'C1,Mercado Um Ltda,PE'],
    'orders.csv': [
      'order_id,customer_id,order_date,seller_id,status,channel,amount',
      'O1,C1,2026-05-10,Ana,invoiced,,100',
      // a person, unknown to the customers file: warned with the code as its value
      'O2,Cícero Amaral Bezerra,2026-05-11,Ana,invoiced,,80',
      // a company, by the words of its name; and a code of one word, which names nobody
      'O3,Mercado Central Ltda,2026-05-12,Ana,invoiced,,60',
      'O4,BALCAO,2026-05-13,Ana,invoiced,,40',
    ],
  };

  it("replaces a customer code that is a person's name by a pseudonym, in the marts and in rejects; a company's name stays", async () => {
    const marts = await runMarts(named, '2026-05-31');
    try {
      const rows = await marts.rows('select customer_id, name from customers order by customer_id');
      expect(rows).toEqual([
        { customer_id: 'BALCAO', name: 'Cliente não cadastrado (BALCAO)' },
        { customer_id: 'C1', name: 'Mercado Um Ltda' },
        { customer_id: PERSON_CODE, name: `Cliente não cadastrado (${PERSON_CODE})` },
        { customer_id: 'Mercado Central Ltda', name: 'Cliente não cadastrado (Mercado Central Ltda)' },
      ]);
      const rejects = await marts.rows("select line, value from rejects where reason_code = 'unknown_customer' order by line");
      expect(rejects).toEqual([
        { line: '3', value: PERSON_CODE },
        { line: '4', value: 'Mercado Central Ltda' },
        { line: '5', value: 'BALCAO' },
      ]);
      // the seller's code, a first name, stays while seller names are published (the default)
      expect(await marts.rows('select seller_id from sellers')).toEqual([{ seller_id: 'Ana' }]);
    } finally {
      marts.close();
    }
  });

  it("replaces a seller code without a digit (a seller's name) by a pseudonym when seller names are pseudonymized", async () => {
    const marts = await runMarts(named, '2026-05-31', { privacy: { pseudonymize_seller_names: true } });
    try {
      expect(await marts.rows('select seller_id from sellers')).toEqual([{ seller_id: 'VEN-EHRRRADFRRHG' }]);
    } finally {
      marts.close();
    }
  });

  it('keeps the codes as they are when person names are published (privacy.pseudonymize_person_names off)', async () => {
    const marts = await runMarts(named, '2026-05-31', { privacy: { pseudonymize_person_names: false } });
    try {
      expect(await marts.rows("select customer_id from customers where customer_id like 'C%o%'")).toEqual([{ customer_id: 'Cícero Amaral Bezerra' }]);
    } finally {
      marts.close();
    }
  });
});
