import { z } from 'zod';

/** Rows of the marts the Equilíbrio das carteiras page reads (numbers as readMart gives them). */

const count = z.number().int().nonnegative();

/** portfolio_balance: one row per eligible seller or orphaned portfolio (seller_id NULL = no owner). */
export const BalanceSellerRow = z.looseObject({
  seller_id: z.string().nullable(),
  seller_name: z.string().nullable(),
  region: z.string().nullable(),
  is_eligible: z.boolean(),
  orphan_reason: z.string().nullable(),
  customers: count,
  active_portfolio_customers: count,
  window_revenue: z.number(),
  potential: z.number().nullable(),
  at_risk_value: z.number(),
  workload: z.number(),
  customers_after: count,
  active_portfolio_customers_after: count,
  window_revenue_after: z.number(),
  potential_after: z.number().nullable(),
  workload_after: z.number(),
  customers_received: count,
  customers_given: count,
});
export type BalanceSellerRow = z.infer<typeof BalanceSellerRow>;

/** portfolio_balance_spread: one row per measure. */
export const BalanceSpreadRow = z.looseObject({
  measure: z.string(),
  sellers: count,
  mean_before: z.number().nullable(),
  cv_before: z.number().nullable(),
  gini_before: z.number().nullable(),
  mean_after: z.number().nullable(),
  cv_after: z.number().nullable(),
  gini_after: z.number().nullable(),
});
export type BalanceSpreadRow = z.infer<typeof BalanceSpreadRow>;

/** reassignment_suggestions: one row per proposed move, in step order. */
export const ReassignmentRow = z.looseObject({
  step: z.number().int(),
  phase: z.string(),
  customer_id: z.string(),
  customer_name: z.string().nullable(),
  segment: z.string().nullable(),
  state: z.string().nullable(),
  region: z.string().nullable(),
  status: z.string().nullable(),
  from_seller_id: z.string().nullable(),
  from_seller_name: z.string().nullable(),
  to_seller_id: z.string(),
  to_seller_name: z.string().nullable(),
  reason_pt: z.string(),
  is_same_segment: z.boolean(),
  is_active_portfolio: z.boolean(),
  window_revenue: z.number(),
  potential: z.number().nullable(),
  workload: z.number(),
  from_workload_after: z.number().nullable(),
  to_workload_after: z.number(),
  workload_cv_after: z.number(),
  as_of_date: z.date(),
});
export type ReassignmentRow = z.infer<typeof ReassignmentRow>;
