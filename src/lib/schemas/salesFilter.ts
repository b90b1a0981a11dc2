import { z } from 'zod';

const count = z.number().int().nonnegative();

/** sales_cube summed to month × seller × UF × segment: the cells of the filter file. */
export const SalesCellRow = z.object({
  month: z.date(),
  seller_id: z.string().nullable(),
  state: z.string().nullable(),
  region: z.string().nullable(),
  segment: z.string().nullable(),
  is_partial_month: z.boolean(),
  revenue_cents: z.number().int(),
  /** orders_by_main_category: each order once, so it adds up across every dimension. */
  orders: count,
  /** Revenue minus cost in cents; null when an order of the cell has no cost. */
  margin_cents: z.number().int().nullable(),
});
export type SalesCellRow = z.infer<typeof SalesCellRow>;

/** customer_status_monthly counted per month × the customer's seller × UF × segment. */
export const CustomerCountRow = z.object({
  month: z.date(),
  seller_id: z.string().nullable(),
  state: z.string().nullable(),
  region: z.string().nullable(),
  segment: z.string().nullable(),
  active_start: count,
  active_end: count,
  churned: count,
  new_customers: count,
  portfolio: count,
  portfolio_buying: count,
});
export type CustomerCountRow = z.infer<typeof CustomerCountRow>;
