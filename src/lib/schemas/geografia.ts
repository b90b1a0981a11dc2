import { z } from 'zod';

const count = z.number().int().nonnegative();

/** geography: one row per UF (and NULL for customers without one) per month. */
export const GeographyRow = z.looseObject({
  month: z.date(),
  state: z.string().nullable(),
  state_name: z.string().nullable(),
  region: z.string().nullable(),
  customers: count,
  buying_customers: count,
  portfolio_buying_customers: count,
  coverage_pct: z.number().nullable(),
  active_customers: count,
  new_customers: count,
  orders: count,
  revenue: z.number(),
  avg_ticket: z.number().nullable(),
  is_partial_month: z.boolean(),
});
export type GeographyRow = z.infer<typeof GeographyRow>;
