import { z } from 'zod';

/**
 * Rows of the marts the Visão geral page reads, as readMart returns them (numbers and UTC Dates).
 * Loose objects: the pipeline may add columns without breaking the page.
 */

const count = z.number().int().nonnegative();
const money = z.number();
const nullableMoney = z.number().nullable();
const nullableNumber = z.number().nullable();

/** kpis_monthly: one row per month, with every headline measure. */
export const KpiMonthRow = z.looseObject({
  month: z.date(),
  is_partial_month: z.boolean(),
  revenue: money,
  gross_margin: nullableMoney,
  orders: count,
  avg_ticket: nullableMoney,
  active_customers: count,
  buying_customers: count,
  portfolio_customers: count,
  portfolio_buying_customers: count,
  coverage_pct: nullableNumber,
  active_start: count,
  churned: count,
  churn_rate: nullableNumber,
  ltv: nullableMoney,
  new_customers: count,
  reactivated: count,
  marketing_spend: nullableMoney,
  cac: nullableMoney,
  ltv_cac: nullableNumber,
  top20_revenue_share: nullableNumber,
  /** Trailing 12 months (NULL before 12 months of history). */
  active_start_12m: count.nullable(),
  churned_12m: count.nullable(),
  churn_rate_12m: nullableNumber,
  cac_12m: nullableMoney,
  as_of_date: z.date(),
});
export type KpiMonthRow = z.infer<typeof KpiMonthRow>;

/** sellers_monthly summed by month: revenue against the sellers' revenue targets. */
export const TargetMonthRow = z.looseObject({
  month: z.date(),
  is_partial_month: z.boolean(),
  /** Revenue of the seller-months that have a revenue target. */
  revenue_with_target: money,
  /** Revenue of every seller-month (sellers without a target and no seller included). */
  revenue: money,
  /** Sum of the revenue targets; null when no seller has one that month. */
  revenue_target: nullableMoney,
  sellers_with_target: count,
  sellers: count,
});
export type TargetMonthRow = z.infer<typeof TargetMonthRow>;

/** customers grouped by lifecycle status at the as-of date. */
export const StatusCountRow = z.looseObject({
  status: z.string(),
  customers: count,
  revenue: money,
});
export type StatusCountRow = z.infer<typeof StatusCountRow>;
