import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeHostileCases, readParquet, type HostileCase } from './hostileCase.ts';

/** Real exports read right (issue: dates, numbers, orphans and mappings of flat ERP reports). */
const cases: HostileCase[] = [
  {
    name: 'orders of customers missing from the customers file are kept, and each is warned as unknown_customer',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\nP2;C9;15/01/2026;20\nP3;C9;01/02/2026;30\nP4;C8;02/02/2026;5\n',
      'clientes.csv': 'cliente;nome;uf\nC1;Mercado Um Ltda;SP\n',
    },
    expect: {
      exit: 0,
      output: [/pedidos\.csv.*unknown_customer.*aviso.*'3'/],
      summary: { 'pedidos.csv': { read: 4, loaded: 4, rejected: 0, warnings: 3 } },
      reasons: { 'pedidos.csv:unknown_customer': 3 },
      check: async (d) => {
        const lines = await readParquet<{ line: string; value: string }>(join(d.out, 'rejects.parquet'), `select line, value from t where reason_code = 'unknown_customer' order by line`);
        expect(lines).toEqual([{ line: '3', value: 'C9' }, { line: '4', value: 'C9' }, { line: '5', value: 'C8' }]);
      },
    },
  },
  {
    name: 'without a customers file, orders are not warned as unknown_customer: every customer is known only from its orders',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\nP2;C9;15/01/2026;20\n' },
    expect: { exit: 0, reasons: { 'pedidos.csv:unknown_customer': 0 } },
  },
  {
    name: 'customers from US states: Geografia says the data has no Brazilian states and names no leading UF',
    command: 'build',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;05/01/2026;100\nP2;C2;15/01/2026;200\nP3;C3;20/01/2026;50\nP4;C1;01/02/2026;30\n',
      'clientes.csv': 'cliente;nome;uf\nC1;Corner Store Inc;CA\nC2;Deli LLC;NY\nC3;Mercado Ltda;SP\n',
    },
    expect: {
      exit: 0,
      reasons: { 'clientes.csv:unknown_uf': 2 },
      check: (d) => {
        const page = readFileSync(join(d.dist, 'geografia', 'index.html'), 'utf8');
        expect(page).toContain('Os dados não têm UFs brasileiras');
        // 50 of 350 reais in January come from SP
        expect(page).toContain('Só 14,3% do faturamento');
        expect(page).not.toContain('Maior UF');
        expect(page).not.toContain('Maior região');
      },
    },
  },
  {
    name: 'dates written dd/mm/aa and months written out/26 are read as 20aa, not rejected as year 0019',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;03/01/26;10\nP2;C2;15/01/26;20\nP3;C1;01/02/26;30\n',
      'metas.csv': 'vendedor;mes;meta\nV1;jan/26;1000\nV1;02/26;1000\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-02-01'],
    expect: {
      exit: 0,
      summary: { 'pedidos.csv': { read: 3, loaded: 3, rejected: 0 }, 'metas.csv': { read: 2, loaded: 2, rejected: 0 } },
      reasons: { 'pedidos.csv:bad_date': 0, 'metas.csv:bad_month': 0 },
    },
  },
];

describeHostileCases('real exports read right', cases);
