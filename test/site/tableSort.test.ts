import { describe, expect, it } from 'vitest';
import { formatBRL, formatBRLCompact, formatDate, formatMonth, formatPercent } from '../../pipelines/contract/locale.ts';
import { maskPersonalData } from '../../pipelines/privacy/maskPersonalData.ts';
import {
  builtOrder,
  cellSortValue,
  columnSortKeys,
  parseDateText,
  parseNumberText,
  sortAttribute,
  sortedDirection,
  sortedOrder,
} from '../../src/lib/tableSort.ts';

describe('the values a table cell sorts by', () => {
  it('reads numbers as the report writes them, money, percentages and abbreviations included', () => {
    expect(parseNumberText(formatBRL(1234.56))).toBe(1234.56);
    expect(parseNumberText(formatBRL(-0.5))).toBe(-0.5);
    expect(parseNumberText(formatPercent(12.5))).toBe(12.5);
    // "R$ 1,2 mi" is 1,2 × 1.000.000; "R$ 350 mil" is 350 × 1.000
    expect(parseNumberText(formatBRLCompact(1_200_000))).toBe(1_200_000);
    expect(parseNumberText(formatBRLCompact(350_000))).toBe(350_000);
    expect(parseNumberText('−22')).toBe(-22);
    expect(parseNumberText('+3')).toBe(3);
    expect(parseNumberText('1.405')).toBe(1405);
    expect(parseNumberText('São Paulo (SP)')).toBeNull();
  });

  it('reads dates and periods as the first day they cover, a note in parentheses aside', () => {
    expect(parseDateText(formatDate(new Date(Date.UTC(2026, 9, 31))))).toBe(Date.UTC(2026, 9, 31));
    expect(parseDateText(formatMonth(new Date(Date.UTC(2026, 9, 1))))).toBe(Date.UTC(2026, 9, 1));
    expect(parseDateText('nov/2026 (parcial)')).toBe(Date.UTC(2026, 10, 1));
    // T4 starts in October (month index 9); the 2nd half in July (index 6)
    expect(parseDateText('T4 2026 (em curso)')).toBe(Date.UTC(2026, 9, 1));
    expect(parseDateText('2º sem. 2026')).toBe(Date.UTC(2026, 6, 1));
    expect(parseDateText('2025')).toBe(Date.UTC(2025, 0, 1));
    expect(parseDateText('out/2026 e jan/2026')).toBeNull();
  });

  it('prefers the raw value to the text shown, and calls the missing-value mark missing', () => {
    expect(cellSortValue(1234.5, 'R$ 1,2 mil')).toEqual({ kind: 'number', key: 1234.5 });
    expect(cellSortValue(12n, '12')).toEqual({ kind: 'number', key: 12 });
    expect(cellSortValue(new Date(Date.UTC(2026, 0, 2)), '02/01/2026')).toEqual({ kind: 'date', key: Date.UTC(2026, 0, 2) });
    expect(cellSortValue('2026-01-02', '02/01/2026')).toEqual({ kind: 'date', key: Date.UTC(2026, 0, 2) });
    expect(cellSortValue(null, '—')).toEqual({ kind: 'number', key: null });
  });

  it('sorts a column by its text when any cell with a value is text, by number otherwise', () => {
    expect(
      columnSortKeys([
        { raw: 3, text: '3' },
        { raw: null, text: '—' },
        { raw: 'x', text: '12' },
      ]),
    ).toEqual({ kind: 'number', keys: [3, null, 12] });
    expect(
      columnSortKeys([
        { raw: 'Bahia', text: 'Bahia (BA)' },
        { raw: null, text: 'UF não informada' },
      ]),
    ).toEqual({
      kind: 'text',
      keys: ['Bahia (BA)', 'UF não informada'],
    });
  });
});

describe('the order of a sorted column', () => {
  it('puts missing values last in either direction and keeps ties in the built order', () => {
    // keys by row: 0 → 5, 1 → null, 2 → 2, 3 → 5, 4 → 2
    const keys = [5, null, 2, 5, 2];
    // ascending: the 2s (rows 2, 4), the 5s (rows 0, 3), then the missing row 1
    expect(sortedOrder(keys, 'ascending')).toEqual([2, 4, 0, 3, 1]);
    // descending: the 5s still in built order (0 before 3), then the 2s, the missing row still last
    expect(sortedOrder(keys, 'descending')).toEqual([0, 3, 2, 4, 1]);
  });

  it('sorts text in Portuguese alphabetical order, accents aside and numbers by value', () => {
    const keys = ['Óleos', 'Bebidas', 'Açúcar', 'Item 10', 'Item 9'];
    expect(sortedOrder(keys, 'ascending').map((i) => keys[i])).toEqual(['Açúcar', 'Bebidas', 'Item 9', 'Item 10', 'Óleos']);
  });

  it('says which way a column already runs, never for a column of one value', () => {
    expect(sortedDirection([9, 7, 7, 1, null])).toBe('descending');
    expect(sortedDirection([1, 2, null])).toBe('ascending');
    expect(sortedDirection([1, null, 2])).toBeNull();
    expect(sortedDirection([4, 4, 4])).toBeNull();
  });
});

describe('the order a table states it is built in', () => {
  // A ranking of three sellers by revenue, whose names happen to be in alphabetical order too, and a total row.
  const columns = [
    { kind: 'text' as const, keys: ['Ana', 'Bruno', 'Carla', 'Total'] },
    { kind: 'number' as const, keys: [30, 20, 10, 60] },
    { kind: 'number' as const, keys: [5, 9, 1, 15] },
  ];
  const totalPinned = [false, false, false, true];

  it('names the figure the rows follow before a name column that follows by chance, the pinned total aside', () => {
    expect(builtOrder(columns, totalPinned)).toEqual({ column: 1, direction: 'descending' });
    // without the total pinned, 60 after 10 breaks the revenue order: only the names still run in order
    expect(builtOrder(columns, [false, false, false, false])).toEqual({ column: 0, direction: 'ascending' });
  });

  it('takes the column claimed when the rows follow it, refuses it when they do not, and claims nothing when told not to', () => {
    expect(builtOrder(columns, totalPinned, 0)).toEqual({ column: 0, direction: 'ascending' });
    expect(builtOrder(columns, totalPinned, 2)).toBeNull();
    expect(builtOrder(columns, totalPinned, false)).toBeNull();
  });

  it('claims nothing from fewer than three rows, which any column could follow by chance', () => {
    expect(builtOrder([{ kind: 'number', keys: [2, 1] }], [false, false])).toBeNull();
  });

  it('writes sort values no privacy scan could take for a CPF or a phone, and reads them back in the same order', () => {
    // 208.09803125 is 3 + 8 digits, the shape of a CPF without its punctuation; 67.81609195 that of a phone
    const values = [208.09803125, 67.81609195, 67.816091954023, 1_763_596_800_000, 12_345_678.9, 5, 0.25, -1234.5];
    for (const value of values) {
      const attribute = sortAttribute(value);
      expect(maskPersonalData(`data-sort="${attribute}"`)).toBe(`data-sort="${attribute}"`);
      expect(Math.abs(Number(attribute) - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-9);
    }
    expect(sortAttribute(5)).toBe('5');
    expect(sortAttribute(null)).toBe('');
    const ordered = [...values].sort((a, b) => a - b);
    expect(ordered.map((v) => Number(sortAttribute(v)))).toEqual([...ordered.map((v) => Number(sortAttribute(v)))].sort((a, b) => a - b));
  });
});
