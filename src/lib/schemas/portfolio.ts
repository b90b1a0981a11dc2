import { z } from 'zod';

/** Rows of the marts the Carteira page reads (numbers and UTC Dates); loose so columns can be added. */

const count = z.number().int().nonnegative();

/** portfolio_flows: one row per month, the active portfolio at its start and end and who entered and left. */
export const FlowMonthRow = z.looseObject({
  month: z.date(),
  is_partial_month: z.boolean(),
  active_start: count,
  new: count,
  reactivated: count,
  churned: count,
  active_end: count,
  at_risk_end: count,
  inactive_end: count,
  lost_end: count,
  churn_rate: z.number().nullable(),
});
export type FlowMonthRow = z.infer<typeof FlowMonthRow>;

/** customer_status_monthly counted by month and status (judged at each month's end). */
export const StatusMonthRow = z.looseObject({
  month: z.date(),
  status: z.string(),
  customers: count,
  is_partial_month: z.boolean(),
});
export type StatusMonthRow = z.infer<typeof StatusMonthRow>;

/** customers who slowed down or stopped against their own rhythm (status at_risk or inactive). */
export const SlowingCustomerRow = z.looseObject({
  customer_id: z.string(),
  name: z.string().nullable(),
  seller_id: z.string().nullable(),
  state: z.string().nullable(),
  segment: z.string().nullable(),
  status: z.string(),
  last_order_date: z.date().nullable(),
  days_since_last_order: z.number().nullable(),
  median_interval_days: z.number().nullable(),
  rhythm_days: z.number().nullable(),
  revenue: z.number(),
  window_revenue: z.number().nullable(),
});
export type SlowingCustomerRow = z.infer<typeof SlowingCustomerRow>;
