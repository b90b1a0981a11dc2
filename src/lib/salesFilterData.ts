import type { DuckDBConnection } from '@duckdb/node-api';
import { UFS } from '../../pipelines/brazil/ufs.ts';
import { fieldLabels, type FieldLabels } from './labels.ts';
import { martExists, martPath, oncePerMarts, plainColumns, plainRows, sqlString, withConnection } from './readMart.ts';
import { sellerSlugs } from './sellerSlugs.ts';
import { CUSTOMER_COUNTS, NO_SELLER_SLUG, type FilterEntry, type SalesDictionaries, type SalesFilterFile, type StateEntry } from './salesFilterFile.ts';
import { loadSellersData, type SellersData } from './vendedores.ts';

/** How the pages name a seller: the name, or the code and team when the exports brought no seller names. */
export function sellerLabel(key: string | null, sellers: SellersData | null): string {
  if (key === null) return 'Sem vendedor';
  const seller = sellers?.byId.get(key);
  // Without a sellers mart the name is the code: the team tells the reader who it is.
  return seller ? (seller.name === key && seller.team ? `${key} · ${seller.team}` : seller.name) : key;
}

/** A UF's name from the labels mart, else from the IBGE table, else its code. */
export function stateName(key: string, labels: FieldLabels): string {
  return labels.order.includes(key) ? labels.label(key) : (UFS.find((uf) => uf.uf === key)?.name ?? key);
}

/** "São Paulo (SP)", or "UF não informada" for customers without one. */
export const stateLabel = (name: string, key: string | null): string => (key ? `${name} (${key})` : 'UF não informada');

/** A customer segment as the pages show it. */
export const segmentLabel = (key: string | null): string => key ?? 'Não informado';

/** Alphabetical in Portuguese, the not-informed entry last. */
const byLabel = (a: FilterEntry, b: FilterEntry): number => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, 'pt-BR'));

const distinct = <T>(values: T[]): T[] => [...new Set(values)];

/** The three cuts of the filter data (see salesFilterFile.ts), from one read of the sales cube. */
export interface SalesFilterFiles {
  /** Every seller, cell by cell; the pages also take their filter options from it. */
  every: SalesFilterFile;
  /** Summed over sellers. */
  summed: SalesFilterFile;
  /** One file per seller key (null: sales without a seller), under its slug. */
  bySeller: Map<string | null, { slug: string; file: SalesFilterFile }>;
}

/** The measures of each kind of cell, in the file's column order. */
const SALES_MEASURES = ['revenueCents', 'orders', 'marginCents'] as const;

/**
 * sales_cube summed to month × seller × UF × segment. Summing the categories away:
 * orders_by_main_category counts each order once, so it adds up here (the per-category `orders` would
 * count an order once per category it has lines in).
 */
const salesCellsSql = (cube: string) => `
  select month, seller_id, state, region, segment,
         bool_or(is_partial_month) as is_partial_month,
         (sum(revenue) * 100)::bigint as revenueCents,
         sum(orders_by_main_category)::bigint as orders,
         -- like kpis_monthly: unknown as soon as one order of the cell has no cost
         case when count(*) = count(gross_margin) then (sum(gross_margin) * 100)::bigint end as marginCents
  from read_parquet(${cube})
  group by month, seller_id, state, region, segment`;

/** A customer's month that counts in a cell: lost and inactive customers keep a row every month, with every count zero. */
const COUNTED_MONTH = "m.was_in_active_portfolio or m.is_in_active_portfolio or m.status_start = 'prospect' or m.was_in_working_portfolio";

/** Whether the customer counts can be read: customer_status_monthly and the customers mart. */
const hasCustomerMarts = (): boolean => martExists('customer_status_monthly') && martExists('customers');

/**
 * customer_status_monthly counted per month × the customer's seller, UF and segment (from the customers
 * mart), with the kpis_monthly definitions: each customer is in one cell a month, so the counts add up.
 */
