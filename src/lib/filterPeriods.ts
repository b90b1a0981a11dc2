import { monthFromIndex, monthIndex, trailingWindow, type MonthWindow } from './reportPeriods.ts';

/** One choice of the period select. */
export interface PeriodChoice {
  value: string;
  label: string;
}

/** Trailing windows offered besides whole years, in months. */
const TRAILING: Record<string, number> = { '12m': 12, '3m': 3 };

/**
 * The period choices for data whose complete months are `complete`: the whole history, the last 12 and
 * 3 months, then every calendar year, newest first. Labels stay short for a phone; the filter's note
 * spells out the months each one covers.
 */
export function periodChoices(complete: Date[]): PeriodChoice[] {
  if (!complete.length) return [];
  const years = [...new Set(complete.map((month) => month.getUTCFullYear()))].sort((a, b) => b - a);
  return [
    { value: 'tudo', label: 'Todo o histórico' },
    { value: '12m', label: 'Últimos 12 meses' },
    { value: '3m', label: 'Últimos 3 meses' },
    ...years.map((year) => ({ value: String(year), label: String(year) })),
  ];
}

/** The months from the first to the last given, with any gap between them filled. */
function span(first: Date, last: Date): MonthWindow {
  const months: Date[] = [];
  for (let index = monthIndex(first); index <= monthIndex(last); index++) months.push(monthFromIndex(index));
  return { first, last, months };
}

/**
 * The complete months a period covers (complete months ascending, gaps allowed); null for '' and for a
 * value the data has no months for, so the page's own window applies.
 */
export function periodWindow(value: string, complete: Date[]): MonthWindow | null {
  const first = complete[0];
  const last = complete[complete.length - 1];
  if (!first || !last) return null;
  if (value === 'tudo') return span(first, last);
  const trailing = TRAILING[value];
  if (trailing) return trailingWindow(last, trailing, first);
  if (/^\d{4}$/.test(value)) {
    const inYear = complete.filter((month) => month.getUTCFullYear() === Number(value));
    return inYear.length ? span(inYear[0]!, inYear[inYear.length - 1]!) : null;
  }
  return null;
}

/** Whether a chart that shows the month still running should add it for this period: the whole history or its year. */
export function includesPartialMonth(value: string, partial: Date | null): boolean {
  if (!partial) return false;
  return value === 'tudo' || value === String(partial.getUTCFullYear());
}

/** The months of the data without the one still running. */
export const completeMonths = (months: Date[], partial: Date | null): Date[] =>
  partial ? months.filter((month) => monthIndex(month) !== monthIndex(partial)) : [...months];
