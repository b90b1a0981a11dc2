import { describe, expect, it } from 'vitest';
import { breakdownBars, sellerRows, stateRows } from '../../src/lib/breakdownRows.ts';
import type { FieldLabels } from '../../src/lib/labels.ts';
import { orderBands } from '../../src/lib/risco.ts';
import type { Seller } from '../../src/lib/vendedores.ts';

const band = (key: string, customers: number, share: number) => ({
  key,
  customers,
  share,
  at_risk_by_rhythm: 0,
  window_revenue: 0,
  min_p_alive: null,
  max_p_alive: null,
});

describe('orderBands', () => {
  it('lists high, medium and low in that order, zero-filled, keeping the share churn_bands gave each', () => {
    // 30 + 10 = 40 customers: low 30/40 = 75%, high 10/40 = 25% (churn_bands.customer_share), medium none.
    const bands = orderBands([band('low', 30, 0.75), band('high', 10, 0.25)]);
    expect(bands.map((b) => [b.key, b.customers, b.share])).toEqual([
      ['high', 10, 0.25],
      ['medium', 0, 0],
      ['low', 30, 0.75],
    ]);
  });
});

describe('breakdown rows', () => {
  const seller: Seller = { id: 'V1', slug: 'v1', name: 'Ana <b>Souza</b>', team: null, active: true };
  const states: FieldLabels = { label: (v) => (v === 'SP' ? 'São Paulo' : String(v)), order: ['SP'] };

  it("names a seller by the sellers' name, links the page, and keeps customers without a seller apart", () => {
    const rows = sellerRows(
      [
        { key: 'V1', customers: 2, value: 500 },
        { key: null, customers: 1, value: 100 },
      ],
      new Map([['V1', seller]]),
      '/base',
    );
    expect(rows.map((r) => [r.label, r.href])).toEqual([
      ['Ana <b>Souza</b>', '/base/vendedores/v1/'],
      ['Sem vendedor', null],
    ]);
  });

  it('puts the UF on the bar and the state name in the table', () => {
    const [sp, unknown] = stateRows(
      [
        { key: 'SP', customers: 3, value: 900 },
        { key: null, customers: 1, value: 10 },
      ],
      states,
    );
    expect([sp!.label, sp!.name, unknown!.name]).toEqual(['SP', 'São Paulo (SP)', 'UF não informada']);
  });

  it('says in the tooltip how many customers make up each bar', () => {
    const [bar] = breakdownBars(stateRows([{ key: 'SP', customers: 1200, value: 900 }], states), (v) => `R$ ${v}`);
    expect(bar).toEqual({ label: 'SP', value: 900, title: 'São Paulo (SP): R$ 900 (1.200 clientes)' });
  });

  it('says "1 cliente" for a bar of one customer', () => {
    const [bar] = breakdownBars(stateRows([{ key: 'SP', customers: 1, value: 340 }], states), (v) => `R$ ${v}`);
    expect(bar!.title).toBe('São Paulo (SP): R$ 340 (1 cliente)');
  });
});
