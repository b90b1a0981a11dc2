import { z } from 'zod';
import { martSchema } from '../martRows.ts';

/** Aggregations of the Visão geral page (kpis_monthly itself is read whole, typed by its contract). */

const count = z.number().int().nonnegative();

/** sellers_monthly summed by month: revenue against the sellers' revenue targets. */
export const TargetMonthRow = martSchema('sellers_monthly').pick({ month: true, is_partial_month: true }).extend({
  /** Revenue of the seller-months that have a revenue target. */
  revenue_with_target: z.number(),
  /** Revenue of every seller-month (sellers without a target and no seller included). */
  revenue: z.number(),
  /** Sum of the revenue targets; null when no seller has one that month. */
  revenue_target: z.number().nullable(),
  sellers_with_target: count,
  sellers: count,
});
export type TargetMonthRow = z.infer<typeof TargetMonthRow>;

/** customers grouped by lifecycle status at the as-of date. */
export const StatusCountRow = martSchema('customers').pick({ status: true }).extend({ customers: count, revenue: z.number() });
export type StatusCountRow = z.infer<typeof StatusCountRow>;
