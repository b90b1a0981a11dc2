import { describe, expect, it } from 'vitest';
import { guessDecimal, guessValues, isFraction, isMonthFirst, monthFirstFormat, mostlyUfs } from '../../pipelines/mapping/guessFormats.ts';

describe('the mapping draft guesses formats from a sample of values', () => {
  it('reads dates as month first only when some middle part passes 12 and no first part does, across the file', () => {
    expect(
      isMonthFirst([
        ['11/8/2016', '6/9/2015'],
        ['11/11/2016', '10/18/2015'],
      ]),
    ).toBe(true);
    expect(isMonthFirst([['11/8/2016', '6/9/2015']])).toBe(false);
    expect(isMonthFirst([['31/12/2025', '12/31/2025']])).toBe(false);
    expect(isMonthFirst([['2025-12-31']])).toBe(false);
  });

  it('writes the strptime format with the year digits and time of the column', () => {
    expect(monthFirstFormat(['11/8/2016'])).toBe('%m/%d/%Y');
    expect(monthFirstFormat(['11/8/16 10:30'])).toBe('%m/%d/%y %H:%M');
    expect(monthFirstFormat(['Furniture'])).toBeUndefined();
  });

  it('takes the decimal separator most numbers use, and none from thousands alone', () => {
    expect(guessDecimal([['261.96', '14.62'], ['2']])).toBe('.');
    expect(guessDecimal([['1.234,56', '12,5']])).toBe(',');
    expect(guessDecimal([['1.234', '2']])).toBeUndefined();
  });

  it('sees a 0-1 discount rate as a fraction, and money as not', () => {
    expect(isFraction(['0', '0.45', '0.2'])).toBe(true);
    expect(isFraction(['0', '12.50'])).toBe(false);
    expect(isFraction(['0', '1'])).toBe(false);
  });

  it('knows Brazilian states by code or name, and US states as not', () => {
    expect(mostlyUfs(['SP', 'rj', 'Minas Gerais'])).toBe(true);
    expect(mostlyUfs(['Kentucky', 'Florida', 'California'])).toBe(false);
  });

  it('lists the statuses the loader does not know, with a guess or "?"', () => {
    expect(guessValues(['delivered', 'shipped', 'canceled', 'processing', 'faturado'], { canceled: 'canceled', faturado: 'invoiced' })).toEqual({
      delivered: 'invoiced',
      shipped: 'invoiced',
      processing: '?',
    });
  });
});
