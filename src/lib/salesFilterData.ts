import { UFS } from '../../pipelines/brazil/ufs.ts';
import { fieldLabels, type FieldLabels } from './labels.ts';
import { z } from 'zod';
import { martSchema } from './martRows.ts';
import { martExists, martPath, queryMart, sqlString } from './readMart.ts';

const count = z.number().int().nonnegative();

/** sales_cube summed to month × seller × UF × segment: the cells of the filter file. */
const SalesCellRow = martSchema('sales_cube').pick({ month: true, seller_id: true, state: true, region: true, segment: true, is_partial_month: true }).extend({
  revenue_cents: z.number().int(),
  /** orders_by_main_category: each order once, so it adds up across every dimension. */
  orders: count,
  /** Revenue minus cost in cents; null when an order of the cell has no cost. */
  margin_cents: z.number().int().nullable(),
});

/** customer_status_monthly counted per month × the customer's seller × UF × segment. */
const CustomerCountRow = martSchema('customer_status_monthly')
  .pick({ month: true })
  .extend(martSchema('customers').pick({ seller_id: true, state: true, region: true, segment: true }).shape)
  .extend({ active_start: count, active_end: count, churned: count, new_customers: count, portfolio: count, portfolio_buying: count });
type CustomerCountRow = z.infer<typeof CustomerCountRow>;
import { sellerSlugs } from './sellerSlugs.ts';
import {
  encodeSalesFile,
  NO_SELLER_SLUG,
  sumCustomersOverSellers,
  sumOverSellers,
  type CustomerCell,
  type FilterEntry,
  type SalesCell,
  type SalesFilterFile,
  type StateEntry,
} from './salesFilterFile.ts';
import { loadSellersData, type SellersData } from './vendedores.ts';
import { groupBy } from './groupBy.ts';

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

async function load(): Promise<SalesFilterFiles | null> {
  if (!martExists('sales_cube')) return null;
  // Summing the categories away: orders_by_main_category counts each order once, so it adds up here
  // (the per-category `orders` would count an order once per category it has lines in).
  const rows = await queryMart(
    'sales_cube',
    `select month, seller_id, state, region, segment,
            bool_or(is_partial_month) as is_partial_month,
            (sum(revenue) * 100)::bigint as revenue_cents,
            sum(orders_by_main_category)::integer as orders,
            -- like kpis_monthly: unknown as soon as one order of the cell has no cost
            case when count(*) = count(gross_margin) then (sum(gross_margin) * 100)::bigint end as margin_cents
     from mart
     group by month, seller_id, state, region, segment
     order by month, seller_id nulls last, state nulls last, segment nulls last`,
    SalesCellRow,
  );
  if (!rows.length) return null;
  const [sellersData, stateLabels, regionLabels, customerRows] = await Promise.all([
    loadSellersData(),
    fieldLabels('state'),
    fieldLabels('region'),
    loadCustomerCounts(),
  ]);

  // The customers' own seller, UF and segment may name keys no sale does (a seller without credited sales).
  const keyed = [...rows, ...customerRows];
  const regionOf = new Map(keyed.map((row) => [row.state, row.region]));
  const regionKeys = distinct(keyed.map((row) => row.region).filter((key): key is string => key !== null));
  const regionOrder = regionLabels.order.length ? regionLabels.order : distinct(UFS.map((uf) => uf.region as string));
  const rank = (key: string | null) => (key === null ? Infinity : regionOrder.indexOf(key) === -1 ? regionOrder.length : regionOrder.indexOf(key));
  const regions: FilterEntry[] = regionKeys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((key) => ({ key, label: regionLabels.label(key) }));
  const states: StateEntry[] = distinct(keyed.map((row) => row.state))
    .map((key) => {
      const name = key === null ? 'UF não informada' : stateName(key, stateLabels);
      return { key, label: stateLabel(name, key), name, region: regionOf.get(key) ?? null };
    })
    .sort((a, b) => rank(a.region) - rank(b.region) || byLabel(a, b));
  const sellers = distinct(keyed.map((row) => row.seller_id))
    .map((key) => ({ key, label: sellerLabel(key, sellersData) }))
    .sort(byLabel);
  const segments = distinct(keyed.map((row) => row.segment))
    .map((key) => ({ key, label: segmentLabel(key) }))
    .sort(byLabel);

  const cells: SalesCell[] = rows.map((row) => ({
    month: row.month,
    seller: row.seller_id,
    state: row.state,
    segment: row.segment,
    revenueCents: row.revenue_cents,
    orders: row.orders,
    marginCents: row.margin_cents,
  }));
  const customers: CustomerCell[] = customerRows.map((row) => ({
    month: row.month,
    seller: row.seller_id,
    state: row.state,
    segment: row.segment,
    activeStart: row.active_start,
    activeEnd: row.active_end,
    churned: row.churned,
    newCustomers: row.new_customers,
    portfolio: row.portfolio,
    portfolioBuying: row.portfolio_buying,
  }));
  const partial = rows.find((row) => row.is_partial_month)?.month ?? null;
  const dictionaries = { sellers, states, regions, segments };
  const months = distinct(keyed.map((row) => row.month.getTime())).map((time) => new Date(time));
  const slugs = sellerSlugs(sellers.flatMap((seller) => (seller.key === null ? [] : [seller.key])));
  const cellsBySeller = groupBy(cells, (cell) => cell.seller);
  const customersBySeller = groupBy(customers, (cell) => cell.seller);
  const bySeller = new Map(
    sellers.map((seller) => [
      seller.key,
      {
        slug: seller.key === null ? NO_SELLER_SLUG : slugs.get(seller.key)!,
        file: encodeSalesFile(cellsBySeller.get(seller.key) ?? [], { ...dictionaries, sellers: [seller] }, partial, {
          months,
          customers: customersBySeller.get(seller.key) ?? [],
        }),
      },
    ]),
  );
  return {
    every: encodeSalesFile(cells, dictionaries, partial, { months, customers }),
    summed: encodeSalesFile(sumOverSellers(cells), dictionaries, partial, { sellersSummed: true, months, customers: sumCustomersOverSellers(customers) }),
    bySeller,
  };
}

