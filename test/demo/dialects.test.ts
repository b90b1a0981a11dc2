import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../pipelines/demo/generateDemo.ts';
import { readCanonical, readExcelBr } from './readCsv.ts';

type Convert = (excel: string) => string;
const text: Convert = (v) => v;
const date: Convert = (v) => (v === '' ? '' : `${v.slice(6, 10)}-${v.slice(3, 5)}-${v.slice(0, 2)}`);
const month: Convert = (v) => `${v.slice(3, 7)}-${v.slice(0, 2)}`;
const money: Convert = (v) => v.replaceAll('.', '').replace(',', '.');
const map =
  (pairs: Record<string, string>): Convert =>
  (v) =>
    pairs[v] ?? `unexpected "${v}"`;

// The contract of the two dialects, written out from the specification: canonical column, Portuguese
// header, and how an excel-br value reads in canonical form.
const TABLES: { file: string; excelFile: string; columns: [string, string, Convert][] }[] = [
  {
    file: 'customers.csv',
    excelFile: 'clientes.csv',
    columns: [
      ['customer_id', 'Código do Cliente', text],
      ['name', 'Razão Social', text],
      ['document', 'CNPJ/CPF', text],
      ['segment', 'Segmento', text],
      ['city', 'Cidade', text],
      ['state', 'UF', text],
      ['seller_id', 'Vendedor', text],
      ['created_at', 'Data de Cadastro', date],
      ['email', 'E-mail', text],
      ['phone', 'Telefone', text],
    ],
  },
  {
    file: 'sellers.csv',
    excelFile: 'vendedores.csv',
    columns: [
      ['seller_id', 'Código do Vendedor', text],
      ['name', 'Nome', text],
      ['team', 'Equipe', text],
      ['state', 'UF', text],
      ['hired_at', 'Data de Admissão', date],
      ['active', 'Ativo', map({ Sim: 'true', Não: 'false' })],
    ],
  },
  {
    file: 'products.csv',
    excelFile: 'produtos.csv',
    columns: [
      ['product_id', 'Código do Produto', text],
      ['name', 'Descrição', text],
      ['category', 'Categoria', text],
    ],
  },
  {
    file: 'orders.csv',
    excelFile: 'pedidos.csv',
    columns: [
      ['order_id', 'Número do Pedido', text],
      ['customer_id', 'Código do Cliente', text],
      ['order_date', 'Data do Pedido', date],
      ['seller_id', 'Vendedor', text],
      ['status', 'Situação', map({ Faturado: 'invoiced', Cancelado: 'canceled', Devolvido: 'returned' })],
      ['channel', 'Canal', text],
      ['amount', 'Valor Total', money],
    ],
  },
  {
    file: 'order_items.csv',
    excelFile: 'itens_pedido.csv',
    columns: [
      ['order_id', 'Número do Pedido', text],
      ['product_id', 'Código do Produto', text],
      ['quantity', 'Quantidade', text],
      ['unit_price', 'Preço Unitário', money],
      ['discount', 'Desconto', money],
      ['unit_cost', 'Custo Unitário', money],
    ],
  },
  {
    file: 'contracts.csv',
    excelFile: 'contratos.csv',
    columns: [
      ['contract_id', 'Número do Contrato', text],
      ['customer_id', 'Código do Cliente', text],
      ['start_date', 'Data de Início', date],
      ['end_date', 'Data de Término', date],
      ['monthly_value', 'Valor Mensal', money],
      ['product_id', 'Código do Produto', text],
      ['status', 'Situação', map({ Ativo: 'active', Cancelado: 'canceled', Encerrado: 'ended' })],
    ],
  },
  {
    file: 'targets.csv',
    excelFile: 'metas.csv',
    columns: [
      ['seller_id', 'Vendedor', text],
      ['month', 'Mês', month],
      ['revenue_target', 'Meta de Faturamento', money],
      ['coverage_target_pct', 'Meta de Positivação (%)', text],
      ['new_customers_target', 'Meta de Novos Clientes', text],
    ],
  },
  {
    file: 'leads.csv',
    excelFile: 'oportunidades.csv',
    columns: [
      ['lead_id', 'Código do Lead', text],
      ['created_at', 'Data de Criação', date],
      ['seller_id', 'Vendedor', text],
      ['source', 'Origem', text],
      ['status', 'Situação', map({ Aberto: 'open', Ganho: 'won', Perdido: 'lost' })],
      ['closed_at', 'Data de Fechamento', date],
      ['customer_id', 'Código do Cliente', text],
    ],
  },
  {
    file: 'marketing_spend.csv',
    excelFile: 'investimento_marketing.csv',
    columns: [
      ['month', 'Mês', month],
      ['amount', 'Valor', money],
      ['channel', 'Canal', text],
    ],
  },
];

