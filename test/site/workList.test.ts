import { describe, expect, it } from 'vitest';
import type { FieldLabels } from '../../src/lib/labels.ts';
import { WORK_LIST_COLUMNS, type WorkListRow, workListCsv, workListCsvRows } from '../../src/lib/workList.ts';

const actions: FieldLabels = {
  label: (value) => (({ retain: 'Reter', renew: 'Renovar', offer: 'Oferecer' }) as Record<string, string>)[value ?? ''] ?? String(value),
  order: ['retain', 'renew', 'offer'],
};
const asOf = new Date(Date.UTC(2026, 10, 20));
const row = (overrides: Partial<WorkListRow>): WorkListRow => ({
  seller_id: 'V1',
  customer_id: 'C1',
  name: 'Mercado Central Ltda',
  city: 'Curitiba',
  state: 'PR',
  action: 'retain',
  reason_pt: 'Chance de seguir comprando: 12%',
  value_at_stake: 1000,
  priority_score: 1000,
  upsell_gain: null,
  cross_sell_gain: null,
  rank: 1,
  as_of_date: asOf,
  ...overrides,
});

describe('the per-seller work list CSV', () => {
  it('lists the actions in rank order with their Portuguese labels, falling back to the code for a missing name', () => {
    const rows = workListCsvRows(
      [row({ rank: 2, customer_id: 'C2', name: null, action: 'offer', value_at_stake: 2400, priority_score: 1680 }), row({ rank: 1, action: 'renew' })],
      actions,
    );
    expect(rows.map((r) => [r.Posição, r.Ação, r.Cliente])).toEqual([
      [1, 'Renovar', 'Mercado Central Ltda'],
      [2, 'Oferecer', 'C2'],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(WORK_LIST_COLUMNS.map((c) => c.name));
  });

  it('writes a BOM, ; between fields, decimal commas, dd/mm/aaaa and neutralizes a name that starts a formula', () => {
    const csv = workListCsv(
      [row({ name: '=HYPERLINK("x")', value_at_stake: 1234.5, priority_score: 617.25, reason_pt: 'comprava a cada 7 dias; está há 30 dias sem comprar' })],
      actions,
    ).toString('utf8');
    expect(csv).toBe(
      '\ufeffPosição;Ação;Código do cliente;Cliente;Cidade;UF;Motivo;Valor em jogo (R$);Prioridade (R$);Upsell do cliente (R$/mês);Cross-sell do cliente (R$/mês);Data de referência\r\n' +
        `1;Reter;C1;"'=HYPERLINK(""x"")";Curitiba;PR;"comprava a cada 7 dias; está há 30 dias sem comprar";1234,5;617,25;;;20/11/2026\r\n`,
    );
  });

  it("gives an offer the customer's summed upsell and cross-sell, a month", () => {
    const [offer] = workListCsvRows([row({ action: 'offer', upsell_gain: 4000, cross_sell_gain: 9000 })], actions);
    expect([offer!['Upsell do cliente (R$/mês)'], offer!['Cross-sell do cliente (R$/mês)']]).toEqual([4000, 9000]);
  });

  it('writes only the header for a seller without actions', () => {
    expect(workListCsv([], actions).toString('utf8').split('\r\n')).toEqual([
      '\ufeffPosição;Ação;Código do cliente;Cliente;Cidade;UF;Motivo;Valor em jogo (R$);Prioridade (R$);Upsell do cliente (R$/mês);Cross-sell do cliente (R$/mês);Data de referência',
      '',
    ]);
  });
});
