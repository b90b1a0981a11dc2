/**
 * The files the filters read in the browser: sales_cube summed to month × seller × UF × segment, column by
 * column, each dimension stored once in a dictionary and referenced by position. Categories are left out
 * (each would multiply the rows), and so is every distinct count of buyers: only sums that stay right when
 * added up. Beside the sales, the customer counts of customer_status_monthly summed to month × the
 * customer's seller × UF × segment (each customer sits in one cell a month, so those counts add up too).
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

/** The customer counts of one cell (customer_status_monthly, the customer's own seller, UF and segment). */
export interface CustomerCounts {
  /** In the active portfolio at the start of the month (kpis_monthly.active_start). */
  activeStart: number;
  /** In the active portfolio at the end of the month (kpis_monthly.active_customers). */
  activeEnd: number;
  /** Active at the start, not at the end (kpis_monthly.churned). */
  churned: number;
  /** First purchase in the month (kpis_monthly.new_customers). */
  newCustomers: number;
  /** In the working portfolio at the start of the month (kpis_monthly.portfolio_customers). */
  portfolio: number;
  /** Of those, bought in the month (kpis_monthly.portfolio_buying_customers). */
  portfolioBuying: number;
}

/** The count columns, in file order. */
export const CUSTOMER_COUNTS: Array<keyof CustomerCounts> = ['activeStart', 'activeEnd', 'churned', 'newCustomers', 'portfolio', 'portfolioBuying'];

/** The dimension columns of a file; no `seller` when it is summed over sellers. */
interface DimensionColumns {
  month: number[];
  seller?: number[];
  state: number[];
  segment: number[];
}

/** The JSON written at build time. */
export interface SalesFilterFile extends SalesDictionaries {
  /** Bumped when the layout changes, so an old cached file is refused rather than misread. */
  version: 3;
  /** Month starts as ISO dates ("2026-10-01"), ascending; `cells.month` points into this list. */
  months: string[];
  /** The as-of month when it is still running. */
  partialMonth: string | null;
  /**
   * One entry per cell, column by column; dimension columns are positions in the dictionaries. No
   * `seller` column (and no sellers) when the file is summed over sellers. `marginCents` is null where
   * an order of the cell has no cost.
   */
  cells: DimensionColumns & { revenueCents: number[]; orders: number[]; marginCents: Array<number | null> };
  /** The customer counts, cell by cell, laid out the same way. */
  customers: DimensionColumns & Record<keyof CustomerCounts, number[]>;
}

/** Where a cell sits: the month and the keys of its dimensions. */
export interface CellKeys {
  month: Date;
  seller: string | null;
  state: string | null;
  segment: string | null;
}

/** One cell as the build reads it: revenue in whole cents, so sums in the browser are exact. */
export interface SalesCell extends CellKeys {
  revenueCents: number;
  /** Orders counted once each (orders_by_main_category), so they add up across every dimension. */
  orders: number;
  /** Revenue minus cost, in cents; null when an order of the cell has no cost (the margin is then unknown). */
  marginCents: number | null;
}

/** One cell of customer counts. */
export interface CustomerCell extends CellKeys, CustomerCounts {}

/** A cell in the browser, with the UF's region looked up. */
export type InRegion<T> = T & { region: string | null };
export type CubeCell = InRegion<SalesCell>;
export type CubeCustomerCell = InRegion<CustomerCell>;