const outDir = mkdtempSync(join(tmpdir(), 'carteira-demo-dialects-'));
beforeAll(() => generateDemoData({ outDir, customers: 200, seed: 5 }));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('canonical and excel-br dialects', () => {
  it.each(TABLES)('carry the same rows in $file and $excelFile', ({ file, excelFile, columns }) => {
    const canonical = readCanonical(join(outDir, 'canonical', file));
    const excel = readExcelBr(join(outDir, 'excel-br', excelFile));
    expect(canonical.header).toEqual(columns.map(([name]) => name));
    expect(excel.header).toEqual(columns.map(([, header]) => header));
    expect(canonical.rows.length).toBeGreaterThan(0);
    expect(excel.rows.map((row) => row.map((value, i) => columns[i]![2](value)))).toEqual(canonical.rows);
  });

  it('writes canonical values as ISO dates, YYYY-MM months, decimal points and English keys', () => {
    const orders = readCanonical(join(outDir, 'canonical', 'orders.csv')).rows;
    for (const [, , orderDate, , status, , amount] of orders) {
      expect(orderDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['invoiced', 'canceled', 'returned']).toContain(status);
      expect(amount).toMatch(/^\d+\.\d{2}$/);
    }
    const targets = readCanonical(join(outDir, 'canonical', 'targets.csv')).rows;
    expect(targets[0]![1]).toMatch(/^\d{4}-\d{2}$/);
  });

  it('writes excel-br money with a decimal comma and thousands dots', () => {
    const amounts = readExcelBr(join(outDir, 'excel-br', 'pedidos.csv')).rows.map((row) => row[6]!);
    for (const amount of amounts) expect(amount).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
    expect(amounts.some((amount) => amount.includes('.'))).toBe(true);
  });

  it('encodes excel-br files in Windows-1252 with CRLF and no BOM', () => {
    const bytes = readFileSync(join(outDir, 'excel-br', 'clientes.csv'));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(0xe3)).toBe(true); // "ã" of "Razão Social"
    expect(bytes.includes(Buffer.from('ã', 'utf8'))).toBe(false);
    const lf = bytes.filter((b) => b === 0x0a).length;
    const crlf = bytes.toString('latin1').split('\r\n').length - 1;
    expect(crlf).toBe(lf);
  });

  it('encodes canonical files in UTF-8 with LF and no BOM', () => {
    const bytes = readFileSync(join(outDir, 'canonical', 'customers.csv'));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
    expect(bytes.includes(0x0d)).toBe(false);
    expect(bytes.toString('utf8').endsWith('\n')).toBe(true);
  });

  it('quotes names holding a comma or quotes, doubling the quotes', () => {
    const raw = readFileSync(join(outDir, 'canonical', 'customers.csv'), 'utf8');
    expect(raw).toMatch(/,"[^"\n]*, [^"\n]*",/);
    expect(raw).toMatch(/,"[^,\n]*""[^,\n]*""[^,\n]*",/);
    const names = readCanonical(join(outDir, 'canonical', 'customers.csv')).rows.map((row) => row[1]!);
    expect(names.some((name) => name.includes(','))).toBe(true);
    expect(names.some((name) => name.includes('"'))).toBe(true);
    expect(names.some((name) => name.includes("'"))).toBe(true);
    expect(names.some((name) => name.includes('&'))).toBe(true);
    expect(names.some((name) => /[ãçéíóôú]/.test(name))).toBe(true);
  });
});
