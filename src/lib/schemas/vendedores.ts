import { z } from 'zod';

const count = z.number().int().nonnegative();
const nullableCount = count.nullable();

/** sellers_monthly: one row per seller (NULL = no seller) per month. */
export const SellerMonthRow = z.looseObject({
  seller_id: z.string().nullable(),
  team: z.string().nullable(),
  month: z.date(),
  is_partial_month: z.boolean(),
  portfolio_customers: count,
  portfolio_buying_customers: count,
  buying_customers: count,
  coverage_pct: z.number().nullable(),
  coverage_target_pct: z.number().nullable(),
  revenue: z.number(),
  revenue_target: z.number().nullable(),
  target_pct: z.number().nullable(),
  orders: count,
  avg_ticket: z.number().nullable(),
  new_customers: count,
  active_start: count,
  reactivated: count,
  churned: count,
  at_risk: count,
  active_end: count,
  mix: z.number().nullable(),
  leads_won: nullableCount,
  leads_closed: nullableCount,
});
export type SellerMonthRow = z.infer<typeof SellerMonthRow>;

/** A seller's customers by status at the as-of date (aggregated from the customers mart). */
export const SellerStatusRow = z.object({
  seller_id: z.string().nullable(),
  status: z.string(),
  is_active_portfolio: z.boolean(),
  customers: count,
  window_revenue: z.number(),
});
export type SellerStatusRow = z.infer<typeof SellerStatusRow>;

/** One customer of a seller's list (customers mart): no contact data, names already pseudonymized for persons. */
export const SellerCustomerRow = z.object({
  seller_id: z.string().nullable(),
  customer_id: z.string(),
  name: z.string().nullable(),
  segment: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  status: z.string(),
  last_order_date: z.date().nullable(),
  days_since_last_order: z.number().nullable(),
  rhythm_days: z.number().nullable(),
  window_revenue: z.number().nullable(),
  revenue: z.number().nullable(),
  rank: count,
  list_size: count,
});
export type SellerCustomerRow = z.infer<typeof SellerCustomerRow>;

/** A contract due for renewal (renewals mart) with its customer's name. */
export const SellerRenewalRow = z.object({
  seller_id: z.string().nullable(),
  contract_id: z.string(),
  customer_id: z.string().nullable(),
  customer_name: z.string().nullable(),
  end_date: z.date(),
  days_to_end: z.number(),
  monthly_value: z.number().nullable(),
  renewal_status: z.string(),
});
export type SellerRenewalRow = z.infer<typeof SellerRenewalRow>;

/** A sellers mart, if the pipeline publishes one: the name and the active flag from the sellers export. */
export const SellerInfoRow = z.looseObject({
  seller_id: z.string(),
  name: z.string().nullable().optional(),
  team: z.string().nullable().optional(),
  is_active: z.boolean().nullable().optional(),
  active: z.boolean().nullable().optional(),
});
export type SellerInfoRow = z.infer<typeof SellerInfoRow>;

/** One action of a seller's work list (action_list) with its customer's published name and place. */
export const WorkListRow = z.object({
  seller_id: z.string().nullable(),
  customer_id: z.string(),
  name: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  action: z.string(),
  reason_pt: z.string(),
  value_at_stake: z.number(),
  priority_score: z.number(),
  /** Offers only: the customer's upsell and cross-sell suggestions summed, BRL a month; null for other actions. */
  upsell_gain: z.number().nullable(),
  cross_sell_gain: z.number().nullable(),
  rank: count,
  as_of_date: z.date(),
});
export type WorkListRow = z.infer<typeof WorkListRow>;
