import { formatMonth } from '../../pipelines/contract/locale.ts';

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