const customerCellsSql = (statuses: string, customers: string) => `
  select m.month, c.seller_id, c.state, c.region, c.segment,
         count(*) filter (where m.was_in_active_portfolio) as activeStart,
         count(*) filter (where m.is_in_active_portfolio) as activeEnd,
         count(*) filter (where m.was_in_active_portfolio and not m.is_in_active_portfolio) as churned,
         count(*) filter (where m.status_start = 'prospect') as newCustomers,
         count(*) filter (where m.was_in_working_portfolio) as portfolio,
         count(*) filter (where m.was_in_working_portfolio and m.bought_in_month) as portfolioBuying
  from read_parquet(${statuses}) m
  inner join read_parquet(${customers}) c using (customer_id)
  group by all
  -- cells where every count is zero add nothing
  having count(*) filter (where ${COUNTED_MONTH}) > 0`;

/** A dictionary as a table of key → position, for the queries to return positions instead of keys. */
async function createPositions(connection: DuckDBConnection, table: string, keys: Array<string | null>): Promise<void> {
  const values = keys.map((key, i) => `(${key === null ? 'null' : sqlString(key)}, ${i})`).join(', ');
  await connection.run(`create temp table ${table} (key varchar, position integer)`);
  if (values) await connection.run(`insert into ${table} values ${values}`);
}

/** Columns of numbers (BIGINT read as number: sums of cents stay far below 2^53). */
async function numberColumns(connection: DuckDBConnection, sql: string): Promise<Record<string, Array<number | null>>> {
  return plainColumns(await connection.runAndReadAll(sql)) as Record<string, Array<number | null>>;
}

/** The cells of one kind (a temp table) as file columns: dictionary positions, then the measures. */
function cellsQuery(table: string, measures: readonly string[], cut: 'every' | 'bySeller' | 'summed'): string {
  const joins = `
    join months on months.key = strftime(cells.month, '%Y-%m-%d')
    join states on states.key is not distinct from cells.state
    join segments on segments.key is not distinct from cells.segment`;
  if (cut === 'summed') {
    // each (month, UF, segment) once, where its first seller's cell stood in the file with every seller
    const sums = measures.map((m) =>
      m === 'marginCents' ? `case when count(cells."${m}") = count(*) then sum(cells."${m}") end as "${m}"` : `sum(cells."${m}") as "${m}"`,
    );
    return `select months.position as month, states.position as state, segments.position as segment, ${sums.join(', ')}
      from ${table} cells ${joins}
      group by cells.month, cells.state, cells.segment, months.position, states.position, segments.position
      order by cells.month, min(cells.seller_id) nulls last, cells.state nulls last, cells.segment nulls last`;
  }
  const order =
    cut === 'every'
      ? 'cells.month, cells.seller_id nulls last, cells.state nulls last, cells.segment nulls last'
      : 'sellers.position, cells.month, cells.state nulls last, cells.segment nulls last';
  return `select months.position as month, sellers.position as seller, states.position as state, segments.position as segment,
      ${measures.map((m) => `cells."${m}"`).join(', ')}
    from ${table} cells ${joins}
    join sellers on sellers.key is not distinct from cells.seller_id
    order by ${order}`;
}

type Columns = Record<string, Array<number | null>>;

/** The file's cells: dimensions month, state, segment (and seller unless summed), then the measures, rows `from` to `to`. */
function fileColumns(columns: Columns, measures: readonly string[], from: number, to: number, seller: 'keep' | 'first' | 'none'): Columns {
  // the whole read is used as it is: a copy of millions of numbers would only cost memory
  const whole = from === 0 && to === columns.month!.length;
  const slice = (name: string) => (whole ? columns[name]! : columns[name]!.slice(from, to));
  const out: Columns = { month: slice('month'), state: slice('state'), segment: slice('segment') };
  // one seller's file lists only that seller: its position there is 0
  if (seller === 'keep') out.seller = slice('seller');
  if (seller === 'first') out.seller = new Array(to - from).fill(0);
  for (const measure of measures) out[measure] = slice(measure);
  return out;
}

/** Where each seller's rows start and end in columns ordered by seller position. */
function sellerRanges(sellerColumn: Array<number | null>): Map<number, [number, number]> {
  const ranges = new Map<number, [number, number]>();
  sellerColumn.forEach((position, i) => {
    const range = ranges.get(position!);
    if (range) range[1] = i + 1;
    else ranges.set(position!, [i, i + 1]);
  });
  return ranges;
}

