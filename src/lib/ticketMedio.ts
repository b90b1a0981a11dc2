import { z } from 'zod';
import type { MartRow } from './martRows.ts';
import { martExists, queryMart, readMart } from './readMart.ts';
import { firstMonth, lastCompleteMonth, sqlMonth, trailingWindow, type MonthWindow } from './reportPeriods.ts';

/** sales_cube re-aggregated over a window for one dimension: sums only, the ticket is divided afterwards. */
const TicketCutRow = z.object({
  dimension: z.enum(['segment', 'seller', 'state', 'category']),
  key: z.string().nullable(),
  revenue: z.number(),
  /** Orders counted once (orders_by_main_category), or for categories the orders containing the category. */
  orders: z.number().int().nonnegative(),
});
type TicketCutRow = z.infer<typeof TicketCutRow>;

/** One line of a "ticket by …" table: sums first, the ratio after (never an average of averages). */
export interface TicketCut {
  key: string | null;
  revenue: number;
  orders: number;
  avgTicket: number | null;
  revenueShare: number | null;
}

/** What the Ticket médio page reads. */
export interface TicketData {
  months: MartRow<'kpis_monthly'>[];
  lastMonth: Date | null;
  year: MonthWindow | null;
  /** The as-of month while still running. */
  partial: MartRow<'kpis_monthly'> | null;
  cuts: Record<TicketCutRow['dimension'], TicketCut[]>;
  /** Each window buyer's revenue ÷ orders over the 12 months to the as-of date. */
  customerTickets: number[];
  /** Totals of the window, for the reference lines. */
  total: { revenue: number; orders: number; avgTicket: number | null };
}

const ratio = (revenue: number, orders: number): number | null => (orders > 0 ? revenue / orders : null);

/** The cube re-aggregated over the window for each dimension in one pass (grouping sets). */
async function cubeCuts(window: MonthWindow): Promise<TicketCutRow[]> {
  // orders_by_main_category counts each order once, so it adds up across segments, sellers and states;
  // for categories the ticket is the category's revenue per order that contains it (orders).
  return queryMart(
    'sales_cube',
    `select
        case when grouping(segment) = 0 then 'segment' when grouping(seller_id) = 0 then 'seller'
             when grouping(state) = 0 then 'state' else 'category' end as dimension,
        case when grouping(segment) = 0 then segment when grouping(seller_id) = 0 then seller_id
             when grouping(state) = 0 then state else category end as key,
        sum(revenue)::double as revenue,
        (case when grouping(category) = 0 then sum(orders) else sum(orders_by_main_category) end)::integer as orders
     from mart
     where month between ${sqlMonth(window.first)} and ${sqlMonth(window.last)}
     group by grouping sets ((segment), (seller_id), (state), (category))`,
    TicketCutRow,
  );
}

function toCuts(rows: TicketCutRow[], dimension: TicketCutRow['dimension'], totalRevenue: number): TicketCut[] {
  return rows
    .filter((row) => row.dimension === dimension)
    .map((row) => ({
      key: row.key,
      revenue: row.revenue,
      orders: row.orders,
      avgTicket: ratio(row.revenue, row.orders),
      revenueShare: totalRevenue > 0 ? row.revenue / totalRevenue : null,
    }))
    .sort((a, b) => b.revenue - a.revenue);
}

/** Reads kpis_monthly, sales_cube and the customers' window tickets; null without kpis_monthly. */
export async function loadTicketData(): Promise<TicketData | null> {
  if (!martExists('kpis_monthly')) return null;
  const months = await readMart('kpis_monthly', { orderBy: 'month' });
  const lastMonth = lastCompleteMonth(months);
  const year = lastMonth ? trailingWindow(lastMonth, 12, firstMonth(months)) : null;
  const inYear = year ? months.filter((m) => m.month >= year.first && m.month <= year.last) : [];
  const revenue = inYear.reduce((t, m) => t + m.revenue, 0);
  const orders = inYear.reduce((t, m) => t + m.orders, 0);
  const cutRows = year && martExists('sales_cube') ? await cubeCuts(year) : [];
  const customerTickets = martExists('customers')
    ? (
        await queryMart(
          'customers',
          'select (window_revenue / window_orders)::double as ticket from mart where window_orders > 0 order by ticket',
          z.object({ ticket: z.number() }),
        )
      ).map((row) => row.ticket)
    : [];
  return {
    months,
    lastMonth,
    year,
    partial: months.find((m) => m.is_partial_month) ?? null,
    cuts: {
      segment: toCuts(cutRows, 'segment', revenue),
      seller: toCuts(cutRows, 'seller', revenue),
      state: toCuts(cutRows, 'state', revenue),
      category: toCuts(cutRows, 'category', revenue),
    },
    customerTickets,
    total: { revenue, orders, avgTicket: ratio(revenue, orders) },
  };
}
