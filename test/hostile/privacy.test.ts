import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeHostileCases, readParquet, type CaseDirs, type CliRun, type HostileCase } from './hostileCase.ts';

// Pseudonyms under this key are SHA-256(key + text), the first hex digits spelled 0→A … 9→K, a→L … f→R,
// computed apart with node:crypto; a code written as a punctuated CPF is read as its digits first:
//   '529.982.247-25' → '52998224725' 9865adc594c7 → KJGFLPNFKENH     'CLI-KJGFLPNFKENH' a51a87… → LFBLJH
//   '111.444.777-35' → '11144477735' 31d49c2fb0f3 → DBPEKNCRMARD     'C1' 3e4bd8… → DQEMPJ
const key = { CARTEIRA_PSEUDONYM_KEY: 'carteira-hostile-key-0123456789abcdef' };

/** Joana's CPF in any punctuation, valid (…-25) or not (…-24). */
const JOANA_CPF = /529[.\s]?982[.\s]?247[-.\s]?2[45]/;
const orders = (...customers: string[]) => ['pedido;cliente;data;valor', ...customers.map((c, i) => `P${i + 1};${c};0${i + 1}/03/2026;100`)].join('\n') + '\n';

/** Every text cell of every published mart. */
async function publishedText(dirs: CaseDirs): Promise<string[]> {
  const cells: string[] = [];
  for (const file of readdirSync(dirs.out).filter((f) => f.endsWith('.parquet'))) {
    const rows = await readParquet<Record<string, unknown>>(join(dirs.out, file));
    for (const row of rows) for (const value of Object.values(row)) if (typeof value === 'string') cells.push(value);
  }
  return cells;
}

/** Checks that none of the fragments shows in the run's output or in any published value. */
function publishedNowhere(...fragments: (string | RegExp)[]) {
  return async (dirs: CaseDirs, run: CliRun) => {
    const cells = await publishedText(dirs);
    for (const fragment of fragments) {
      expect(run.output, 'console output').not.toMatch(fragment);
      const hits = cells.filter((cell) => (typeof fragment === 'string' ? cell.includes(fragment) : fragment.test(cell)));
      expect(hits, `published values holding ${fragment}`).toEqual([]);
    }
  };
}

