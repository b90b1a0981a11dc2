/**
 * Business days in Brazil for the projection of a month still running: Monday to Friday, except the
 * national holidays (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023) and Good Friday. Carnival and Corpus
 * Christi are optional days off (ponto facultativo) and count as business days here.
 */

const DAY = 86_400_000;

/** Easter Sunday (UTC) of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The national holidays of a year as "YYYY-MM-DD" strings. Consciência Negra (20/11) counts from 2024. */
export function nationalHolidays(year: number): Set<string> {
  const fixed = ['01-01', '04-21', '05-01', '09-07', '10-12', '11-02', '11-15', '12-25'];
  if (year >= 2024) fixed.push('11-20');
  const goodFriday = new Date(easterSunday(year).getTime() - 2 * DAY);
  return new Set([...fixed.map((md) => `${year}-${md}`), goodFriday.toISOString().slice(0, 10)]);
}

/** Whether a UTC date is a business day. */
export function isBusinessDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nationalHolidays(date.getUTCFullYear()).has(date.toISOString().slice(0, 10));
}

/** Business days from `from` to `to`, both included (UTC dates). */
export function businessDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let t = from.getTime(); t <= to.getTime(); t += DAY) if (isBusinessDay(new Date(t))) count++;
  return count;
}

/** The last day (UTC) of a month. */
const monthEnd = (month: Date): Date => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));

/** Business days in the month of `month`. */
export const businessDaysInMonth = (month: Date): number =>
  businessDaysBetween(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1)), monthEnd(month));

/** The projection of a month still running, by business days and by calendar days. */
export interface MonthProjection {
  elapsedBusinessDays: number;
  businessDays: number;
  /** Revenue so far ÷ elapsed business days × business days of the month; null before the first business day. */
  byBusinessDays: number | null;
  elapsedDays: number;
  days: number;
  /** Revenue so far ÷ elapsed calendar days × days in the month. */
  byCalendarDays: number;
}

/** Projects a month's close from the value so far, counting the as-of day as elapsed. */
export function projectMonth(monthStart: Date, asOf: Date, soFar: number): MonthProjection {
  const elapsedBusinessDays = businessDaysBetween(monthStart, asOf);
  const businessDays = businessDaysInMonth(monthStart);
  const elapsedDays = asOf.getUTCDate();
  const days = monthEnd(monthStart).getUTCDate();
  return {
    elapsedBusinessDays,
    businessDays,
    byBusinessDays: elapsedBusinessDays > 0 ? (soFar / elapsedBusinessDays) * businessDays : null,
    elapsedDays,
    days,
    byCalendarDays: (soFar / elapsedDays) * days,
  };
}
