/**
 * The files the filters read in the browser: sales_cube summed to month × seller × UF × segment, column by
 * column, each dimension stored once in a dictionary and referenced by position. Categories are left out
 * (each would multiply the rows), and so is every distinct count: only sums that stay right when added up.
 *
 * The whole cube grows with the number of sellers (about 1.4 MB gzip for 1,000 sellers), so it is cut
 * three ways and a page fetches the smallest file that answers its filter:
 * - one file per seller: for any filter on that seller;
 * - every seller, cell by cell: for Ticket médio without a seller filter (its cut by seller);
 * - summed over sellers (no seller column): for the other pages without a seller filter.
 */

/** The file with every seller, under the site base. */
export const SALES_FILTER_PATH = 'filtros/vendas.json';

/** The file summed over sellers. */
export const SALES_TOTAL_PATH = 'filtros/vendas-total.json';

/** The folder of one file per seller (`<slug>.json`). */
export const SELLER_SALES_DIR = 'filtros/vendedores';

/** The file name of the sales without a seller, which no seller slug can take (slugs have no "_"). */
export const NO_SELLER_SLUG = '_sem-vendedor';

/** One value of a filter dimension: its key in the marts (null = not informed) and its label on screen. */
export interface FilterEntry {
  key: string | null;
  label: string;
}

/** A UF: its label ("São Paulo (SP)"), its name alone (for the map) and the region the filter groups it under. */
export interface StateEntry extends FilterEntry {
  name: string;
  region: string | null;
}

/** The labels of every dimension value present in the cells, in the order the filter bar lists them. */
export interface SalesDictionaries {
  sellers: FilterEntry[];
  states: StateEntry[];
  regions: FilterEntry[];
  segments: FilterEntry[];
}

/** The JSON written at build time. */
export interface SalesFilterFile extends SalesDictionaries {
  /** Bumped when the layout changes, so an old cached file is refused rather than misread. */
  version: 2;
  /** Month starts as ISO dates ("2026-10-01"), ascending; `cells.month` points into this list. */
  months: string[];
  /** The as-of month when it is still running. */
  partialMonth: string | null;
  /**
   * One entry per cell, column by column; dimension columns are positions in the dictionaries. No
   * `seller` column (and no sellers) when the file is summed over sellers.
   */
  cells: { month: number[]; seller?: number[]; state: number[]; segment: number[]; revenueCents: number[]; orders: number[] };
}

/** One cell as the build reads it: revenue in whole cents, so sums in the browser are exact. */
export interface SalesCell {
  month: Date;
  seller: string | null;
  state: string | null;
  segment: string | null;
  revenueCents: number;
  /** Orders counted once each (orders_by_main_category), so they add up across every dimension. */
  orders: number;
}

/** A cell in the browser, with the UF's region looked up. */
export interface CubeCell extends SalesCell {
  region: string | null;
}

/** The decoded file. */
export interface SalesCube extends SalesDictionaries {
  months: Date[];
  partialMonth: Date | null;
  cells: CubeCell[];
  /** The file was summed over sellers: its cells carry no seller and cannot answer a seller filter. */
  sellersSummed: boolean;
}

const isoMonth = (month: Date): string => month.toISOString().slice(0, 10);
// Months are DATE values: read them as UTC midnight, never in the browser's time zone.
const parseMonth = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function positions(entries: FilterEntry[], dimension: string): (key: string | null) => number {
  const index = new Map(entries.map((entry, i) => [entry.key, i]));
  return (key) => {
    const found = index.get(key);
    if (found === undefined) throw new Error(`sales filter file: ${dimension} "${key}" has no dictionary entry`);
    return found;
  };
}

/**
 * Encodes the cells with their dictionaries; every key in the cells must be in its dictionary. With
 * `sellersSummed` the cells must already be summed over sellers (see sumOverSellers) and no seller is written;
 * `months` lists the report's months when the cells may not cover them all (one seller's file).
 */
export function encodeSalesFile(
  cells: SalesCell[],
  dictionaries: SalesDictionaries,
  partialMonth: Date | null,
  { sellersSummed = false, months: allMonths }: { sellersSummed?: boolean; months?: Date[] } = {},
): SalesFilterFile {
  // A file of one seller still lists every month of the report: the periods are counted back from the last one.
  const months = [...new Set((allMonths ?? cells.map((cell) => cell.month)).map(isoMonth))].sort();
  const monthAt = new Map(months.map((month, i) => [month, i]));
  const seller = positions(dictionaries.sellers, 'seller');
  const state = positions(dictionaries.states, 'state');
  const segment = positions(dictionaries.segments, 'segment');
  const columns: SalesFilterFile['cells'] = { month: [], state: [], segment: [], revenueCents: [], orders: [] };
  const sellers: number[] = [];
  for (const cell of cells) {
    const month = monthAt.get(isoMonth(cell.month));
    if (month === undefined) throw new Error(`sales filter file: month ${isoMonth(cell.month)} is not in the month list`);
    columns.month.push(month);
    if (!sellersSummed) sellers.push(seller(cell.seller));
    columns.state.push(state(cell.state));
    columns.segment.push(segment(cell.segment));
    columns.revenueCents.push(Math.round(cell.revenueCents));
    columns.orders.push(cell.orders);
  }
  return {
    version: 2,
    months,
    partialMonth: partialMonth ? isoMonth(partialMonth) : null,
    ...dictionaries,
    ...(sellersSummed ? { sellers: [] } : {}),
    cells: sellersSummed ? columns : { ...columns, seller: sellers },
  };
}

/** The cells added up over sellers, one per month × UF × segment, in the order they first appear. */
export function sumOverSellers(cells: SalesCell[]): SalesCell[] {
  const sums = new Map<string, SalesCell>();
  for (const cell of cells) {
    const key = JSON.stringify([isoMonth(cell.month), cell.state, cell.segment]);
    const sum = sums.get(key);
    if (sum) {
      sum.revenueCents += cell.revenueCents;
      sum.orders += cell.orders;
    } else {
      sums.set(key, { ...cell, seller: null });
    }
  }
  return [...sums.values()];
}

/** Decodes the file back into cells with their keys; refuses another version of the layout. */
export function decodeSalesFile(file: SalesFilterFile): SalesCube {
  if (file?.version !== 2) throw new Error('sales filter file: unknown version');
  const months = file.months.map(parseMonth);
  const { cells: c } = file;
  const cells: CubeCell[] = c.month.map((m, i) => {
    const state = file.states[c.state[i]!]!;
    return {
      month: months[m]!,
      seller: c.seller ? file.sellers[c.seller[i]!]!.key : null,
      state: state.key,
      region: state.region,
      segment: file.segments[c.segment[i]!]!.key,
      revenueCents: c.revenueCents[i]!,
      orders: c.orders[i]!,
    };
  });
  return {
    months,
    partialMonth: file.partialMonth ? parseMonth(file.partialMonth) : null,
    sellers: file.sellers,
    states: file.states,
    regions: file.regions,
    segments: file.segments,
    cells,
    sellersSummed: !c.seller,
  };
}
