import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

describe('loading a messy Brazilian orders export', () => {
  const tmp = tempDir();
  let db: Database;
  let result: LoadResult;
  let rejects: Record<string, string | null>[];

  beforeAll(async () => {
    writeExport(
      tmp.dir,
      'pedidos_2026-01.csv',
      [
        'Número do Pedido;Código Cliente;Data do Pedido;Vendedor;Situação;Valor Total', // line 1
        'P1;C1;05/01/2026;V1;Faturado;"R$ 1.234,56"', // 2
        'P2;C2;2026-01-06;V1;cancelado;100', // 3
        '', // 4: blank, skipped
        'P3;C1;31/02/2026;V2;Faturado;50,5', // 5: no 31 February
        'P4;C3;10/01/2026 10:30;V2;aprovado;10', // 6: unknown status (invoiced in one ERP, not yet in another)
        'P1;C1;05/01/2026;V1;Faturado;"R$ 1.234,56"', // 7: exact duplicate of line 2
        'P2;C9;2026-01-06;V1;cancelado;100', // 8: same id, other content
        'P5;"Cliente\r\nquebrado";11/01/2026;V1;;7', // 9-10: quoted line break
        'P6;C5;12/01/2026;V1;;8;extra', // 11: one column too many
        'P7;;13/01/2026;V1;;9', // 12: no customer
        'P8;C6;20/12/2026;V1;;9', // 13: after the as-of date
      ],
      { eol: '\r\n' },
    );
    db = await Database.open();
    result = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir, asOf: '2026-01-31' });
    rejects = await db.rows('select line, "column", value, reason_code, severity from load_rejects order by line');
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  it('names the physical line, the source column and the raw value of every rejected row, and only the field count of a line with too many columns', () => {
    expect(rejects).toEqual([
      { line: '5', column: 'Data do Pedido', value: '31/02/2026', reason_code: 'bad_date', severity: 'reject' },
      { line: '6', column: 'Situação', value: 'aprovado', reason_code: 'unknown_value', severity: 'reject' },
      { line: '8', column: 'Número do Pedido', value: 'P2', reason_code: 'duplicate_id', severity: 'reject' },
      { line: '11', column: null, value: '7 campos; o cabeçalho tem 6', reason_code: 'too_many_columns', severity: 'reject' },
      { line: '12', column: 'Código Cliente', value: null, reason_code: 'missing_required', severity: 'reject' },
    ]);
  });

  it('accounts for every record: read = loaded + rejected + collapsed + after as-of + empty', () => {
    const [file] = result.summary.files;
    expect(file).toMatchObject({ read: 10, loaded: 3, rejected: 5, collapsed: 1, after_as_of: 1, empty: 0 });
  });

  it('reads R$ amounts with thousands dots, ISO and Brazilian dates, and Portuguese statuses', async () => {
    const orders = await db.rows("select order_id, customer_id, strftime(order_date, '%Y-%m-%d') as d, status, amount from src_orders order by order_id");
    expect(orders).toEqual([
      { order_id: 'P1', customer_id: 'C1', d: '2026-01-05', status: 'invoiced', amount: '1234.56' },
      { order_id: 'P2', customer_id: 'C2', d: '2026-01-06', status: 'canceled', amount: '100.00' },
      { order_id: 'P5', customer_id: 'Cliente\r\nquebrado', d: '2026-01-11', status: null, amount: '7.00' },
    ]);
  });

  it('points a conflicting duplicate at the occurrence that was kept', async () => {
    const reason = await db.scalar<string>("select reason from load_rejects where reason_code = 'duplicate_id'");
    expect(reason).toContain('primeira ocorrência: pedidos_2026-01.csv linha 3');
  });
});
