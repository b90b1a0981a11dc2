import { fieldLabels, type FieldLabels } from './labels.ts';
import { z } from 'zod';
import { checkRows, type MartRow, martSchema } from './martRows.ts';
import { martExists, martPath, oncePerMarts, query, queryMart, readMart, sqlString } from './readMart.ts';
import { firstMonth, lastCompleteMonth, trailingWindow, type MonthWindow } from './reportPeriods.ts';
import { sellerSlugs } from './sellerSlugs.ts';
import { loadWorkLists } from './workList.ts';
import type { WorkListRow } from './workList.ts';
import { groupBy } from './groupBy.ts';
import { loadedEntities } from './loadedEntities.ts';

const count = z.number().int().nonnegative();

type SellerMonthRow = MartRow<'sellers_monthly'>;

/** A seller's customers by status at the as-of date (customers summed). */
const SellerStatusRow = martSchema('customers')
  .pick({ seller_id: true, status: true, is_active_portfolio: true })
  .extend({ customers: count, window_revenue: z.number() });
type SellerStatusRow = z.infer<typeof SellerStatusRow>;

/** One customer of a seller's list (customers mart, no contact data) with its rank in the seller's list. */
const SellerCustomerRow = martSchema('customers')
  .pick({
    seller_id: true,
    customer_id: true,
    name: true,
    segment: true,
    city: true,
    state: true,
    status: true,
    last_order_date: true,
    days_since_last_order: true,
    rhythm_days: true,
    window_revenue: true,
    revenue: true,
  })
  .extend({ rank: count, list_size: count });
export type SellerCustomerRow = z.infer<typeof SellerCustomerRow>;

/** A contract due for renewal (renewals mart) with its customer's published name. */
const SellerRenewalRow = martSchema('renewals')
  .pick({ seller_id: true, contract_id: true, customer_id: true, end_date: true, days_to_end: true, monthly_value: true, renewal_status: true })
  .extend({ customer_name: z.string().nullable() });
export type SellerRenewalRow = z.infer<typeof SellerRenewalRow>;

/** Customers listed per seller page (at-risk list and, for departed sellers, the biggest customers). */
export const CUSTOMERS_PER_LIST = 20;

/** A seller as the pages show it. */
export interface Seller {
  /** The id from the exports; null stands for customers and sales without a seller. */
  id: string | null;
  /** URL slug of the seller's page (null: no page, for the no-seller row). */
  slug: string | null;
  /** The name from a sellers mart when there is one, else the id. User text: render it as text only. */
  name: string;
  team: string | null;
  /** Still with the company: from the sellers mart when published, else the activity rule (see `activeRule`). */
  active: boolean;
  /** Customers the seller owns in any status at the as-of date (sellers.owned_customers; 0 without the mart). */
  ownedCustomers: number;
}

/** Everything the seller pages read, loaded once per build and shared by the index and every seller page. */
export interface SellersData {
  months: SellerMonthRow[];
  /** The same months by seller, in month order: each seller page reads its own without scanning every seller's. */
  monthsBySeller: Map<string | null, SellerMonthRow[]>;
  sellers: Seller[];
  bySlug: Map<string, Seller>;
  byId: Map<string | null, Seller>;
  /** Labels of the status, renewal_status and action keys. */
  labels: { status: FieldLabels; renewalStatus: FieldLabels; action: FieldLabels };
  lastMonth: Date | null;
  /** The last 12 complete months (fewer when the data is shorter). */
  year: MonthWindow | null;
  /** The last complete month alone. */
  month: MonthWindow | null;
  /** The as-of month when still running (left out of the rankings). */
  partialMonth: Date | null;
  /** Customers by status at the as-of date, per seller (customers mart). */
  statusCounts: Map<string | null, SellerStatusRow[]>;
  /** The seller's at-risk customers, biggest 12-month revenue first (at most CUSTOMERS_PER_LIST). */
  atRisk: Map<string | null, SellerCustomerRow[]>;
  /** For sellers no longer active: their biggest customers still in the active portfolio or inactive. */
  leftCustomers: Map<string | null, SellerCustomerRow[]>;
  /** Contracts due or in grace per owning seller; null without a contracts file. */
  renewals: Map<string | null, SellerRenewalRow[]> | null;
  /** Those contracts counted and their monthly value summed per owning seller (seller_renewals); null without it. */
  renewalTotals: Map<string | null, MartRow<'seller_renewals'>> | null;
  /** Each seller's work list (action_list), in rank order; null when the pipeline published none. */
  workLists: Map<string | null, WorkListRow[]> | null;
  /** Each seller's actions counted and their value at stake summed, per action and in all (work_list_totals); null without it. */
  workListTotals: Map<string | null, MartRow<'work_list_totals'>[]> | null;
  /** Which export files were loaded (load_summary), to say what file would enable a missing section. */
  inputs: { targets: boolean; leads: boolean; contracts: boolean; items: boolean; sellers: boolean };
  /** Where the active flag comes from. */
  activeRule: 'sellers_mart' | 'activity';
}

