import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonalData, maskPersonalDataSqlMacro } from '../../pipelines/privacy/maskPersonalData.ts';
import { Database, sqlString } from '../../pipelines/warehouse/database.ts';

/** [what it is, the text, the text as published], worked out by hand. */
const MASKED: [string, string, string][] = [
  ['a formatted CPF', '529.982.247-25', '***.***.***-**'],
  ['a CPF with wrong check digits', '529.982.247-24', '***.***.***-**'],
  ['a CPF inside other text', 'CPF 529.982.247-25', 'CPF ***.***.***-**'],
  ['a CPF written with spaces', '529 982 247 25', '***.***.***-**'],
  ['a CPF glued to letters', 'cpf52998224725', 'cpf***********'],
  ['eleven bare digits (a CPF or a mobile number)', '52998224725', '***********'],
  ['two bare CPFs one separator apart', 'a;52998224725;11144477735;b', 'a;***********;***********;b'],
  ['a CPF at the end of a sentence', 'documento 111.444.777-35.', 'documento ***.***.***-**.'],
  ['a formatted CNPJ', '11.222.333/0001-81', '**.***.***/****-**'],
  ['a bare CNPJ', '11222333000181', '**.***.***/****-**'],
  ['an alphanumeric CNPJ', 'CNPJ 12.ABC.345/01DE-35', 'CNPJ **.***.***/****-**'],
  ['a mobile with area code in parentheses', '(11) 98765-4321', '(**) ****-****'],
  ['a landline with area code', 'tel 11 3456-7890', 'tel (**) ****-****'],
  ['a landline with a trunk zero', '(011) 3456-7890', '(**) ****-****'],
  ['a mobile with the country code', '+55 11 98765-4321', '(**) ****-****'],
  ['a mobile with the country code, bare', '5511987654321', '(**) ****-****'],
  ['a landline as ten bare digits', '1134567890', '(**) ****-****'],
  ['a mobile without area code', 'ligar 98765-4321', 'ligar ****-****'],
  ['a landline without area code', 'fone: 3456-7890', 'fone: ****-****'],
  ['an e-mail', 'maria.silva@gmail.com', '***@***'],
  ['an e-mail with an accent, in angle brackets', 'Contato <joão@exemplo.com.br>', 'Contato <***@***>'],
  ['a whole shifted CSV line', 'C7;Joana;529.982.247-25;jo@x.com;(21) 99876-5432;extra', 'C7;Joana;***.***.***-**;***@***;(**) ****-****;extra'],
];

/** Ordinary values that must come out unchanged. */
const KEPT: [string, string][] = [
  ['an order id', 'P000123'],
  ['an amount with decimal comma', '1.234,56'],
  ['a large amount', 'R$ 1.234.567,89'],
  ['an amount of hundreds of millions', '123.456.789,01'],
  ['an ISO date', '2026-01-15'],
  ['a Brazilian date', '15/01/2026'],
  ['a date and time', '2026-01-15 10:30:00'],
  ['a compact date', '20260115'],
  ['a CEP', '01310-100'],
  ['a range of years', '2025-2026'],
  ['a thirteen-digit barcode', '7891234567895'],
  ['the decimals of a chart coordinate', '0.12345678901'],
  ['a long decimal', '271.8181818181818'],
  ['a CNPJ root (company group)', '11222333'],
  ['a customer code with few digits', 'C00123'],
  ['a sentence without numbers', 'Cliente PF KQBDMA'],
];

let db: Database;

beforeAll(async () => {
  db = await Database.open();
  await db.run(maskPersonalDataSqlMacro());
});

afterAll(() => db.close());

const maskInSql = async (text: string | null) => db.scalar<string | null>(`select mask_personal(${text === null ? 'null' : sqlString(text)})`);

describe('masking personal data by content', () => {
  for (const [what, text, published] of MASKED) {
    it(`masks ${what}, in TypeScript and in SQL alike`, async () => {
      expect(maskPersonalData(text)).toBe(published);
      expect(await maskInSql(text)).toBe(published);
    });
  }

  for (const [what, text] of KEPT) {
    it(`leaves ${what} as it is, in TypeScript and in SQL alike`, async () => {
      expect(maskPersonalData(text)).toBe(text);
      expect(await maskInSql(text)).toBe(text);
    });
  }

  it('leaves a missing value missing', async () => {
    expect(maskPersonalData(null)).toBeNull();
    expect(await maskInSql(null)).toBeNull();
  });

  it('gives the same text when masking twice, so published values can be masked again safely', () => {
    for (const [, , published] of MASKED) expect(maskPersonalData(published)).toBe(published);
  });
});
