import { z } from 'zod';

/** Rows of the marts the Risco de churn page reads (numbers and UTC Dates). */

const count = z.number().int().nonnegative();

/** A customer to retain (action_list, action retain) with what the customers mart says about it. */
export const RiskCustomerRow = z.object({
  customer_id: z.string(),
  seller_id: z.string().nullable(),
  name: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  status: z.string().nullable(),
  p_alive: z.number().nullable(),
  churn_risk: z.string().nullable(),
  days_since_last_order: z.number().nullable(),
  rhythm_days: z.number().nullable(),
  clv_12m: z.number().nullable(),
  reason_pt: z.string(),
  value_at_stake: z.number(),
});
export type RiskCustomerRow = z.infer<typeof RiskCustomerRow>;

/** Value at stake of the customers to retain, summed by one key (a seller or a state; NULL = unknown). */
export const RiskTotalRow = z.object({
  key: z.string().nullable(),
  customers: count,
  value: z.number(),
});
export type RiskTotalRow = z.infer<typeof RiskTotalRow>;

/** Active-portfolio customers in one churn_risk band (or, without the model, one rhythm-based status). */
export const RiskBandRow = z.object({
  key: z.string(),
  customers: count,
  at_risk_by_rhythm: count,
  window_revenue: z.number(),
  min_p_alive: z.number().nullable(),
  max_p_alive: z.number().nullable(),
});
export type RiskBandRow = z.infer<typeof RiskBandRow>;
