import { z } from 'zod';

/**
 * Settings of the customer-value models (BG/NBD, Gamma-Gamma, CLV). Snake case and defaults as in
 * pipelines/contract/config.ts, so the lead can nest this object there as `customer_value`.
 */
export const CustomerValueModelConfig = z
  .strictObject({
    /** Monthly rate the 12-month CLV discounts month m by, as (1 + rate)^−m. */
    monthly_discount_rate: z.number().min(0).lt(1).default(0.01),
    /** P(alive) below this → churn_risk 'high'. */
    churn_risk_high_below: z.number().gt(0).lt(1).default(0.3),
    /** P(alive) below this (and not high) → churn_risk 'medium'; otherwise 'low'. */
    churn_risk_medium_below: z.number().gt(0).lte(1).default(0.7),
    /** Fewer customers with a repeat purchase than this → the models are not fitted and their columns stay NULL. */
    min_repeat_buyers: z.number().int().positive().default(30),
    /** A history shorter than this (days from the first purchase to the as-of date) cannot show who stopped buying: the models are not used. */
    min_history_days: z.number().int().positive().default(90),
  })
  .refine((c) => c.churn_risk_high_below < c.churn_risk_medium_below, { message: 'churn_risk_high_below must be below churn_risk_medium_below' })
  .prefault({});
export type CustomerValueModelConfig = z.infer<typeof CustomerValueModelConfig>;
