import { formatDate, formatMonth } from '../../pipelines/contract/locale.ts';

/** A run of consecutive months, first to last inclusive, as UTC month starts. */
export interface MonthWindow {
  first: Date;
  last: Date;
  months: Date[];
}

/** Months since year 0: a number that sorts and subtracts like months do. */
export const monthIndex = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/** The first day (UTC) of the month `index` counted by monthIndex. */
export const monthFromIndex = (index: number): Date => new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));

/**
 * The latest month that is complete in the rows (is_partial_month false): the as-of month counts only
 * when the as-of date is its last day, so a month in progress never stands for "the last month".
 */
export function lastCompleteMonth(rows: ReadonlyArray<{ month: Date; is_partial_month?: boolean | null }>): Date | null {
  let latest: Date | null = null;
  for (const row of rows) {
    if (row.is_partial_month) continue;
    if (!latest || row.month > latest) latest = row.month;
  }
  return latest;
}

/** The `count` months ending at `last` (inclusive), starting no earlier than `earliest` when given. */
export function trailingWindow(last: Date, count: number, earliest?: Date | null): MonthWindow {
  const end = monthIndex(last);
  if (earliest) count = Math.max(1, Math.min(count, end - monthIndex(earliest) + 1));
  const months = Array.from({ length: count }, (_, i) => monthFromIndex(end - count + 1 + i));
  return { first: months[0]!, last, months };
}

/** The earliest month in the rows. */
export function firstMonth(rows: ReadonlyArray<{ month: Date }>): Date | null {
  let first: Date | null = null;
  for (const row of rows) if (!first || row.month < first) first = row.month;
  return first;
}

/** Whether a month falls inside the window. */
export function inWindow(window: MonthWindow, month: Date): boolean {
  const index = monthIndex(month);
  return index >= monthIndex(window.first) && index <= monthIndex(window.last);
}

/** "nov/2025 a out/2026", or one month's label when the window has a single month. */
export function describeWindow(window: MonthWindow): string {
  return window.months.length === 1 ? formatMonth(window.last) : `${formatMonth(window.first)} a ${formatMonth(window.last)}`;
}

/** SQL date literal of a month start, for filters on mart months. */
export const sqlMonth = (month: Date): string => `date '${month.toISOString().slice(0, 10)}'`;

/**
 * The first day of the `months` months that end on `asOf`, as the SQL models count them: DuckDB's
 * date − to_months(n) keeps the day (clamped to the month's end), and the period starts the day after.
 */
export function periodStart(asOf: Date, months: number): Date {
  const year = asOf.getUTCFullYear();
  const month = asOf.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(asOf.getUTCDate(), lastDay) + 1));
}

/**
 * The name of the report's default analysis window, the one wording every page uses: "últimos 12 meses"
 * followed by its dates. The months may end on the as-of date (the customers' window revenue, RFM, ABC,
 * Pareto: windows.segmentation_months) or be complete months (sellers, maps, ticket médio).
 */
export function periodName(months: number): string {
  return `últimos ${monthsText(months)}`;
}

/** "12 meses", "1 mês". */
export const monthsText = (months: number): string => `${months} ${months === 1 ? 'mês' : 'meses'}`;

/** "últimos 12 meses (21/11/2025 a 20/11/2026)": the `months` months ending on the as-of date, day by day. */
export function rollingPeriodName(asOf: Date | null, months: number): string {
  return asOf ? `${periodName(months)} (${formatDate(periodStart(asOf, months))} a ${formatDate(asOf)})` : periodName(months);
}

/** "últimos 12 meses (nov/2025 a out/2026)": a window of complete months, named like rollingPeriodName. */
export function monthsPeriodName(window: MonthWindow): string {
  return `${periodName(window.months.length)} (${describeWindow(window)})`;
}

/** The same name at the start of a sentence or a title: "Últimos 12 meses (…)". */
export const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
