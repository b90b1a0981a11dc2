import { NOT_INFORMED, type SalesFilter } from './filterParams.ts';
import { monthIndex } from './reportPeriods.ts';
import { CUSTOMER_COUNTS, type CubeCell, type CubeCustomerCell, type CustomerCounts, type InRegion, type CellKeys, type SalesCube } from './salesFilterFile.ts';
import type { TicketCut } from './ticketMedio.ts';
import { groupBy } from './groupBy.ts';
import type { GeographyMonth } from './geographySummary.ts';

/**
 * Re-aggregation of the filter file's cells: the one place the filtered pages add figures up. Only sums
 * are added (revenue, orders counted once, margin, customer counts); every ratio is divided afterwards
 * with the marts' own definition, never averaged. Distinct buyers are not in the file at all, because a
 * customer buying from two sellers would be counted twice.
 */

/** Revenue and orders of a set of cells, and the ticket they give. */
export interface SalesTotals {
  revenue: number;
  orders: number;
  /** revenue ÷ orders; null without orders. */
  avgTicket: number | null;
  /** Revenue minus cost; null when an order of the cells has no cost (as kpis_monthly.gross_margin). */
  grossMargin: number | null;
}

const keyMatches = (key: string | null, wanted: string): boolean => wanted === '' || (wanted === NOT_INFORMED ? key === null : key === wanted);

/** Whether a cell passes the filter's place, seller and segment (the period is applied as a list of months). */
export function cellMatches(cell: InRegion<CellKeys>, filter: SalesFilter): boolean {
  const place = filter.state ? keyMatches(cell.state, filter.state) : keyMatches(cell.region, filter.region);
  return place && keyMatches(cell.seller, filter.seller) && keyMatches(cell.segment, filter.segment);
}

/** The cells of the given months that pass the filter. */
export function filterCells(cube: Pick<SalesCube, 'cells' | 'sellersSummed'>, filter: SalesFilter, months: Date[]): CubeCell[] {
  return pickCells(cube.cells, cube.sellersSummed, filter, months);
}

/** The customer cells of the given months that pass the filter (a seller filter picks the customers' own seller). */
export function filterCustomerCells(cube: Pick<SalesCube, 'customerCells' | 'sellersSummed'>, filter: SalesFilter, months: Date[]): CubeCustomerCell[] {
  return pickCells(cube.customerCells, cube.sellersSummed, filter, months);
}

function pickCells<T extends InRegion<CellKeys>>(cells: T[], sellersSummed: boolean, filter: SalesFilter, months: Date[]): T[] {
  if (sellersSummed && filter.seller) throw new Error('sales filter: a file summed over sellers cannot filter by seller');
  const wanted = new Set(months.map(monthIndex));
  return cells.filter((cell) => wanted.has(monthIndex(cell.month)) && cellMatches(cell, filter));
}

/** The totals of the cells together, summed in whole cents so a total never drifts by a cent from the marts. */
export function salesTotals(cells: CubeCell[]): SalesTotals {
  let cents = 0;
  let orders = 0;
  let margin: number | null = 0;
  for (const cell of cells) {
    cents += cell.revenueCents;
    orders += cell.orders;
    margin = margin === null || cell.marginCents === null ? null : margin + cell.marginCents;
  }
  // Rounded to the cent like the marts' avg_ticket macro.
  return { revenue: cents / 100, orders, avgTicket: orders > 0 ? Math.round(cents / orders) / 100 : null, grossMargin: margin === null ? null : margin / 100 };
}

/** The customer counts of cells together and the rates kpis_monthly derives from them. */
export interface CustomerTotals extends CustomerCounts {
  /** Positivação in percent: portfolioBuying ÷ portfolio × 100 (kpis_monthly.coverage_pct); null without a portfolio. */
  coveragePct: number | null;
  /** churned ÷ activeStart, 0-1 (kpis_monthly.churn_rate); null without active customers at the start. */
  churnRate: number | null;
}

