import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

describe('every reject and warning reason, with its line', () => {
  const tmp = tempDir();
  let db: Database;
  let result: LoadResult;
  let rejects: { file: string; line: string; column: string | null; value: string | null; reason_code: string; severity: string }[];

  beforeAll(async () => {
    writeExport(tmp.dir, 'clientes.csv', [
      'cliente;nome;cpf/cnpj;uf;email;telefone', // 1
      'C1;Mercado Um;11.222.333/0001-81;SP;c1@x.com.br;(11) 98765-4321', // 2: fine
      'C2;Maria Silva;529.982.247-24;Minas Gerais;maria@x.com.br;(31) 91234-5678', // 3: CPF check digit wrong → warning, masked
      'C3;Padaria Três;12.ABC.345/01DE-35;ZZ;;', // 4: alphanumeric CNPJ ok; unknown UF → warning
      'C1;Mercado Um;11.222.333/0001-81;SP;c1@x.com.br;(11) 98765-4321', // 5: exact duplicate → collapsed
      '1,23457E+13;Bar do Zé;;SP;;', // 6: a code Excel turned into a number: lost its last digits
    ]);
    writeExport(tmp.dir, 'produtos.csv', ['codigo do produto;descricao;categoria', 'X1;Leite;Laticínios']);
    writeExport(tmp.dir, 'pedidos.csv', [
      'pedido;cliente;data;vendedor;situacao', // 1
      'P1;C1;10/01/2026;V1;faturado', // 2
      'P2;C2;32/01/2026;V1;faturado', // 3: bad date
      'P3;C3;11/01/2026;V1;faturado', // 4
      'P4;C1;12/01/2026;V1;faturado', // 5: has no items and no amount: its value is unknown
      'P5;C1;46031;V1;faturado', // 6: a date Excel saved as its serial number (09/01/2026)
    ]);
    writeExport(tmp.dir, 'itens_pedido.csv', [
      'pedido;produto;quantidade;preco unitario;desconto', // 1
      'P1;X1;2;10,00;1,00', // 2: fine
      'P1;X9;1;abc;', // 3: bad number
      'P1;X9;-1;5,00;', // 4: negative quantity
      'P3;X9;1;5,00;', // 5: unknown product → warning
      'P2;X1;1;5,00;', // 6: its order was rejected
      'P7;X1;1;5,00;', // 7: unknown order
      'P3;X1;999999999999;5.000,00;', // 8: R$ 5 quadrillion, a code pasted as a quantity
      'P3;X1;1000;2.000,50;', // 9: fine, R$ 2,000,500.00
      'P3;X1;1;5,00;10%', // 10: a discount as a percentage in a column in reais: read as none, it would overstate revenue
    ]);
    writeExport(tmp.dir, 'metas.csv', ['vendedor;mes;meta de faturamento', 'V1;01/2026;1000', 'V1;out/2026;2000', 'V1;13/2026;10']);
    writeExport(tmp.dir, 'contratos.csv', [
      'contrato,cliente,inicio,fim,valor mensal',
      'K1,C1,2025-02-01,2026-01-31,"1,000.00"',
      'K2,C1,2025-02-01,2026-01-31,',
      'K4,C1,2025-02-01,2024-01-31,"1,000.00"', // ends before it starts
      '"K3,C1,2025-02-01',
    ]);
    db = await Database.open();
    result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    rejects = await db.rows('select file, line, "column", value, reason_code, severity from load_rejects order by file, cast(line as integer), "column"');
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('lists each problem with file, line, source column, masked value and reason code', () => {
    expect(rejects).toEqual([
      { file: 'clientes.csv', line: '3', column: 'cpf/cnpj', value: '***.***.***-**', reason_code: 'invalid_document', severity: 'warning' },
      { file: 'clientes.csv', line: '4', column: 'uf', value: 'ZZ', reason_code: 'unknown_uf', severity: 'warning' },
      { file: 'clientes.csv', line: '6', column: 'cliente', value: '1,23457E+13', reason_code: 'scientific_notation', severity: 'reject' },
      { file: 'contratos.csv', line: '3', column: 'valor mensal', value: null, reason_code: 'missing_required', severity: 'reject' },
      // the value is the field the quote opens, up to the next delimiter, not the whole line
      { file: 'contratos.csv', line: '4', column: 'fim', value: '31/01/2024', reason_code: 'end_before_start', severity: 'reject' },
      { file: 'contratos.csv', line: '5', column: 'contrato', value: '"K3', reason_code: 'unterminated_quote', severity: 'reject' },
      { file: 'itens_pedido.csv', line: '3', column: 'preco unitario', value: 'abc', reason_code: 'bad_number', severity: 'reject' },
      { file: 'itens_pedido.csv', line: '4', column: 'quantidade', value: '-1', reason_code: 'negative_value', severity: 'reject' },
      { file: 'itens_pedido.csv', line: '5', column: 'produto', value: 'X9', reason_code: 'unknown_product', severity: 'warning' },
      { file: 'itens_pedido.csv', line: '6', column: 'pedido', value: 'P2', reason_code: 'order_rejected', severity: 'reject' },
      { file: 'itens_pedido.csv', line: '7', column: 'pedido', value: 'P7', reason_code: 'unknown_order', severity: 'reject' },
      { file: 'itens_pedido.csv', line: '8', column: 'quantidade', value: '999999999999.000000', reason_code: 'amount_out_of_range', severity: 'reject' },
      { file: 'itens_pedido.csv', line: '10', column: 'desconto', value: '10%', reason_code: 'percent_in_amount', severity: 'reject' },
      { file: 'metas.csv', line: '4', column: 'mes', value: '13/2026', reason_code: 'bad_month', severity: 'reject' },
      { file: 'pedidos.csv', line: '3', column: 'data', value: '32/01/2026', reason_code: 'bad_date', severity: 'reject' },
      { file: 'pedidos.csv', line: '5', column: 'amount', value: 'P4', reason_code: 'missing_amount', severity: 'reject' },
      { file: 'pedidos.csv', line: '6', column: 'data', value: '46031', reason_code: 'excel_date_serial', severity: 'reject' },
    ]);
  });

  it('never lets an e-mail, phone or full CPF into the rejects', () => {
    const text = JSON.stringify(rejects);
    expect(text).not.toContain('@x.com.br');
    expect(text).not.toContain('98765');
    expect(text).not.toContain('529.982.247-24');
  });

  it('keeps items of unknown products, nulls bad optional values, and reads "out/2026" as October', async () => {
    expect(await db.rows('select order_id, product_id, quantity from src_order_items order by order_id, product_id')).toEqual([
      { order_id: 'P1', product_id: 'X1', quantity: '2.000000' },
      { order_id: 'P3', product_id: 'X1', quantity: '1000.000000' },
      { order_id: 'P3', product_id: 'X9', quantity: '1.000000' },
    ]);
    expect(await db.rows('select customer_id, document, state from src_customers order by customer_id')).toEqual([
      { customer_id: 'C1', document: '11222333000181', state: 'SP' },
      { customer_id: 'C2', document: null, state: 'MG' },
      { customer_id: 'C3', document: '12ABC34501DE35', state: null },
    ]);
    expect(await db.rows("select strftime(month, '%Y-%m') as m from src_targets order by m")).toEqual([{ m: '2026-01' }, { m: '2026-10' }]);
  });

  it('makes every file add up', () => {
    for (const f of result.summary.files) {
      expect(f.read, f.file).toBe(f.loaded + f.rejected + f.collapsed + f.after_as_of + f.empty);
    }
    expect(result.summary.files.find((f) => f.file === 'clientes.csv')).toMatchObject({ read: 5, loaded: 3, rejected: 1, collapsed: 1, warnings: 2 });
    expect(result.summary.files.find((f) => f.file === 'itens_pedido.csv')).toMatchObject({ read: 9, loaded: 3, rejected: 6, warnings: 1 });
  });
});