/**
 * customer_status_monthly counted per month × the customer's seller, UF and segment (from the customers
 * mart), with the kpis_monthly definitions: each customer is in one cell a month, so the counts add up.
 */
async function loadCustomerCounts(): Promise<CustomerCountRow[]> {
  if (!martExists('customer_status_monthly') || !martExists('customers')) return [];
  return queryMart(
    'customer_status_monthly',
    `select m.month, c.seller_id, c.state, c.region, c.segment,
            count(*) filter (where m.was_in_active_portfolio)::integer as active_start,
            count(*) filter (where m.is_in_active_portfolio)::integer as active_end,
            count(*) filter (where m.was_in_active_portfolio and not m.is_in_active_portfolio)::integer as churned,
            count(*) filter (where m.status_start = 'prospect')::integer as new_customers,
            count(*) filter (where m.was_in_working_portfolio)::integer as portfolio,
            count(*) filter (where m.was_in_working_portfolio and m.bought_in_month)::integer as portfolio_buying
     from mart m
     inner join read_parquet(${sqlString(martPath('customers'))}) c using (customer_id)
     group by all
     -- lost and inactive customers keep a row every month: cells where every count is zero add nothing
     having count(*) filter (where m.was_in_active_portfolio or m.is_in_active_portfolio
                                or m.status_start = 'prospect' or m.was_in_working_portfolio) > 0
     order by m.month, c.seller_id nulls last, c.state nulls last, c.segment nulls last`,
    CustomerCountRow,
  );
}

let cached: Promise<SalesFilterFiles | null> | undefined;

/** The filter files, computed once per build: the pages take their filter options from them and the endpoints write them. */
export function loadSalesFilterFiles(): Promise<SalesFilterFiles | null> {
  cached ??= load();
  return cached;
}

/** The file with every seller, whose dictionaries the filter bars list as options. */
export async function loadSalesFilterData(): Promise<SalesFilterFile | null> {
  return (await loadSalesFilterFiles())?.every ?? null;
}
