import { NOT_INFORMED, type SalesFilter } from './filterParams.ts';
import { monthIndex } from './reportPeriods.ts';
import type { CubeCell, SalesCube } from './salesFilterFile.ts';
import type { TicketCut } from './ticketMedio.ts';
import { groupBy } from './groupBy.ts';

/**
 * Re-aggregation of the filter file's cells. Only sums are added up (revenue, orders counted once); the
 * ticket is divided afterwards, never averaged, and distinct customers are not in the file at all,
 * because a customer buying from two sellers would be counted twice.
 */

/** Revenue and orders of a set of cells, and the ticket they give. */
export interface SalesTotals {
  revenue: number;
  orders: number;
  /** revenue ÷ orders; null without orders. */
  avgTicket: number | null;
}

const keyMatches = (key: string | null, wanted: string): boolean =>
  wanted === '' || (wanted === NOT_INFORMED ? key === null : key === wanted);

/** Whether a cell passes the filter's place, seller and segment (the period is applied as a list of months). */
export function cellMatches(cell: CubeCell, filter: SalesFilter): boolean {
  const place = filter.state ? keyMatches(cell.state, filter.state) : keyMatches(cell.region, filter.region);
  return place && keyMatches(cell.seller, filter.seller) && keyMatches(cell.segment, filter.segment);
}

/** The cells of the given months that pass the filter. */
export function filterCells(cube: Pick<SalesCube, 'cells' | 'sellersSummed'>, filter: SalesFilter, months: Date[]): CubeCell[] {
  if (cube.sellersSummed && filter.seller) throw new Error('sales filter: a file summed over sellers cannot filter by seller');
  const wanted = new Set(months.map(monthIndex));
  return cube.cells.filter((cell) => wanted.has(monthIndex(cell.month)) && cellMatches(cell, filter));
}

/** The totals of the cells together, summed in whole cents so a total never drifts by a cent from the marts. */
export function salesTotals(cells: CubeCell[]): SalesTotals {
  let cents = 0;
  let orders = 0;
  for (const cell of cells) {
    cents += cell.revenueCents;
    orders += cell.orders;
  }
  return { revenue: cents / 100, orders, avgTicket: orders > 0 ? cents / 100 / orders : null };
}

/** The totals of every month given, in that order; a month without cells has zero revenue and no ticket. */
export function totalsByMonth(cells: CubeCell[], months: Date[]): Array<SalesTotals & { month: Date }> {
  const byMonth = groupBy(cells, (cell) => monthIndex(cell.month));
  return months.map((month) => ({ month, ...salesTotals(byMonth.get(monthIndex(month)) ?? []) }));
}

/** The totals per key (seller, UF, region, segment), biggest revenue first, with each key's share of the revenue. */
export function totalsBy(cells: CubeCell[], keyOf: (cell: CubeCell) => string | null): TicketCut[] {
  const groups = groupBy(cells, keyOf);
  const all = salesTotals(cells).revenue;
  return [...groups.entries()]
    .map(([key, group]) => {
      const t = salesTotals(group);
      return { key, revenue: t.revenue, orders: t.orders, avgTicket: t.avgTicket, revenueShare: all > 0 ? t.revenue / all : null };
    })
    .sort((a, b) => b.revenue - a.revenue);
}
