import { z } from 'zod';

/** Customers counted on the Segmentação page (customers mart): keys filtered to non-null, counts computed. */

const count = z.number().int().nonnegative();

/** customers counted by R and F score (window buyers only), with the segment of the cell. */
export const RfmCellRow = z.object({
  r_score: z.number().int().min(1).max(5),
  f_score: z.number().int().min(1).max(5),
  rfm_segment: z.string(),
  customers: count,
});
export type RfmCellRow = z.infer<typeof RfmCellRow>;

/** customers grouped by ABC class of window revenue. */
export const AbcClassRow = z.object({ abc_class: z.string(), customers: count, window_revenue: z.number() });
export type AbcClassRow = z.infer<typeof AbcClassRow>;