/**
 * What the pages need of the filter files: the options of the filter bar (the dictionaries), the months
 * and the file of each seller. Read from the marts' keys alone, without summing a cell: the files
 * themselves are written beside the pages, by the downloads' child process (martDownloads.ts).
 */
export interface SalesFilterIndex extends SalesDictionaries {
  /** Month starts as ISO dates, ascending. */
  months: string[];
  partialMonth: string | null;
  /** Each seller key's file slug (null: sales without a seller). */
  slugs: Map<string | null, string>;
}

/**
 * The index, with the keys of every cell left in temp table `filter_keys`: the keys of sales_cube, and
 * the customers' own seller, UF and segment in the months they count in (which may name keys no sale
 * does, a seller without credited sales). Null without sales.
 */
async function readIndex(connection: DuckDBConnection): Promise<SalesFilterIndex | null> {
  if (!martExists('sales_cube')) return null;
  const [sellersData, stateLabels, regionLabels] = await Promise.all([loadSellersData(), fieldLabels('state'), fieldLabels('region')]);
  const cube = sqlString(martPath('sales_cube'));
  const customerKeys = hasCustomerMarts()
    ? `union all select m.month, c.seller_id, c.state, c.region, c.segment
         from read_parquet(${sqlString(martPath('customer_status_monthly'))}) m
         inner join read_parquet(${sqlString(martPath('customers'))}) c using (customer_id)
         where ${COUNTED_MONTH}`
    : '';
  await connection.run(`create or replace temp table filter_keys as
    select distinct month, seller_id, state, region, segment
    from (select month, seller_id, state, region, segment from read_parquet(${cube}) ${customerKeys})`);
  const keysOf = async (sql: string) => plainRows(await connection.runAndReadAll(sql));
  const [sales] = await keysOf(`select count(*) as n, strftime(min(month) filter (where is_partial_month), '%Y-%m-%d') as partial from read_parquet(${cube})`);
  if (!Number(sales!.n)) return null;

  const regionKeys = (await keysOf('select distinct region from filter_keys where region is not null')).map((r) => r.region as string);
  const regionOrder = regionLabels.order.length ? regionLabels.order : distinct(UFS.map((uf) => uf.region as string));
  const rank = (key: string | null) => (key === null ? Infinity : regionOrder.indexOf(key) === -1 ? regionOrder.length : regionOrder.indexOf(key));
  const regions: FilterEntry[] = regionKeys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((key) => ({ key, label: regionLabels.label(key) }));
  const states: StateEntry[] = (await keysOf('select state, any_value(region) as region from filter_keys group by state'))
    .map((row) => {
      const key = row.state as string | null;
      const name = key === null ? 'UF não informada' : stateName(key, stateLabels);
      return { key, label: stateLabel(name, key), name, region: (row.region as string | null) ?? null };
    })
    .sort((a, b) => rank(a.region) - rank(b.region) || byLabel(a, b));
  // sellers who share a name carry their code in it (the sellers mart's rule), so every label is distinct
  const sellers = (await keysOf('select distinct seller_id from filter_keys order by seller_id nulls last'))
    .map((row) => ({ key: row.seller_id as string | null, label: sellerLabel(row.seller_id as string | null, sellersData) }))
    .sort(byLabel);
  const segments = (await keysOf('select distinct segment from filter_keys'))
    .map((row) => ({ key: row.segment as string | null, label: segmentLabel(row.segment as string | null) }))
    .sort(byLabel);
  const months = (await keysOf(`select distinct strftime(month, '%Y-%m-%d') as month from filter_keys order by month`)).map((row) => row.month as string);
  const codes = sellerSlugs(sellers.flatMap((seller) => (seller.key === null ? [] : [seller.key])));
  const slugs = new Map(sellers.map((seller) => [seller.key, seller.key === null ? NO_SELLER_SLUG : codes.get(seller.key)!] as const));
  return { sellers, states, regions, segments, months, partialMonth: (sales!.partial as string | null) ?? null, slugs };
}

