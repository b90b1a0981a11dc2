import { z } from 'zod';

const count = z.number().int().nonnegative();

/** kpis_monthly, the columns the ticket trend needs. */
export const TicketMonthRow = z.looseObject({
  month: z.date(),
  is_partial_month: z.boolean(),
  revenue: z.number(),
  orders: count,
});
export type TicketMonthRow = z.infer<typeof TicketMonthRow>;

/** sales_cube re-aggregated over a window for one dimension: sums only, the ticket is divided afterwards. */
export const TicketCutRow = z.object({
  dimension: z.enum(['segment', 'seller', 'state', 'category']),
  key: z.string().nullable(),
  revenue: z.number(),
  /** Orders counted once (orders_by_main_category), or for categories the orders containing the category. */
  orders: count,
});
export type TicketCutRow = z.infer<typeof TicketCutRow>;

/** One buying customer's average ticket over the segmentation window (customers mart). */
export const CustomerTicketRow = z.object({
  ticket: z.number(),
});
export type CustomerTicketRow = z.infer<typeof CustomerTicketRow>;
