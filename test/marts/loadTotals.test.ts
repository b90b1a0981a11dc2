import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts(
    {
      'customers.csv': ['customer_id,name,company_size', 'C1,Cliente Um Ltda,gigante', 'C2,Cliente Dois Ltda,'],
      'orders.csv': [
        'order_id,customer_id,order_date,amount',
        'O1,C1,2026-02-02,100',
        'O2,C1,2026-02-03,100',
        'O3,C2,2026-02-04,100',
        'O4,C2,2026-02-05,100',
        'O5,C2,2026-02-31,100',
        'O1,C1,2026-02-02,100',
        'Total,,,500',
      ],
      // a file of the folder whose name matches no entity: not read, and said
      'relatorio_vendas.csv': ['pedido;valor', 'X1;5'],
    },
    '2026-02-20',
    { rejects: { max_share: 0.5 } },
  );
});
afterAll(() => marts.close());

describe('load_totals', () => {
  it('sums the files of load_summary and counts the problems listed in rejects', async () => {
    // orders.csv: 7 lines read, 4 loaded, 2 rejected (no 31 February; the total line, no record), 1 exact duplicate collapsed;
    // customers.csv: 2 read and loaded, 1 with a warning (porte "gigante" nulled).
    // Files 2; read 7 + 2 = 9; loaded 4 + 2 = 6; rejected 2 + 0 = 2, of which records 1; problems listed: 2 rejects and the warning = 3
    expect(await marts.rows('select files, unread_files, read, loaded, rejected, rejected_records, problem_rows from load_totals')).toEqual([
      { files: 2, unread_files: 1, read: 9, loaded: 6, rejected: 2, rejected_records: 1, problem_rows: 3 },
    ]);
  });

  it('lists a file of the folder it did not read in load_summary, without an entity, with a note saying why and what to do', async () => {
    const [row] = await marts.rows("select entity, read, notes from load_summary where file = 'relatorio_vendas.csv'");
    expect(row).toEqual({
      entity: null,
      read: '0',
      notes: expect.stringMatching(/^não lido: o nome não corresponde a nenhuma entidade; se traz dados, renomeie-o/),
    });
  });
});