/** The customers lists, ranked per seller in one query, so a build with hundreds of sellers reads the mart once. */
async function customerLists(where: string): Promise<SellerCustomerRow[]> {
  return queryMart(
    'customers',
    `select seller_id, customer_id, name, segment, city, state, status, last_order_date,
            days_since_last_order::double as days_since_last_order, rhythm_days::double as rhythm_days,
            window_revenue::double as window_revenue, revenue::double as revenue,
            row_number() over (partition by seller_id order by window_revenue desc nulls last, revenue desc nulls last, customer_id)::integer as rank,
            count(*) over (partition by seller_id)::integer as list_size
     from mart where ${where}
     qualify rank <= ${CUSTOMERS_PER_LIST}
     order by seller_id nulls last, rank`,
    SellerCustomerRow,
  );
}

async function sellerInfo(): Promise<Map<string, MartRow<'sellers'>> | null> {
  if (!martExists('sellers')) return null;
  const rows = await readMart('sellers');
  return new Map(rows.map((row) => [row.seller_id, row]));
}

/**
 * Without a published active flag: a seller counts as gone when, in the latest month of the data, they have
 * no credited order and (when a targets file was loaded) no target either. Sellers who still sell or still
 * have a target are active.
 */
function activeByActivity(rows: SellerMonthRow[], hasTargets: boolean): Map<string | null, boolean> {
  const latest = rows.reduce((max, row) => (row.month > max ? row.month : max), new Date(0));
  const active = new Map<string | null, boolean>();
  for (const row of rows) {
    if (row.month.getTime() !== latest.getTime()) continue;
    active.set(row.seller_id, row.orders > 0 || (hasTargets && row.revenue_target !== null));
  }
  return active;
}

