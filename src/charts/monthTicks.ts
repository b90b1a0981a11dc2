/** Month helpers shared by the charts that draw one band per month. */

const monthKey = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/** The first day (UTC) of the month `offset` months after `date`'s month. */
export function addMonths(date: Date, offset: number): Date {
  const key = monthKey(date) + offset;
  return new Date(Date.UTC(Math.floor(key / 12), ((key % 12) + 12) % 12, 1));
}

/** Whole months from `a` to `b` (b − a). */
export const monthsBetween = (a: Date, b: Date): number => monthKey(b) - monthKey(a);

/** Every month from the first to the last given, so missing months show as gaps. */
export function monthDomain(months: Date[]): Date[] {
  if (!months.length) return [];
  const keys = months.map(monthKey);
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const out: Date[] = [];
  for (let key = first; key <= last; key++) out.push(new Date(Date.UTC(Math.floor(key / 12), key % 12, 1)));
  return out;
}

/** Labels every 1, 2, 3, 6 or 12 months, whichever first fits one label per `spacing` px of the plot area (`width`), ending on the latest month. */
export function monthTicks(domain: Date[], width: number, spacing = 60): Date[] {
  const fit = Math.max(2, Math.floor(width / spacing));
  const step = [1, 2, 3, 6, 12].find((s) => Math.ceil(domain.length / s) <= fit) ?? 12;
  const last = domain.length - 1;
  return domain.filter((_, i) => (last - i) % step === 0);
}
