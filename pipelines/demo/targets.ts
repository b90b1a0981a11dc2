import { SEASONALITY, WINDOW_MONTHS, monthStart } from './calendar.ts';
import type { OrderStats } from './orders.ts';
import type { Rng } from './random.ts';
import type { Seller } from './sellers.ts';
import type { Cell } from './writeCsv.ts';

/**
 * Monthly targets of every active seller for each month of the window since they were hired: revenue near
 * what they really sold (the trailing three months, adjusted for the month's seasonality, +5% ± 10%, rounded
 * to R$ 500), coverage 50-80% and 1-5 new customers. Sellers who left have no targets, as in a live CRM.
 */
export function buildTargets(sellers: readonly Seller[], stats: OrderStats, rng: Rng): Cell[][] {
  const monthCount = WINDOW_MONTHS.length;
  const rows: Cell[][] = [];
  for (const seller of sellers) {
    if (seller.leftAt !== null) continue;
    const actual = (m: number) => stats.sellerMonthRevenue[seller.index * monthCount + m]!;
    let overall = 0;
    for (let m = 0; m < monthCount; m++) overall += actual(m) / monthCount;
    for (let m = 0; m < monthCount; m++) {
      const month = WINDOW_MONTHS[m]!;
      if (monthStart(month + 1) <= seller.hiredAt) continue;
      const history = [m - 3, m - 2, m - 1].filter((h) => h >= 0 && monthStart(WINDOW_MONTHS[h]!) >= seller.hiredAt);
      const trailing = history.reduce((sum, h) => sum + actual(h), 0);
      const trailingSeason = history.reduce((sum, h) => sum + SEASONALITY[WINDOW_MONTHS[h]! % 12]!, 0);
      const base = trailing > 0 ? (trailing / trailingSeason) * SEASONALITY[month % 12]! : actual(m) || overall;
      const revenueTarget = Math.max(500_000, Math.round((base * rng.lognormal(0.05, 0.1)) / 50_000) * 50_000);
      rows.push([seller.id, month, revenueTarget, rng.int(50, 80), rng.int(1, 5)]);
    }
  }
  return rows;
}
