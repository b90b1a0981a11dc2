import { z } from 'zod';
import type { Spread } from '../charts/histogramChart.ts';
import type { TicketDimension } from './filterableCharts.ts';
import type { EntityName } from '../../pipelines/contract/entities.ts';
import type { MartRow } from './martRows.ts';
import { martExists, queryMart, readMart } from './readMart.ts';
import { lastCompleteMonth, monthIndex, trailingWindow, type MonthWindow } from './reportPeriods.ts';

type TicketCutRow = MartRow<'ticket_cuts'>;

/** The export each cut's key comes from: customers give the segment and UF, order lines the category. */
const CUT_INPUTS: Record<TicketDimension, { entity: EntityName; purpose: string } | null> = {
  segment: { entity: 'customers', purpose: 'ver o ticket médio por segmento do cliente' },
  category: { entity: 'order_items', purpose: 'ver o ticket médio por categoria de produto' },
  state: { entity: 'customers', purpose: 'ver o ticket médio por UF do cliente' },
  seller: null,
};

/**
 * The missing export a cut needs, when the run loaded none (its chart would be one meaningless bar,
 * "Não informado"); null when the cut can be drawn or which files loaded is unknown (`loaded` null).
 */
export function ticketCutMissingInput(dimension: TicketDimension, loaded: Set<string> | null): { entity: EntityName; purpose: string } | null {
  const input = CUT_INPUTS[dimension];
  return input && loaded && !loaded.has(input.entity) ? input : null;
}

/** One line of a "ticket by …" table, as ticket_cuts states it (sums first, the ratio after: never an average of averages). */
export interface TicketCut {
  key: string | null;
  revenue: number;
  /** Orders counted once, or for categories the orders containing the category. */
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
  cuts: Record<TicketDimension, TicketCut[]>;
  /** Each window buyer's revenue ÷ orders over the 12 months to the as-of date (the histogram's bars). */
  customerTickets: number[];
  /** Their count, quartiles and largest, from customer_tickets (null without the mart or without buyers). */
  customerTicketSpread: (Spread & { median: number | null }) | null;
  /** Totals of the window, for the reference lines. */
  total: { revenue: number; orders: number; avgTicket: number | null };
}

const KEY: Record<TicketDimension, (row: TicketCutRow) => string | null> = {
  segment: (row) => row.segment,
  seller: (row) => row.seller_id,
  state: (row) => row.state,
  category: (row) => row.category,
};

const toCut = (row: TicketCutRow, key: string | null): TicketCut => ({
  key,
  revenue: row.revenue,
  orders: row.orders,
  avgTicket: row.avg_ticket,
  revenueShare: row.revenue_share,
});

/** Reads kpis_monthly, ticket_cuts and the customers' window tickets; null without kpis_monthly. */
export async function loadTicketData(): Promise<TicketData | null> {
  if (!martExists('kpis_monthly')) return null;
  const months = await readMart('kpis_monthly', { orderBy: 'month' });
  // ticket_cuts sums the 12 complete months to the last complete month, by segment, seller, state, category and all
  const cutRows = martExists('ticket_cuts') ? await readMart('ticket_cuts', { orderBy: 'breakdown, revenue desc, segment, seller_id, state, category' }) : [];
  const all = cutRows.find((row) => row.breakdown === 'all');
  const year = all ? trailingWindow(all.window_end, monthIndex(all.window_end) - monthIndex(all.window_start) + 1) : null;
  const cuts = (dimension: TicketDimension): TicketCut[] => cutRows.filter((row) => row.breakdown === dimension).map((row) => toCut(row, KEY[dimension](row)));
  const customerTickets = martExists('customers')
    ? (
        await queryMart(
          'customers',
          'select (window_revenue / window_orders)::double as ticket from mart where window_orders > 0 order by ticket',
          z.object({ ticket: z.number() }),
        )
      ).map((row) => row.ticket)
    : [];
  const [spread] = martExists('customer_tickets') ? await readMart('customer_tickets') : [];
  const customerTicketSpread =
    spread && spread.buying_customers > 0 && spread.ticket_q1 !== null && spread.ticket_q3 !== null && spread.ticket_max !== null
      ? { count: spread.buying_customers, q1: spread.ticket_q1, median: spread.ticket_median, q3: spread.ticket_q3, max: spread.ticket_max }
      : null;
  return {
    months,
    lastMonth: lastCompleteMonth(months),
    year,
    partial: months.find((m) => m.is_partial_month) ?? null,
    cuts: { segment: cuts('segment'), seller: cuts('seller'), state: cuts('state'), category: cuts('category') },
    customerTickets,
    customerTicketSpread,
    total: all ? { revenue: all.revenue, orders: all.orders, avgTicket: all.avg_ticket } : { revenue: 0, orders: 0, avgTicket: null },
  };
}
