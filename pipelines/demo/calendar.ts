/**
 * Day and month arithmetic for the demo, on plain integers so that ten million rows stay cheap:
 * a day is the number of days since 1970-01-01 (UTC), a month is year × 12 + (month − 1).
 */

/** Day number of a calendar date (month 1-12). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Day number of an ISO `yyyy-mm-dd` date. */
export function dayOfIso(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** [year, month 1-12, day] of a day number. */
export function partsOf(day: number): [number, number, number] {
  const date = new Date(day * 86_400_000);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** Month index (year × 12 + month − 1) of a day number. */
export function monthOf(day: number): number {
  const [year, month] = partsOf(day);
  return year * 12 + month - 1;
}

/** First day of a month index. */
export function monthStart(monthIndex: number): number {
  return dayOf(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The same day `months` later (clamped to the month's end), e.g. to end a 12-month contract. */
export function addMonths(day: number, months: number): number {
  const [year, month, dom] = partsOf(day);
  const target = year * 12 + month - 1 + months;
  const lastDay = monthStart(target + 1) - 1;
  return Math.min(monthStart(target) + dom - 1, lastDay);
}

/** The last day with data: a Friday, so November 2026 is a partial month. */
export const LAST_DAY = dayOf(2026, 11, 20);
/** The first day of the three years of orders. */
export const FIRST_DAY = dayOf(2023, 12, 1);
/** Month indexes of the window, December 2023 to November 2026. */
export const WINDOW_MONTHS: readonly number[] = Array.from({ length: 36 }, (_, i) => monthOf(FIRST_DAY) + i);

/**
 * Relative buying intensity per calendar month (January = index 0) of a food distributor's customers:
 * a December peak (year-end and holiday stock), a January and Carnival dip.
 */
export const SEASONALITY = [0.86, 0.9, 0.97, 1, 1.02, 0.99, 1.02, 1, 0.98, 1.03, 1.08, 1.3] as const;

// Carnival Saturday to Ash Wednesday: businesses close, so orders move to the Thursday after.
const CARNIVAL_TUESDAYS = [dayOf(2024, 2, 13), dayOf(2025, 3, 4), dayOf(2026, 2, 17)];
const CLOSED_DAYS = new Set([2023, 2024, 2025, 2026].flatMap((year) => [dayOf(year, 12, 25), dayOf(year + 1, 1, 1)]));

/** The day an order placed on `day` really happens: no Sundays, Christmas, New Year or Carnival. */
export function nextBusinessDay(day: number): number {
  for (const tuesday of CARNIVAL_TUESDAYS) if (day >= tuesday - 3 && day <= tuesday + 1) return tuesday + 2;
  if (CLOSED_DAYS.has(day)) day += 1;
  return weekdayOf(day) === 0 ? day + 1 : day;
}
