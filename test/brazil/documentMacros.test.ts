import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentKind,
  documentSqlMacros,
  formatCnpj,
  formatCpf,
  generateCnpj,
  generateCpf,
  isValidDocument,
  normalizeDocument,
} from '../../pipelines/brazil/documents.ts';
import { Rng } from '../../pipelines/demo/random.ts';

let instance: DuckDBInstance;
let con: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
  for (const statement of documentSqlMacros()) await con.run(statement);
});

afterAll(() => {
  con.closeSync();
  instance.closeSync();
});

const sqlString = (value: string | null) => (value === null ? 'null' : `'${value.replaceAll("'", "''")}'`);

async function evaluate(raws: (string | null)[]) {
  const values = raws.map((raw, i) => `(${i}, ${sqlString(raw)})`).join(', ');
  const reader = await con.runAndReadAll(`
    select i, doc_normalize(raw) as normalized, doc_kind(doc_normalize(raw)) as kind,
        doc_is_valid(doc_normalize(raw)) as valid
    from (values ${values}) as t(i, raw)
    order by i`);
  return reader.getRowObjectsJson().map(({ normalized, kind, valid }) => ({ normalized, kind, valid }));
}

/** Valid documents in every shape exports produce, plus corrupted variants of each. */
function sampleDocuments(): string[] {
  const rng = new Rng(2026);
  const samples: string[] = [];
  const corrupt = (doc: string) => {
    const at = rng.int(0, doc.length - 1);
    const digit = String((Number.parseInt(doc[at]!, 36) + rng.int(1, 9)) % 10);
    return doc.slice(0, at) + digit + doc.slice(at + 1);
  };
  for (let i = 0; i < 200; i++) {
    const cpf = generateCpf(rng.float);
    const cnpj = generateCnpj(rng.float);
    const alphanumeric = generateCnpj(rng.float, { alphanumeric: true });
    samples.push(cpf, formatCpf(cpf), cpf.replace(/^0+/, ''), corrupt(cpf));
    samples.push(cnpj, formatCnpj(cnpj), cnpj.replace(/^0+/, ''), corrupt(cnpj));
    samples.push(alphanumeric, formatCnpj(alphanumeric).toLowerCase(), corrupt(alphanumeric));
  }
  for (let i = 0; i < 150; i++) {
    const length = rng.int(1, 16);
    samples.push(Array.from({ length }, () => rng.pick([...'0123456789AZaz./- '])).join(''));
  }
  return samples;
}

const HAND_PICKED = [
  '529.982.247-25',
  '529.982.247-24',
  '11.222.333/0001-81',
  '11.222.333/0001-82',
  '12.ABC.345/01DE-35',
  '12.abc.345/01de-35',
  '12.ABC.345/01DE-36',
  '12.ABC.345/01DE-3A',
  '1234567890',
  '1234567000195',
  '111.111.111-11',
  '00000000000',
  '00.000.000/0000-00',
  '22222222222222',
  '0',
  '191',
  '',
  ' ',
  'abc',
  '529.982.247\u00A0-25',
  '123456789012345',
  '12ßBC34501DE35',
  "O'Brien",
  null,
];

describe('document SQL macros', () => {
  it('agree with the TypeScript rules on more than a thousand values', async () => {
    const raws = [...HAND_PICKED, ...sampleDocuments()];
    expect(raws.length).toBeGreaterThan(1000);
    const rows = await evaluate(raws);
    const mismatches = raws.flatMap((raw, i) => {
      const normalized = normalizeDocument(raw);
      const expected = {
        normalized,
        kind: normalized === null ? null : documentKind(normalized),
        valid: normalized === null ? null : isValidDocument(normalized),
      };
      return JSON.stringify(rows[i]) === JSON.stringify(expected) ? [] : [{ raw, sql: rows[i], ts: expected }];
    });
    expect(mismatches).toEqual([]);
    const outcomes = new Set(rows.map((r) => String(r.valid)));
    expect([...outcomes].sort()).toEqual(['false', 'null', 'true']);
  });

  it('validates the hand-checked examples', async () => {
    const rows = await evaluate(['529.982.247-25', '11.222.333/0001-81', '12.ABC.345/01DE-35', '1234567000195', '111.111.111-11']);
    expect(rows.map((r) => r.valid)).toEqual([true, true, true, true, false]);
    expect(rows.map((r) => r.kind)).toEqual(['cpf', 'cnpj', 'cnpj', 'cnpj', 'cpf']);
    expect(rows[3]!.normalized).toBe('01234567000195');
  });

  it('returns false for a non-normalized value and null for null', async () => {
    const reader = await con.runAndReadAll(`select doc_is_valid('abc') as a, doc_is_valid(null) as b, doc_kind('529.982.247-25') as c`);
    expect(reader.getRowObjectsJson()).toEqual([{ a: false, b: null, c: null }]);
  });
});
