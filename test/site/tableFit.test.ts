import { describe, expect, it } from 'vitest';
import { fitsPhone, minColumnRem } from '../../src/lib/tableFit.ts';

describe('fitsPhone', () => {
  it('takes a number whole and a text by its longest word, at 0.5rem a character plus 0.8rem of padding', () => {
    expect(minColumnRem({ header: 'Upsell', numeric: true, cells: ['R$ 200.777,55'] })).toBeCloseTo(13 * 0.5 + 0.8, 10);
    expect(minColumnRem({ header: 'Estado', numeric: false, cells: ['Rio de Janeiro (RJ)', 'Santa Catarina (SC)'] })).toBeCloseTo(8 * 0.5 + 0.8, 10);
    // A long-text column never gets narrower than its 14rem minimum.
    expect(minColumnRem({ header: 'Descrição', numeric: false, wide: true, cells: ['Mês (primeiro dia)'] })).toBe(14);
  });

  it('keeps a status table as a table and stacks a table of three money columns', () => {
    // 5.8 (“(prospect)”) + 4.8 (“Clientes”) + 8.3 (“R$ 5.429.322,89”) = 18.9 rem ≤ 22.
    const status = [
      { header: 'Situação', numeric: false, cells: ['Possível cliente (prospect)', 'Ativo'] },
      { header: 'Clientes', numeric: true, cells: ['4', '49'] },
      { header: 'Faturamento 12 meses', numeric: true, cells: ['R$ 5.429.322,89'] },
    ];
    expect(fitsPhone(status)).toBe(true);
    // 4.8 (“Catarina”) + 3 × 7.3 (“R$ 200.777,55”) = 26.7 rem > 22.
    const money = ['Cross-sell', 'Upsell', 'Total'].map((header) => ({ header, numeric: true, cells: ['R$ 200.777,55'] }));
    expect(fitsPhone([{ header: 'Estado', numeric: false, cells: ['Santa Catarina (SC)'] }, ...money])).toBe(false);
  });

  it('measures a column of a million cells (a big base) without running out of call stack', () => {
    const cells = Array.from({ length: 1_000_000 }, (_, i) => `V${i}`);
    // the longest is "V999999": 7 characters
    expect(minColumnRem({ header: 'Código', numeric: true, cells })).toBeCloseTo(7 * 0.5 + 0.8, 10);
  });
});
