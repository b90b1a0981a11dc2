import { z } from 'zod';

/** cohorts: one row per acquisition month × months since the first order. */
export const CohortCellRow = z.looseObject({
  cohort_month: z.date(),
  months_since: z.number().int().nonnegative(),
  month: z.date(),
  cohort_customers: z.number().int().nonnegative(),
  customers_buying: z.number().int().nonnegative(),
  retention_pct: z.number().nullable(),
  is_partial_month: z.boolean(),
});
export type CohortCellRow = z.infer<typeof CohortCellRow>;