async function load(): Promise<SellersData | null> {
  if (!martExists('sellers_monthly')) return null;
  const months = await readMart('sellers_monthly', { orderBy: 'month, seller_id nulls last' });
  const labels = { status: await fieldLabels('status'), renewalStatus: await fieldLabels('renewal_status'), action: await fieldLabels('action') };
  const entities = await loadedEntities();
  const has = (entity: string, fallback: boolean) => (entities ? entities.has(entity) : fallback);
  const inputs = {
    targets: has(
      'targets',
      months.some((m) => m.revenue_target !== null || m.coverage_target_pct !== null),
    ),
    leads: has(
      'leads',
      months.some((m) => m.leads_closed !== null),
    ),
    contracts: has('contracts', martExists('renewals')),
    items: has(
      'order_items',
      months.some((m) => m.mix !== null),
    ),
    sellers: has('sellers', martExists('sellers')),
  };

  const info = await sellerInfo();
  const activeFromActivity = activeByActivity(months, inputs.targets);
  const ids = [...new Set(months.map((m) => m.seller_id))];
  const customersHere = martExists('customers');
  const statusRows = martExists('seller_status')
    ? await queryMart(
        'seller_status',
        `select seller_id, status, is_active_portfolio, customers, window_revenue::double as window_revenue
         from mart order by seller_id nulls last, status`,
        SellerStatusRow,
      )
    : [];
  // Owners of customers who never appear in sellers_monthly still get a row (and a page).
  for (const row of statusRows) if (!ids.includes(row.seller_id)) ids.push(row.seller_id);

  const slugs = sellerSlugs(ids.filter((id): id is string => id !== null));
  const teamOf = new Map<string | null, string | null>();
  for (const row of months) if (row.team) teamOf.set(row.seller_id, row.team);
  const sellers: Seller[] = ids
    .map((id) => {
      const record = id === null ? undefined : info?.get(id);
      const flag = record?.is_active;
      return {
        id,
        slug: id === null ? null : slugs.get(id)!,
        name: id === null ? 'Sem vendedor' : record?.name?.trim() || id,
        team: record?.team ?? teamOf.get(id) ?? null,
        active: id === null ? false : typeof flag === 'boolean' ? flag : (activeFromActivity.get(id) ?? false),
        ownedCustomers: record?.owned_customers ?? 0,
      };
    })
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.name.localeCompare(b.name, 'pt-BR') || a.id.localeCompare(b.id)));

  const departed = sellers.filter((s) => !s.active).map((s) => s.id);
  const departedIds = departed.filter((id): id is string => id !== null).map(sqlString);
  const departedWhere = [
    ...(departedIds.length ? [`seller_id in (${departedIds.join(', ')})`] : []),
    ...(departed.includes(null) ? ['seller_id is null'] : []),
  ].join(' or ');
  const atRisk = customersHere ? await customerLists(`status = 'at_risk'`) : [];
  const left = customersHere && departedWhere ? await customerLists(`is_working_portfolio and (${departedWhere})`) : [];

  let renewals: Map<string | null, SellerRenewalRow[]> | null = null;
  if (inputs.contracts && martExists('renewals')) {
    const customers = customersHere ? `left join read_parquet(${sqlString(martPath('customers'))}) c using (customer_id)` : '';
    const rows = await query(
      `select r.seller_id, r.contract_id, r.customer_id, ${customersHere ? 'c.name' : 'null'} as customer_name, r.end_date,
              r.days_to_end::double as days_to_end, r.monthly_value::double as monthly_value, r.renewal_status
       from read_parquet(${sqlString(martPath('renewals'))}) r ${customers}
       where r.renewal_status in ('due', 'in_grace')
       order by r.end_date, r.contract_id`,
    );
    renewals = groupBy(checkRows('renewals', rows, SellerRenewalRow), (row) => row.seller_id);
  }

  const lastMonth = lastCompleteMonth(months);
  return {
    months,
    monthsBySeller: groupBy(months, (row) => row.seller_id),
    sellers,
    bySlug: new Map(sellers.filter((s) => s.slug).map((s) => [s.slug!, s])),
    byId: new Map(sellers.map((s) => [s.id, s])),
    labels,
    lastMonth,
    year: lastMonth ? trailingWindow(lastMonth, 12, firstMonth(months)) : null,
    month: lastMonth ? trailingWindow(lastMonth, 1) : null,
    partialMonth: months.find((m) => m.is_partial_month)?.month ?? null,
    statusCounts: groupBy(statusRows, (row) => row.seller_id),
    atRisk: groupBy(atRisk, (row) => row.seller_id),
    leftCustomers: groupBy(left, (row) => row.seller_id),
    renewals,
    renewalTotals: renewals && martExists('seller_renewals') ? new Map((await readMart('seller_renewals')).map((row) => [row.seller_id, row])) : null,
    workLists: await loadWorkLists(),
    workListTotals: martExists('work_list_totals') ? groupBy(await readMart('work_list_totals'), (row) => row.seller_id) : null,
    inputs,
    activeRule: info && info.size > 0 ? 'sellers_mart' : 'activity',
  };
}

/** The seller marts, read once per build: getStaticPaths, the index and every seller page share this promise. */
export const loadSellersData: () => Promise<SellersData | null> = oncePerMarts(load);

/** The seller's page path under the site base, e.g. /vendedores/v001/. */
export const sellerHref = (base: string, seller: Pick<Seller, 'slug'>): string | null => (seller.slug ? `${base}/vendedores/${seller.slug}/` : null);

/** How a table names a seller id and links it to the seller's page (the id itself when the marts do not know it). */
export function sellerLinks(data: SellersData | null, base: string): { name: (id: unknown) => string; href: (id: unknown) => string | null } {
  const find = (id: unknown) => data?.byId.get(id === null || id === undefined ? null : String(id));
  return {
    name: (id) => find(id)?.name ?? (id ? String(id) : 'Sem vendedor'),
    href: (id) => {
      const seller = find(id);
      return seller ? sellerHref(base, seller) : null;
    },
  };
}
