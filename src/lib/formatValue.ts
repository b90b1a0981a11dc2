import { MISSING, formatBRL, formatBRLCompact, formatDate, formatMonth, formatNumber, formatPercent, formatShare } from '../../pipelines/contract/locale.ts';

/** The ways a table cell can be formatted. */
export type ValueFormat = 'brl' | 'brlCompact' | 'number' | 'decimal' | 'percent' | 'share' | 'date' | 'month' | 'flag' | 'text' | 'auto';

const NUMERIC: ReadonlySet<ValueFormat> = new Set(['brl', 'brlCompact', 'number', 'decimal', 'percent', 'share']);

/** Whether cells of this format are numbers (right-aligned, tabular figures). */
export const isNumericFormat = (format: ValueFormat): boolean => NUMERIC.has(format);

/** The format for a data-dictionary unit (brl, pct, share, count, days, date, month, text, flag, ratio, number). */
export function formatForUnit(unit: string | null | undefined): ValueFormat {
  switch (unit) {
    case 'brl':
      return 'brl';
    case 'pct':
      return 'percent';
    case 'share':
      return 'share';
    case 'count':
    case 'days':
    case 'number':
      return 'number';
    case 'ratio':
      return 'decimal';
    case 'date':
      return 'date';
    case 'month':
      return 'month';
    case 'flag':
      return 'flag';
    case 'text':
      return 'text';
    default:
      return 'auto';
  }
}

/** A cell value as report text, in pt-BR. */
export function formatValue(value: unknown, format: ValueFormat = 'auto'): string {
  if (value === null || value === undefined) return MISSING;
  const number = typeof value === 'number' || typeof value === 'bigint' ? value : null;
  switch (format) {
    case 'brl':
      return formatBRL(number);
    case 'brlCompact':
      return formatBRLCompact(number);
    case 'number':
      return formatNumber(number);
    case 'decimal':
      return formatNumber(number, { digits: 2 });
    case 'percent':
      return formatPercent(number);
    case 'share':
      return formatShare(number);
    case 'date':
      return value instanceof Date ? formatDate(value) : String(value);
    case 'month':
      return value instanceof Date ? formatMonth(value) : String(value);
    case 'flag':
      return value === true ? 'sim' : value === false ? 'não' : String(value);
    case 'text':
      return String(value);
    case 'auto':
      if (typeof value === 'number') return formatNumber(value, { digits: Number.isInteger(value) ? 0 : 2 });
      if (typeof value === 'bigint') return formatNumber(value);
      if (value instanceof Date) return formatDate(value);
      if (typeof value === 'boolean') return value ? 'sim' : 'não';
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

/** Bytes as "12,3 kB" / "4,5 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(value, { digits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
