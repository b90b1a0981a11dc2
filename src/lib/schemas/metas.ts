import { z } from 'zod';

const count = z.number().int().nonnegative();

/** target_attainment: one row per seller per month with at least one target. */
export const TargetAttainmentRow = z.looseObject({
  seller_id: z.string(),
  team: z.string().nullable(),
  month: z.date(),
  is_partial_month: z.boolean(),
  revenue: z.number(),
  revenue_target: z.number().nullable(),
  revenue_attainment_pct: z.number().nullable(),
  revenue_attainment_rank: z.number().int().nullable(),
  ranked_sellers: count,
  coverage_pct: z.number().nullable(),
  coverage_target_pct: z.number().nullable(),
  coverage_attainment_pct: z.number().nullable(),
  new_customers: count,
  new_customers_target: count.nullable(),
  new_customers_attainment_pct: z.number().nullable(),
  targets_met: count,
  targets_set: count,
  as_of_date: z.date(),
});
export type TargetAttainmentRow = z.infer<typeof TargetAttainmentRow>;

/** target_suggestions: one row per active seller, for the month after the as-of month. */
export const TargetSuggestionRow = z.looseObject({
  seller_id: z.string(),
  target_month: z.date(),
  active_portfolio_customers: count,
  model_customers: count,
  expected_purchases: z.number(),
  expected_revenue: z.number(),
  opportunity_value: z.number(),
  opportunity_customers: count,
  suggested_revenue_target: z.number(),
  existing_revenue_target: z.number().nullable(),
  last_month: z.date(),
  last_month_revenue_target: z.number().nullable(),
  last_month_revenue: z.number().nullable(),
  last_month_attainment_pct: z.number().nullable(),
  avg_revenue_3m: z.number().nullable(),
  as_of_date: z.date(),
});
export type TargetSuggestionRow = z.infer<typeof TargetSuggestionRow>;

/** lead_funnel: one row per breakdown (seller × source, seller, source, all). */
export const LeadFunnelRow = z.looseObject({
  breakdown: z.enum(['seller_source', 'seller', 'source', 'all']),
  seller_id: z.string().nullable(),
  source: z.string().nullable(),
  leads_created_12m: count,
  open_leads: count,
  open_0_30_days: count,
  open_31_60_days: count,
  open_61_90_days: count,
  open_over_90_days: count,
  median_open_age_days: z.number().nullable(),
  won_12m: count,
  lost_12m: count,
  conversion_rate_12m: z.number().nullable(),
  median_days_to_win: z.number().nullable(),
  median_days_to_lose: z.number().nullable(),
  won_total: count,
  lost_total: count,
  conversion_rate_total: z.number().nullable(),
  as_of_date: z.date(),
});
export type LeadFunnelRow = z.infer<typeof LeadFunnelRow>;
