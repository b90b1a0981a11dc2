import { describe, expect, it } from 'vitest';
import {
  createFormatters,
  formatBRL,
  formatBRLAmount,
  formatBRLCompact,
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShare,
} from '../../pipelines/contract/locale.ts';

// Intl puts a non-breaking space (U+00A0) between "R$" and the amount and before "mil"/"mi".
const NBSP = '\u00a0';

describe('formatBRL', () => {
  it('writes reais with thousands dot, decimal comma and a non-breaking space after R$', () => {
    expect(formatBRL(1234.56)).toBe(`R$${NBSP}1.234,56`);
    expect(formatBRL(0)).toBe(`R$${NBSP}0,00`);
    expect(formatBRL(1_000_000)).toBe(`R$${NBSP}1.000.000,00`);
  });

  it('rounds to cents and puts the minus sign before R$', () => {
    expect(formatBRL(-0.5)).toBe(`-R$${NBSP}0,50`);
    expect(formatBRL(10.005)).toBe(`R$${NBSP}10,01`);
  });

  it('accepts DuckDB BIGINTs', () => {
    expect(formatBRL(12345n)).toBe(`R$${NBSP}12.345,00`);
  });

  it('drops the ",00" of a round amount (a configured threshold) and keeps real cents', () => {
    expect(formatBRLAmount(2500)).toBe(`R$${NBSP}2.500`);
    expect(formatBRLAmount(2500.5)).toBe(`R$${NBSP}2.500,50`);
    expect(formatBRLAmount(null)).toBe('—');
  });

  it('shows a dash for null, undefined and NaN', () => {
    expect(formatBRL(null)).toBe('—');
    expect(formatBRL(undefined)).toBe('—');
    expect(formatBRL(Number.NaN)).toBe('—');
  });
});

describe('formatBRLCompact', () => {
  it('abbreviates millions as "mi" and thousands as "mil" with at most one decimal', () => {
    expect(formatBRLCompact(1_234_567)).toBe(`R$${NBSP}1,2${NBSP}mi`);
    expect(formatBRLCompact(350_000)).toBe(`R$${NBSP}350${NBSP}mil`);
    expect(formatBRLCompact(2_500)).toBe(`R$${NBSP}2,5${NBSP}mil`);
    expect(formatBRLCompact(2_500_000_000)).toBe(`R$${NBSP}2,5${NBSP}bi`);
  });

  it('leaves amounts under a thousand unabbreviated', () => {
    expect(formatBRLCompact(950)).toBe(`R$${NBSP}950`);
  });

  it('shows a dash for null', () => {
    expect(formatBRLCompact(null)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups thousands with dots and rounds to whole numbers by default', () => {
    expect(formatNumber(1_234_567.891)).toBe('1.234.568');
    expect(formatNumber(12n)).toBe('12');
  });

  it('writes the requested number of decimals with a comma', () => {
    expect(formatNumber(2.345, { digits: 2 })).toBe('2,35');
    expect(formatNumber(3, { digits: 1 })).toBe('3,0');
  });

  it('ignores a second argument that is not an options object, as Plot passes the tick index', () => {
    expect(formatNumber(2.345, 3)).toBe('2');
  });

  it('never shows "-0" for small negative values', () => {
    expect(formatNumber(-0.4)).toBe('0');
  });
});

describe('formatPercent and formatShare', () => {
  it('reads _pct values as 0-100: 120 buying of 200 is 60,0%', () => {
    expect(formatPercent(60)).toBe('60,0%');
    expect(formatPercent(12.345)).toBe('12,3%');
    expect(formatPercent(100, { digits: 0 })).toBe('100%');
  });

  it('reads _share and _rate values as 0-1', () => {
    expect(formatShare(0.6)).toBe('60,0%');
    expect(formatShare(0.0425, { digits: 2 })).toBe('4,25%');
  });

  it('shows a dash for null', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatShare(undefined)).toBe('—');
  });
});

describe('formatDate and formatMonth', () => {
  it('formats a UTC-midnight DATE as the same calendar day (not the evening before in Brazil)', () => {
    expect(formatDate(new Date(Date.UTC(2026, 0, 1)))).toBe('01/01/2026');
    expect(formatDate(new Date('2026-10-31T00:00:00Z'))).toBe('31/10/2026');
  });

  it('accepts epoch milliseconds', () => {
    expect(formatDate(Date.UTC(2024, 1, 29))).toBe('29/02/2024');
  });

  it('writes months as abbreviated name without dot, slash, year', () => {
    expect(formatMonth(new Date(Date.UTC(2026, 9, 1)))).toBe('out/2026');
    expect(formatMonth(new Date(Date.UTC(2026, 0, 1)))).toBe('jan/2026');
    expect(formatMonth(new Date(Date.UTC(2025, 4, 1)))).toBe('mai/2025');
  });

  it('shows a dash for null and invalid dates', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatMonth(new Date('not a date'))).toBe('—');
  });
});

describe('createFormatters', () => {
  it('builds the same formats for another locale from its spec', () => {
    const en = createFormatters({ tag: 'en-US', currency: 'USD', missing: 'n/a', monthLabel: (m, y) => `${m} ${y}` });
    expect(en.formatMoney(1234.5)).toBe('$1,234.50');
    expect(en.formatMonth(new Date(Date.UTC(2026, 9, 1)))).toBe('Oct 2026');
    expect(en.formatDate(null)).toBe('n/a');
  });
});
