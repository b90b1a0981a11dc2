import { z } from 'zod';
import { CustomerValueModelConfig } from '../models/modelConfig.ts';

/**
 * Business rules that differ between companies. Every field has the default DOMAIN.md describes;
 * a JSON file given with --config overrides any of them, and the data dictionary states the rule used.
 */
export const PipelineConfig = z.strictObject({
  lifecycle: z.strictObject({
    /** Rhythm assumed for a customer with a single purchase day (days). */
    single_purchase_rhythm_days: z.number().positive().default(20),
    /** First purchase within this many days → new. */
    new_days: z.number().int().positive().default(90),
    active_multiplier: z.number().positive().default(1.5),
    active_floor_days: z.number().int().nonnegative().default(30),
    at_risk_multiplier: z.number().positive().default(3),
    at_risk_floor_days: z.number().int().nonnegative().default(180),
    inactive_multiplier: z.number().positive().default(4),
    inactive_floor_days: z.number().int().nonnegative().default(365),
  }).prefault({}),
  windows: z.strictObject({
    /** RFM, ABC and Pareto look at this many months before the as-of date. */
    segmentation_months: z.number().int().positive().default(12),
    /** Contracts ending within this many days are due for renewal. */
    renewal_horizon_days: z.number().int().positive().default(90),
    /** A later contract of the same customer starting within this many days of the end renews it. */
    renewal_grace_days: z.number().int().nonnegative().default(30),
    /** The renewals mart also lists contracts that ended up to this many days before the as-of date. */
    renewal_lookback_days: z.number().int().nonnegative().default(90),
  }).prefault({}),
  rfm: z.strictObject({
    /** F score thresholds: the fewest invoiced orders in the window for F = 2, 3, 4 and 5 (default 1 / 2 / 3-4 / 5-9 / 10+). */
    frequency_2_min_orders: z.number().int().positive().default(2),
    frequency_3_min_orders: z.number().int().positive().default(3),
    frequency_4_min_orders: z.number().int().positive().default(5),
    frequency_5_min_orders: z.number().int().positive().default(10),
  }).refine((f) => f.frequency_2_min_orders < f.frequency_3_min_orders && f.frequency_3_min_orders < f.frequency_4_min_orders
    && f.frequency_4_min_orders < f.frequency_5_min_orders, { message: 'frequency thresholds must increase' }).prefault({}),
  abc: z.strictObject({
    a_share: z.number().gt(0).lt(1).default(0.8),
    b_share: z.number().gt(0).lte(1).default(0.95),
  }).refine((abc) => abc.a_share < abc.b_share, { message: 'a_share must be below b_share' }).prefault({}),
  /** BG/NBD, Gamma-Gamma and CLV: discount rate, churn-risk bands, minimum data to fit. */
  customer_value: CustomerValueModelConfig,
  privacy: z.strictObject({
    /** Names of customers who are persons (CPF) are replaced by a pseudonym in published outputs. */
    pseudonymize_person_names: z.boolean().default(true),
  }).prefault({}),
});
export type PipelineConfig = z.infer<typeof PipelineConfig>;

/** The defaults, for runs without --config. */
export const defaultConfig: PipelineConfig = PipelineConfig.parse({});
