import { z } from 'zod';

/** kpis_periods: one row per quarter, half year and year (numbers and UTC Dates); loose so columns can be added. */
export const KpiPeriodRow = z.looseObject({
  period_type: z.enum(['quarter', 'half_year', 'year']),
  period_start: z.date(),
  period_end: z.date(),
  is_partial_period: z.boolean(),
  months_covered: z.number().int().positive(),
  revenue: z.number(),
  avg_ticket: z.number().nullable(),
  active_customers: z.number().int().nonnegative(),
  coverage_pct: z.number().nullable(),
  churn_rate: z.number().nullable(),
  new_customers: z.number().int().nonnegative(),
  cac: z.number().nullable(),
  as_of_date: z.date(),
});
export type KpiPeriodRow = z.infer<typeof KpiPeriodRow>;