const cases: HostileCase[] = [
  {
    name: 'a customers line with a column too many keeps only its field count in rejects, not the CPF, e-mail, phone and name it holds',
    exports: {
      'clientes.csv':
        'cliente;nome;cpf/cnpj;email;telefone\nC1;Mercado Um Ltda;11.222.333/0001-81;;\nC2;Joana;Prado;529.982.247-25;joana@exemplo.com;(11) 98765-4321\n',
      'pedidos.csv': orders('C1'),
    },
    // one rejected customer of two is above the 5% limit: publish anyway to see what is published
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--accept-rejects'],
    expect: {
      exit: 0,
      notOutput: [JOANA_CPF],
      summary: { 'clientes.csv': { read: 2, loaded: 1, rejected: 1 } },
      reasons: { 'clientes.csv:too_many_columns': 1 },
      check: async (dirs, run) => {
        const rejects = await readParquet(join(dirs.out, 'rejects.parquet'), 'select line, value from t');
        expect(rejects).toEqual([{ line: '3', value: '6 campos; o cabeçalho tem 5' }]);
        await publishedNowhere(JOANA_CPF, '52998224725', 'joana@', '98765-4321', 'Prado')(dirs, run);
      },
    },
  },
  {
    name: 'a document with extra text (CPF 529.982.247-25) is nulled with a warning, reported masked, and its person pseudonymized',
    exports: { 'clientes.csv': 'cliente;nome;documento\nC1;Joana Prado;CPF 529.982.247-25\n', 'pedidos.csv': orders('C1') },
    env: key,
    expect: {
      exit: 0,
      notOutput: [JOANA_CPF],
      summary: { 'clientes.csv': { read: 1, loaded: 1, rejected: 0, warnings: 1 } },
      reasons: { 'clientes.csv:invalid_document': 1 },
      check: async (dirs, run) => {
        expect(await readParquet(join(dirs.out, 'rejects.parquet'), 'select value from t')).toEqual([{ value: 'CPF ***.***.***-**' }]);
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select name, document from t')).toEqual([{ name: 'Cliente PF DQEMPJ', document: null }]);
        await publishedNowhere(JOANA_CPF, 'Joana')(dirs, run);
      },
    },
  },
  {
    name: 'a CPF used as the customer code becomes one stable pseudonym in every mart and is published nowhere',
    exports: {
      'clientes.csv': 'cliente;nome;documento\n529.982.247-25;Joana Prado;529.982.247-25\n',
      'pedidos.csv': orders('529.982.247-25', '529.982.247-25'),
    },
    env: key,
    expect: {
      exit: 0,
      notOutput: [JOANA_CPF],
      summary: { 'clientes.csv': { read: 1, loaded: 1 }, 'pedidos.csv': { read: 2, loaded: 2 } },
      check: async (dirs, run) => {
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select customer_id, name, document from t')).toEqual([
          { customer_id: 'CLI-KJGFLPNFKENH', name: 'Cliente PF LFBLJH', document: '***.982.247-**' },
        ]);
        expect(await readParquet(join(dirs.out, 'customer_status_monthly.parquet'), 'select distinct customer_id from t')).toEqual([
          { customer_id: 'CLI-KJGFLPNFKENH' },
        ]);
        await publishedNowhere(JOANA_CPF, '52998224725', 'Joana')(dirs, run);
      },
    },
  },
  {
    name: 'a person without a document is published under a pseudonym, beside a company named by its legal form',
    exports: { 'clientes.csv': 'cliente;nome\nC1;Joana Prado\nC2;Padaria Sol Ltda\n', 'pedidos.csv': orders('C1', 'C2') },
    env: key,
    expect: {
      exit: 0,
      summary: { 'clientes.csv': { read: 2, loaded: 2, warnings: 0 } },
      check: async (dirs, run) => {
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select customer_id, name from t order by 1')).toEqual([
          { customer_id: 'C1', name: 'Cliente PF DQEMPJ' },
          { customer_id: 'C2', name: 'Padaria Sol Ltda' },
        ]);
        await publishedNowhere('Joana', 'Prado')(dirs, run);
      },
    },
  },
  {
    name: "a person whose short name happens to sit inside the pseudonym label (PF) is published under it, instead of stopping the run's privacy check",
    exports: { 'clientes.csv': 'cliente;nome\nC1;PF\n', 'pedidos.csv': orders('C1') },
    env: key,
    expect: {
      exit: 0,
      check: async (dirs) => {
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select customer_id, name from t')).toEqual([
          { customer_id: 'C1', name: 'Cliente PF DQEMPJ' },
        ]);
      },
    },
  },
  {
    name: 'a person with an invalid CPF is published under a pseudonym, and the CPF shows masked in rejects',
    exports: { 'clientes.csv': 'cliente;nome;cpf\nC1;Joana Prado;529.982.247-24\n', 'pedidos.csv': orders('C1') },
    env: key,
    expect: {
      exit: 0,
      notOutput: [JOANA_CPF],
      summary: { 'clientes.csv': { read: 1, loaded: 1, warnings: 1 } },
      reasons: { 'clientes.csv:invalid_document': 1 },
      check: async (dirs, run) => {
        expect(await readParquet(join(dirs.out, 'rejects.parquet'), 'select "column", value from t')).toEqual([{ column: 'cpf', value: '***.***.***-**' }]);
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select name from t')).toEqual([{ name: 'Cliente PF DQEMPJ' }]);
        await publishedNowhere(JOANA_CPF, 'Joana')(dirs, run);
      },
    },
  },
  {
    name: 'a company with a valid CNPJ keeps its name and its full CNPJ',
    exports: { 'clientes.csv': 'cliente;nome;cnpj\nC1;Lima & Cia;11.222.333/0001-81\n', 'pedidos.csv': orders('C1') },
    expect: {
      exit: 0,
      summary: { 'clientes.csv': { read: 1, loaded: 1, warnings: 0 } },
      check: async (dirs) => {
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select name, document, document_kind from t')).toEqual([
          { name: 'Lima & Cia', document: '11.222.333/0001-81', document_kind: 'cnpj' },
        ]);
      },
    },
  },
  {
    name: 'an e-mail typed in the name column is published under a pseudonym',
    exports: { 'clientes.csv': 'cliente;nome\nC1;joana.prado@exemplo.com.br\n', 'pedidos.csv': orders('C1') },
    env: key,
    expect: {
      exit: 0,
      notOutput: ['joana.prado'],
      summary: { 'clientes.csv': { read: 1, loaded: 1 } },
      check: async (dirs, run) => {
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select name from t')).toEqual([{ name: 'Cliente PF DQEMPJ' }]);
        await publishedNowhere('joana.prado', '@exemplo')(dirs, run);
      },
    },
  },
  {
    name: 'a phone typed in the city column is masked in the customers mart',
    exports: { 'clientes.csv': 'cliente;nome;cidade;uf\nC1;Padaria Sol Ltda;Recife fone (81) 3333-4444;PE\n', 'pedidos.csv': orders('C1') },
    expect: {
      exit: 0,
      summary: { 'clientes.csv': { read: 1, loaded: 1 } },
      check: async (dirs, run) => {
        expect(await readParquet(join(dirs.out, 'customers.parquet'), 'select name, city from t')).toEqual([
          { name: 'Padaria Sol Ltda', city: 'Recife fone (**) ****-****' },
        ]);
        await publishedNowhere('3333-4444')(dirs, run);
      },
    },
  },
  {
    name: 'a seller whose code is a CPF gets a pseudonym in every mart and keeps the name',
    exports: {
      'vendedores.csv': 'vendedor;nome\n111.444.777-35;Beatriz Nunes\n',
      'pedidos.csv': 'pedido;cliente;data;vendedor;valor\nP1;C1;01/03/2026;111.444.777-35;100\n',
    },
    env: key,
    expect: {
      exit: 0,
      notOutput: ['111.444.777-35'],
      summary: { 'vendedores.csv': { read: 1, loaded: 1 } },
      check: async (dirs, run) => {
        expect(await readParquet(join(dirs.out, 'sellers.parquet'), 'select seller_id, name from t')).toEqual([
          { seller_id: 'VEN-DBPEKNCRMARD', name: 'Beatriz Nunes' },
        ]);
        expect(await readParquet(join(dirs.out, 'sellers_monthly.parquet'), 'select distinct seller_id from t')).toEqual([{ seller_id: 'VEN-DBPEKNCRMARD' }]);
        await publishedNowhere('111.444.777-35', '11144477735')(dirs, run);
      },
    },
  },
  {
    name: 'a CPF customer code repeated with other content is rejected as a duplicate with the code masked',
    exports: {
      'clientes.csv': 'cliente;nome\n529.982.247-25;Joana Prado\n529.982.247-25;Joana P.\n',
      'pedidos.csv': orders('529.982.247-25'),
    },
    // one rejected customer of two is above the 5% limit: publish anyway to see what is published
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--accept-rejects'],
    expect: {
      exit: 0,
      notOutput: [JOANA_CPF],
      summary: { 'clientes.csv': { read: 2, loaded: 1, rejected: 1 } },
      reasons: { 'clientes.csv:duplicate_id': 1 },
      check: async (dirs, run) => {
        // the code as read (its digits), masked
        expect(await readParquet(join(dirs.out, 'rejects.parquet'), 'select line, value from t')).toEqual([{ line: '3', value: '***********' }]);
        await publishedNowhere(JOANA_CPF, 'Joana')(dirs, run);
      },
    },
  },
  {
    name: 'a customers file without its header stops with exit 3, and the message quoting its first line shows no CPF, e-mail or phone',
    exports: { 'clientes.csv': '529.982.247-25;Joana Prado;joana@exemplo.com;(11) 98765-4321\n', 'pedidos.csv': orders('C1') },
    expect: {
      exit: 3,
      output: ['clientes.csv', 'Cabeçalho encontrado: "***.***.***-**", "Joana Prado", "***@***", "(**) ****-****"'],
      notOutput: [JOANA_CPF, 'joana@exemplo.com', '98765-4321'],
    },
  },
];

describeHostileCases('personal data (LGPD)', cases);
