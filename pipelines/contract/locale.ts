/**
 * Every number, amount and date the report shows goes through this module, so that another locale
 * only needs another `LocaleSpec`. Dates are formatted in UTC: marts carry DATE values that arrive
 * as UTC midnight, and formatting them in Brazilian time (UTC−3) would show the previous day.
 */

/** What a locale needs to say for the report's formats. */
export interface LocaleSpec {
  /** BCP 47 tag handed to Intl. */
  tag: string;
  /** ISO 4217 currency of money columns. */
  currency: string;
  /** Shown for null, undefined and non-finite values. */
  missing: string;
  /** Builds the short month label from Intl's abbreviated month name and the year. */
  monthLabel: (month: string, year: string) => string;
}

/** A value a formatter accepts: numbers, DuckDB BIGINTs, or nothing. */
export type Numeric = number | bigint | null | undefined;

/** A value a date formatter accepts: a Date, epoch milliseconds, or nothing. */
export type DateLike = Date | number | null | undefined;

/** Options of the number formatters; anything else passed second (Plot passes an index) is ignored. */
export interface DigitsOptions {
  digits?: number;
}

/** The formatters of one locale. */
export interface Formatters {
  locale: LocaleSpec;
  /** Money with cents: "R$ 1.234,56". */
  formatMoney: (value: Numeric) => string;
  /** Money abbreviated for cards and axes: "R$ 1,2 mi", "R$ 350 mil". */
  formatMoneyCompact: (value: Numeric) => string;
  /** A plain number with thousands separators; `digits` fixes the decimals (default 0). */
  formatNumber: (value: Numeric, options?: DigitsOptions | unknown) => string;
  /** A percentage given as 0-100 (columns ending `_pct`): 60 → "60,0%". */
  formatPercent: (value: Numeric, options?: DigitsOptions | unknown) => string;
  /** A share given as 0-1 (columns ending `_share` or `_rate`): 0.6 → "60,0%". */
  formatShare: (value: Numeric, options?: DigitsOptions | unknown) => string;
  /** A calendar date, read in UTC: "31/10/2026". */
  formatDate: (value: DateLike) => string;
  /** A month, read in UTC: "out/2026". */
  formatMonth: (value: DateLike) => string;
}

/** Brazilian Portuguese, the report's language. */
export const ptBR: LocaleSpec = {
  tag: 'pt-BR',
  currency: 'BRL',
  missing: '—',
  // Intl abbreviates with a trailing dot ("out."); Brazilian reports write "out/2026".
  monthLabel: (month, year) => `${month.replace(/\.$/, '')}/${year}`,
};

function toNumber(value: Numeric): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'bigint' ? Number(value) : value;
  return Number.isFinite(n) ? n : null;
}

function toDate(value: DateLike): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function digitsOf(options: unknown, fallback: number): number {
  if (options && typeof options === 'object' && 'digits' in options) {
    const digits = (options as DigitsOptions).digits;
    if (typeof digits === 'number') return digits;
  }
  return fallback;
}

/**
 * signDisplay 'negative' keeps values that round to zero from showing as "-0". Node 20 supports it
 * (ES2023) but the project's ES2022 typings do not list it yet, hence the cast.
 */
const NEGATIVE_ONLY = { signDisplay: 'negative' } as unknown as Intl.NumberFormatOptions;

/** Months a formatter remembers before it starts over (a report formats a few hundred distinct months). */
const MONTH_LABELS_KEPT = 10_000;

/**
 * Builds the formatters of a locale. Building an Intl formatter is slow and formatting a month label
 * splits it into parts, while a report formats the same few hundred months on every chart axis and table:
 * each formatter is built once (per number of decimals) and month labels are remembered.
 */
export function createFormatters(locale: LocaleSpec): Formatters {
  const numberFormat = (options: Intl.NumberFormatOptions): Intl.NumberFormat => new Intl.NumberFormat(locale.tag, { ...NEGATIVE_ONLY, ...options });
  /** One formatter per number of decimals, built when first asked for. */
  const perDigits = (build: (digits: number) => Intl.NumberFormat): ((digits: number) => Intl.NumberFormat) => {
    const built = new Map<number, Intl.NumberFormat>();
    return (digits) => {
      let format = built.get(digits);
      if (!format) {
        format = build(digits);
        built.set(digits, format);
      }
      return format;
    };
  };
  const number = (value: Numeric, format: Intl.NumberFormat, divisor = 1): string => {
    const n = toNumber(value);
    return n === null ? locale.missing : format.format(n / divisor);
  };
  const fixed = (digits: number): Intl.NumberFormatOptions => ({ minimumFractionDigits: digits, maximumFractionDigits: digits });
  const money = numberFormat({ style: 'currency', currency: locale.currency });
  const moneyCompact = numberFormat({
    style: 'currency',
    currency: locale.currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  const plain = perDigits((digits) => numberFormat(fixed(digits)));
  const percent = perDigits((digits) => numberFormat({ style: 'percent', ...fixed(digits) }));

  const dateFormat = new Intl.DateTimeFormat(locale.tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale.tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthLabels = new Map<number, string>();
  const monthLabel = (date: Date): string => {
    const time = date.getTime();
    let label = monthLabels.get(time);
    if (label === undefined) {
      const parts = monthFormat.formatToParts(date);
      const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
      label = locale.monthLabel(part('month'), part('year'));
      if (monthLabels.size >= MONTH_LABELS_KEPT) monthLabels.clear();
      monthLabels.set(time, label);
    }
    return label;
  };

  return {
    locale,
    formatMoney: (value) => number(value, money),
    formatMoneyCompact: (value) => number(value, moneyCompact),
    formatNumber: (value, options) => number(value, plain(digitsOf(options, 0))),
    formatPercent: (value, options) => number(value, percent(digitsOf(options, 1)), 100),
    formatShare: (value, options) => number(value, percent(digitsOf(options, 1))),
    formatDate: (value) => {
      const date = toDate(value);
      return date ? dateFormat.format(date) : locale.missing;
    },
    formatMonth: (value) => {
      const date = toDate(value);
      return date ? monthLabel(date) : locale.missing;
    },
  };
}

const report = createFormatters(ptBR);

/** Reais with cents: "R$ 1.234,56". */
export const formatBRL = report.formatMoney;
/** A round amount, such as a configured threshold, without its ",00": "R$ 2.500", but "R$ 2.500,50". */
export const formatBRLAmount = (value: Numeric): string => formatBRL(value).replace(/,00$/, '');
/** Reais abbreviated for cards and axes: "R$ 1,2 mi", "R$ 350 mil". */
export const formatBRLCompact = report.formatMoneyCompact;
/** The report locale's other formatters (pt-BR); see `Formatters` for each one. */
export const { formatNumber, formatPercent, formatShare, formatDate, formatMonth } = report;

/** The missing-value mark ("—"). */
export const MISSING = ptBR.missing;

/** A count with its noun in the right number: "1 vendedor", "3 vendedores", "1.234 contratos". */
export const formatCount = (value: number, one: string, many: string): string => `${formatNumber(value)} ${value === 1 ? one : many}`;
