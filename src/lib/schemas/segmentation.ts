import { z } from 'zod';

/** Rows of the marts the Segmentação page reads (numbers and UTC Dates); loose so columns can be added. */

const count = z.number().int().nonnegative();

/** rfm_segments: one row per RFM segment (all 10, even empty). */
export const RfmSegmentRow = z.looseObject({
  rfm_segment: z.string(),
  r_scores: z.string(),
  f_scores: z.string(),
  sort_order: z.number(),
  customers: count,
  customer_share: z.number().nullable(),
  orders: count,
  revenue: z.number(),
  revenue_share: z.number().nullable(),
  avg_ticket: z.number().nullable(),
  revenue_per_customer: z.number().nullable(),
  avg_days_since_last_order: z.number().nullable(),
});
export type RfmSegmentRow = z.infer<typeof RfmSegmentRow>;

/** customers counted by R and F score (window buyers only), with the segment of the cell. */
export const RfmCellRow = z.looseObject({
  r_score: z.number().int().min(1).max(5),
  f_score: z.number().int().min(1).max(5),
  rfm_segment: z.string(),
  customers: count,
});
export type RfmCellRow = z.infer<typeof RfmCellRow>;

/** pareto: one row per customer-share percentile 1..100. */
export const ParetoRow = z.looseObject({
  pct_customers: z.number(),
  customers: count,
  buyers: count,
  cum_revenue: z.number(),
  cum_revenue_share: z.number().nullable(),
});
export type ParetoRow = z.infer<typeof ParetoRow>;

/** customers grouped by ABC class of window revenue. */
export const AbcClassRow = z.looseObject({
  abc_class: z.string(),
  customers: count,
  window_revenue: z.number(),
});
export type AbcClassRow = z.infer<typeof AbcClassRow>;