export function customerTotals(cells: CubeCustomerCell[]): CustomerTotals {
  const sums = Object.fromEntries(CUSTOMER_COUNTS.map((name) => [name, 0])) as unknown as CustomerCounts;
  for (const cell of cells) for (const name of CUSTOMER_COUNTS) sums[name] += cell[name];
  return {
    ...sums,
    coveragePct: sums.portfolio > 0 ? (100 * sums.portfolioBuying) / sums.portfolio : null,
    churnRate: sums.activeStart > 0 ? sums.churned / sums.activeStart : null,
  };
}

/**
 * The kpis_monthly figures the filter file can give exactly, for each month of the cube, named as in
 * that mart; the others (LTV, CAC, concentration) need every customer's revenue and stay out.
 */
export interface FilteredKpiMonth {
  month: Date;
  is_partial_month: boolean;
  revenue: number;
  orders: number;
  avg_ticket: number | null;
  gross_margin: number | null;
  active_customers: number;
  active_start: number;
  churned: number;
  churn_rate: number | null;
  new_customers: number;
  portfolio_customers: number;
  portfolio_buying_customers: number;
  coverage_pct: number | null;
}

export function filteredKpiMonths(cube: SalesCube, filter: SalesFilter): FilteredKpiMonth[] {
  const sales = groupBy(filterCells(cube, filter, cube.months), (cell) => monthIndex(cell.month));
  const customers = groupBy(filterCustomerCells(cube, filter, cube.months), (cell) => monthIndex(cell.month));
  const partial = cube.partialMonth ? monthIndex(cube.partialMonth) : null;
  return cube.months.map((month) => {
    const s = salesTotals(sales.get(monthIndex(month)) ?? []);
    const c = customerTotals(customers.get(monthIndex(month)) ?? []);
    return {
      month,
      is_partial_month: monthIndex(month) === partial,
      revenue: s.revenue,
      orders: s.orders,
      avg_ticket: s.avgTicket,
      gross_margin: s.grossMargin,
      active_customers: c.activeEnd,
      active_start: c.activeStart,
      churned: c.churned,
      churn_rate: c.churnRate,
      new_customers: c.newCustomers,
      portfolio_customers: c.portfolio,
      portfolio_buying_customers: c.portfolioBuying,
      coverage_pct: c.coveragePct,
    };
  });
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

/**
 * The geography mart's rows (month × UF) for the filter, from the sales and the customer counts of the
 * months given, for the same summaries the Geografia page draws (geographySummary.ts). Buyers in the
 * month are a distinct count the file does not carry: 0 here, and the page shows none under a filter.
 */
export function filteredGeographyMonths(cube: SalesCube, filter: SalesFilter, months: Date[]): GeographyMonth[] {
  const key = (cell: InRegion<CellKeys>) => JSON.stringify([monthIndex(cell.month), cell.state]);
  const rows = new Map<string, GeographyMonth>();
  const row = (cell: InRegion<CellKeys>): GeographyMonth => {
    let found = rows.get(key(cell));
    if (!found) {
      found = {
        month: cell.month,
        state: cell.state,
        region: cell.region,
        revenue: 0,
        orders: 0,
        customers: 0,
        portfolio_buying_customers: 0,
        new_customers: 0,
        active_customers: 0,
        buying_customers: 0,
      };
      rows.set(key(cell), found);
    }
    return found;
  };
  for (const cells of groupBy(filterCells(cube, filter, months), key).values()) {
    const totals = salesTotals(cells);
    Object.assign(row(cells[0]!), { revenue: totals.revenue, orders: totals.orders });
  }
  for (const cells of groupBy(filterCustomerCells(cube, filter, months), key).values()) {
    const totals = customerTotals(cells);
    Object.assign(row(cells[0]!), {
      customers: totals.portfolio,
      portfolio_buying_customers: totals.portfolioBuying,
      new_customers: totals.newCustomers,
      active_customers: totals.activeEnd,
    });
  }
  return [...rows.values()];
}
