import { z } from 'zod';

/** Rows of the marts the "O que mudou" section reads, as readMart returns them (numbers and UTC Dates). */

/** status_changes: one row per change since the previous report. */
export const StatusChangeRow = z.looseObject({
  change_type: z.string(),
  customer_id: z.string().nullable(),
  customer_name: z.string().nullable(),
  customer_revenue: z.number().nullable(),
  previous_status: z.string().nullable(),
  status: z.string().nullable(),
  is_new_at_risk: z.boolean(),
  seller_id: z.string().nullable(),
  kpi: z.string().nullable(),
  previous_value: z.number().nullable(),
  value: z.number().nullable(),
  value_change: z.number().nullable(),
  unit: z.string().nullable(),
  previous_is_partial_month: z.boolean().nullable(),
  is_partial_month: z.boolean().nullable(),
  description_pt: z.string(),
  previous_as_of_date: z.date(),
  as_of_date: z.date(),
});
export type StatusChangeRow = z.infer<typeof StatusChangeRow>;

/** status_change_summary: one row per kind of move, with its customer count. */
export const StatusMoveRow = z.looseObject({
  change_type: z.string(),
  customers: z.number().int().nonnegative(),
  new_at_risk_customers: z.number().int().nonnegative(),
  description_pt: z.string(),
});
export type StatusMoveRow = z.infer<typeof StatusMoveRow>;