/** The decoded file. */
export interface SalesCube extends SalesDictionaries {
  months: Date[];
  partialMonth: Date | null;
  cells: CubeCell[];
  customerCells: CubeCustomerCell[];
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

/** Writes cells column by column: their keys as positions, then each measure as given. */
function encodeCells<T extends CellKeys, M extends string>(
  cells: T[],
  measures: Record<M, (cell: T) => number | null>,
  dictionaries: SalesDictionaries,
  monthAt: Map<string, number>,
  sellersSummed: boolean,
): DimensionColumns & Record<M, Array<number | null>> {
  const seller = positions(dictionaries.sellers, 'seller');
  const state = positions(dictionaries.states, 'state');
  const segment = positions(dictionaries.segments, 'segment');
  const names = Object.keys(measures) as M[];
  const dims: Required<DimensionColumns> = { month: [], seller: [], state: [], segment: [] };
  const values = Object.fromEntries(names.map((name) => [name, [] as Array<number | null>])) as Record<M, Array<number | null>>;
  for (const cell of cells) {
    const month = monthAt.get(isoMonth(cell.month));
    if (month === undefined) throw new Error(`sales filter file: month ${isoMonth(cell.month)} is not in the month list`);
    dims.month.push(month);
    if (!sellersSummed) dims.seller.push(seller(cell.seller));
    dims.state.push(state(cell.state));
    dims.segment.push(segment(cell.segment));
    for (const name of names) values[name].push(measures[name](cell));
  }
  const { seller: sellers, ...rest } = dims;
  return { ...rest, ...(sellersSummed ? {} : { seller: sellers }), ...values };
}

/**
 * Encodes the cells with their dictionaries; every key in the cells must be in its dictionary. The build
 * writes its files from DuckDB columns (salesFilterData.ts); this encoder states the same format for cells
 * held as objects, as the decoder's tests build them. With `sellersSummed` the cells must already be summed
 * over sellers and no seller is written;
 * `months` lists the report's months when the cells may not cover them all (one seller's file).
 */
export function encodeSalesFile(
  cells: SalesCell[],
  dictionaries: SalesDictionaries,
  partialMonth: Date | null,
  { sellersSummed = false, months: allMonths, customers = [] }: { sellersSummed?: boolean; months?: Date[]; customers?: CustomerCell[] } = {},
): SalesFilterFile {
  // A file of one seller still lists every month of the report: the periods are counted back from the last one.
  const months = [...new Set((allMonths ?? [...cells, ...customers].map((cell) => cell.month)).map(isoMonth))].sort();
  const monthAt = new Map(months.map((month, i) => [month, i]));
  const sales = encodeCells(
    cells,
    {
      revenueCents: (c) => Math.round(c.revenueCents),
      orders: (c) => c.orders,
      marginCents: (c) => (c.marginCents === null ? null : Math.round(c.marginCents)),
    },
    dictionaries,
    monthAt,
    sellersSummed,
  );
  const counts = encodeCells(
    customers,
    Object.fromEntries(CUSTOMER_COUNTS.map((name) => [name, (c: CustomerCell) => c[name]])) as Record<keyof CustomerCounts, (c: CustomerCell) => number>,
    dictionaries,
    monthAt,
    sellersSummed,
  );
  return {
    version: 3,
    months,
    partialMonth: partialMonth ? isoMonth(partialMonth) : null,
    ...dictionaries,
    ...(sellersSummed ? { sellers: [] } : {}),
    cells: sales as SalesFilterFile['cells'],
    customers: counts as SalesFilterFile['customers'],
  };
}

/** Reads the keys of cell `i` back from the dimension columns. */
function decodeKeys(file: SalesFilterFile, months: Date[], columns: DimensionColumns, i: number): InRegion<CellKeys> {
  const state = file.states[columns.state[i]!]!;
  return {
    month: months[columns.month[i]!]!,
    seller: columns.seller ? file.sellers[columns.seller[i]!]!.key : null,
    state: state.key,
    region: state.region,
    segment: file.segments[columns.segment[i]!]!.key,
  };
}

/** Decodes the file back into cells with their keys; refuses another version of the layout. */
export function decodeSalesFile(file: SalesFilterFile): SalesCube {
  if (file?.version !== 3) throw new Error('sales filter file: unknown version');
  const months = file.months.map(parseMonth);
  const { cells: c, customers: k } = file;
  const cells: CubeCell[] = c.month.map((_, i) => ({
    ...decodeKeys(file, months, c, i),
    revenueCents: c.revenueCents[i]!,
    orders: c.orders[i]!,
    marginCents: c.marginCents[i] ?? null,
  }));
  const customerCells: CubeCustomerCell[] = k.month.map((_, i) => ({
    ...decodeKeys(file, months, k, i),
    ...(Object.fromEntries(CUSTOMER_COUNTS.map((name) => [name, k[name][i]!])) as unknown as CustomerCounts),
  }));
  return {
    months,
    partialMonth: file.partialMonth ? parseMonth(file.partialMonth) : null,
    sellers: file.sellers,
    states: file.states,
    regions: file.regions,
    segments: file.segments,
    cells,
    customerCells,
    sellersSummed: !c.seller,
  };
}
