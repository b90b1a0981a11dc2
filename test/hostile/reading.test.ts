import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeHostileCases, readParquet, type HostileCase } from './hostileCase.ts';

const H = 'pedido;cliente;data;valor\n';
const order = (i: number, customer = `C${i}`) => `P${i};${customer};05/01/2026;10\n`;
/** Data lines 2..n+1, with some replaced: line number → text (with its line break). */
const orders = (n: number, replace: Record<number, string> = {}) => H + Array.from({ length: n }, (_, k) => replace[k + 2] ?? order(k + 2)).join('');

const cases: HostileCase[] = [
  {
    name: 'an unterminated quote in line 101 of 998 data lines costs that line only: 998 read, 997 loaded (DuckDB alone loaded 100)',
    exports: { 'pedidos.csv': orders(998, { 101: 'P101;"C101;05/01/2026;10\n' }) },
    expect: {
      exit: 0,
      output: ['Rejeições dentro do limite: pedidos: 1 de 998 linhas rejeitadas (0,1%), limite de 5%'],
      summary: { 'pedidos.csv': { read: 998, loaded: 997, rejected: 1 } },
      reasons: { 'pedidos.csv:unterminated_quote': 1 },
    },
  },
  {
    name: 'an unterminated quote in line 3 of 10 is 10% of the orders: the run stops with exit 4 naming the line',
    exports: { 'pedidos.csv': orders(10, { 3: 'P3;"C3;05/01/2026;10\n' }) },
    expect: {
      exit: 4,
      output: ['pedidos: 1 de 10 linhas rejeitadas (10,0%), acima do limite de 5%', 'pedidos.csv:3, coluna "cliente", valor ""C3": unterminated_quote'],
      check: (d) => expect(readdirSync(d.root)).not.toContain('marts'),
    },
  },
  {
    name: 'one Windows-1252 byte in a UTF-8 file is warned on its line, and every other accent of the file stays intact',
    exports: {
      'pedidos.csv': orders(3),
      'clientes.csv': Buffer.concat([
        Buffer.from('cliente;nome;cidade\nC2;Padaria São João;São Paulo\nC3;Açougue do Jos'),
        Buffer.from([0xe9]),
        Buffer.from(' Ltda;Maceió\nC4;Ação Comercial;Goiânia\n'),
      ]),
    },
    expect: {
      exit: 0,
      summary: { 'clientes.csv': { read: 3, loaded: 3, rejected: 0, warnings: 1 } },
      reasons: { 'clientes.csv:mixed_encoding': 1 },
      check: async (d) => {
        const names = await readParquet<{ name: string; city: string }>(join(d.out, 'customers.parquet'), 'select name, city from t order by customer_id');
        expect(names).toEqual([
          { name: 'Padaria São João', city: 'São Paulo' },
          { name: 'Açougue do José Ltda', city: 'Maceió' },
          { name: 'Ação Comercial', city: 'Goiânia' },
        ]);
        const [summary] = await readParquet<{ encoding: string }>(join(d.out, 'load_summary.parquet'), "select encoding from t where file = 'clientes.csv'");
        expect(summary?.encoding).toBe('utf-8');
      },
    },
  },
  {
    name: 'a CR alone inside an unquoted field no longer stops DuckDB: the row is kept with a space and a warning',
    exports: { 'pedidos.csv': orders(30, { 5: 'P5;C5\rloja 2;05/01/2026;10\n' }) },
    expect: {
      exit: 0,
      notOutput: ['state machine'],
      summary: { 'pedidos.csv': { read: 30, loaded: 30, rejected: 0, warnings: 1 } },
      reasons: { 'pedidos.csv:stray_carriage_return': 1 },
    },
  },
  {
    name: 'a 50 MB line is rejected with its line number instead of crashing the reader with "Not implemented"',
    exports: { 'pedidos.csv': orders(40, { 7: `P7;${'x'.repeat(50 * 1024 * 1024)};05/01/2026;10\n` }) },
    expect: {
      exit: 0,
      notOutput: ['Not implemented', 'Parallel CSV Reader'],
      summary: { 'pedidos.csv': { read: 40, loaded: 39, rejected: 1 } },
      reasons: { 'pedidos.csv:line_too_long': 1 },
      check: async (d) => {
        const [reject] = await readParquet<{ line: string; column: string }>(join(d.out, 'rejects.parquet'), 'select line, "column" from t');
        expect(reject).toEqual({ line: '7', column: 'cliente' });
      },
    },
  },
  {
    name: 'two exports pasted together, one with CRLF line breaks and one with LF, are read whole (DuckDB alone stopped on the first CRLF)',
    exports: { 'pedidos.csv': orders(10).replace(/\n/g, '\r\n') + Array.from({ length: 10 }, (_, k) => order(k + 12)).join('') },
    expect: { exit: 0, notOutput: ['state machine'], summary: { 'pedidos.csv': { read: 20, loaded: 20, rejected: 0, warnings: 0 } } },
  },
  {
    name: 'an old Mac export, with lines ending in CR alone, is read line by line',
    exports: { 'pedidos.csv': orders(5).replace(/\n/g, '\r') },
    expect: { exit: 0, summary: { 'pedidos.csv': { read: 5, loaded: 5 } } },
  },
  {
    name: 'a Windows-1252 export (no valid UTF-8 in it) is still read as Windows-1252',
    exports: {
      'pedidos.csv': orders(2),
      'clientes.csv': Buffer.from('cliente;nome\nC2;Padaria S\xe3o Jo\xe3o\nC3;\x93A\xe7ougue\x94 Ltda\n', 'latin1'),
    },
    expect: {
      exit: 0,
      check: async (d) => {
        const names = await readParquet<{ name: string }>(join(d.out, 'customers.parquet'), 'select name from t order by customer_id');
        expect(names.map((n) => n.name)).toEqual(['Padaria São João', '“Açougue” Ltda']);
      },
    },
  },
  {
    name: 'a file mixing more than 10,000 bytes of another encoding into UTF-8 stops with exit 3 instead of turning into mojibake',
    exports: {
      'pedidos.csv': Buffer.concat([
        Buffer.from(H),
        ...Array.from({ length: 10_002 }, (_, i) => Buffer.from(`U${i};São;05/01/2026;10\n`)),
        ...Array.from({ length: 10_001 }, (_, i) => Buffer.from(`W${i};S\xe3o;05/01/2026;10\n`, 'latin1')),
      ]),
    },
    expect: { exit: 3, output: ['pedidos.csv: mistura codificações: 10.002 caracteres em UTF-8 e 10.001 bytes que não são UTF-8 (o primeiro na linha 10004)'] },
  },
  {
    name: 'an export that is a symbolic link to a file outside the folder is read, and the summary names where it leads',
    setup: (d) => {
      writeFileSync(join(d.root, 'pedidos_reais.csv'), orders(3));
      symlinkSync(join(d.root, 'pedidos_reais.csv'), join(d.exports, 'pedidos.csv'));
    },
    expect: {
      exit: 0,
      output: [/pedidos\.csv é um link simbólico; lido de .*pedidos_reais\.csv/],
      summary: { 'pedidos.csv': { read: 3, loaded: 3 } },
    },
  },
  {
    name: 'a broken symbolic link stops with exit 3, naming the link and where it points',
    exports: { 'pedidos.csv': orders(3) },
    setup: (d) => symlinkSync(join(d.root, 'sumiu.csv'), join(d.exports, 'clientes.csv')),
    expect: { exit: 3, output: [/clientes\.csv: é um link simbólico para ".*sumiu\.csv", que não existe ou não pode ser lido\. Como corrigir: recrie o link/] },
  },
];

describeHostileCases('reading failures that used to pass in silence', cases);