/** The index of the filter files, read once per build: the pages take their filter options from it. */
export const loadSalesFilterIndex: () => Promise<SalesFilterIndex | null> = oncePerMarts(() => withConnection(readIndex));

/**
 * The three cuts of the filter files, grouped, summed and ordered in DuckDB and read column by column:
 * at 100 million order lines the cube has millions of cells, too many to hold as one JS object each.
 * Their dictionaries are the index's, so the files and the pages' options agree position by position.
 */
export async function buildSalesFilterFiles(): Promise<SalesFilterFiles | null> {
  return withConnection(async (connection) => {
    const index = await readIndex(connection);
    if (!index) return null;
    const { months, partialMonth: partial, sellers, states, regions, segments } = index;
    await connection.run(`create temp table sales_cells as ${salesCellsSql(sqlString(martPath('sales_cube')))}`);
    if (hasCustomerMarts())
      await connection.run(
        `create temp table customer_cells as ${customerCellsSql(sqlString(martPath('customer_status_monthly')), sqlString(martPath('customers')))}`,
      );
    else
      await connection.run(
        `create temp table customer_cells (month date, seller_id varchar, state varchar, region varchar, segment varchar, ${CUSTOMER_COUNTS.map((c) => `"${c}" bigint`).join(', ')})`,
      );
    await createPositions(connection, 'months', months);
    await createPositions(
      connection,
      'sellers',
      sellers.map((s) => s.key),
    );
    await createPositions(
      connection,
      'states',
      states.map((s) => s.key),
    );
    await createPositions(
      connection,
      'segments',
      segments.map((s) => s.key),
    );
    const read = (table: string, measures: readonly string[], cut: 'every' | 'bySeller' | 'summed') =>
      numberColumns(connection, cellsQuery(table, measures, cut));

    const dictionaries = { sellers, states, regions, segments };
    const file = (sales: Columns, customers: Columns, fileDictionaries: SalesDictionaries, summed = false): SalesFilterFile => ({
      version: 3,
      months,
      partialMonth: partial,
      ...fileDictionaries,
      ...(summed ? { sellers: [] } : {}),
      cells: sales as unknown as SalesFilterFile['cells'],
      customers: customers as unknown as SalesFilterFile['customers'],
    });
    const whole = (columns: Columns, measures: readonly string[], seller: 'keep' | 'none') => fileColumns(columns, measures, 0, columns.month!.length, seller);

    const every = file(
      whole(await read('sales_cells', SALES_MEASURES, 'every'), SALES_MEASURES, 'keep'),
      whole(await read('customer_cells', CUSTOMER_COUNTS, 'every'), CUSTOMER_COUNTS, 'keep'),
      dictionaries,
    );
    const summed = file(
      whole(await read('sales_cells', SALES_MEASURES, 'summed'), SALES_MEASURES, 'none'),
      whole(await read('customer_cells', CUSTOMER_COUNTS, 'summed'), CUSTOMER_COUNTS, 'none'),
      dictionaries,
      true,
    );
    const salesBySeller = await read('sales_cells', SALES_MEASURES, 'bySeller');
    const customersBySeller = await read('customer_cells', CUSTOMER_COUNTS, 'bySeller');
    const salesRanges = sellerRanges(salesBySeller.seller!);
    const customerRanges = sellerRanges(customersBySeller.seller!);
    const bySeller = new Map(
      sellers.map((seller, position) => {
        const [salesFrom, salesTo] = salesRanges.get(position) ?? [0, 0];
        const [customersFrom, customersTo] = customerRanges.get(position) ?? [0, 0];
        return [
          seller.key,
          {
            slug: index.slugs.get(seller.key)!,
            file: file(
              fileColumns(salesBySeller, SALES_MEASURES, salesFrom, salesTo, 'first'),
              fileColumns(customersBySeller, CUSTOMER_COUNTS, customersFrom, customersTo, 'first'),
              { ...dictionaries, sellers: [seller] },
            ),
          },
        ];
      }),
    );
    return { every, summed, bySeller };
  });
}
