import { z } from 'zod';
import { CustomerValueModelConfig } from '../models/modelConfig.ts';
import { entities, type EntityName } from './entities.ts';

/** A share between 0 and 1 (0.05 = 5%). */
const share = z.number().min(0).max(1);

/**
 * Business rules that differ between companies. Every field has the default docs/ describes;
 * a JSON file given with --config overrides any of them, and the settings mart states the rule each run used.
 */
export const PipelineConfig = z.strictObject({
  lifecycle: z
    .strictObject({
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
    })
    .prefault({}),
  windows: z
    .strictObject({
      /** RFM, ABC and Pareto look at this many months before the as-of date. */
      segmentation_months: z.number().int().positive().default(12),
      /** Contracts ending within this many days are due for renewal. */
      renewal_horizon_days: z.number().int().positive().default(90),
      /** A later contract of the same customer starting within this many days of the end renews it. */
      renewal_grace_days: z.number().int().nonnegative().default(30),
      /** The renewals mart also lists contracts that ended up to this many days before the as-of date. */
      renewal_lookback_days: z.number().int().nonnegative().default(90),
    })
    .prefault({}),
  rfm: z
    .strictObject({
      /** F score thresholds: the fewest invoiced orders in the window for F = 2, 3, 4 and 5 (default 1 / 2 / 3-4 / 5-9 / 10+). */
      frequency_2_min_orders: z.number().int().positive().default(2),
      frequency_3_min_orders: z.number().int().positive().default(3),
      frequency_4_min_orders: z.number().int().positive().default(5),
      frequency_5_min_orders: z.number().int().positive().default(10),
    })
    .refine(
      (f) =>
        f.frequency_2_min_orders < f.frequency_3_min_orders &&
        f.frequency_3_min_orders < f.frequency_4_min_orders &&
        f.frequency_4_min_orders < f.frequency_5_min_orders,
      { message: 'frequency thresholds must increase' },
    )
    .prefault({}),
  /** The ABC classes of customers, products and categories (a_share and b_share are cumulative revenue shares). */
  abc: z
    .strictObject({
      a_share: z.number().gt(0).lt(1).default(0.8),
      b_share: z.number().gt(0).lte(1).default(0.95),
    })
    .refine((abc) => abc.a_share < abc.b_share, { message: 'a_share must be below b_share' })
    .prefault({}),
  products: z
    .strictObject({
      /** Products losing buyers: distinct buyers in the last this many months against the same number of months just before. */
      trend_months: z.number().int().positive().default(3),
    })
    .prefault({}),
  /** BG/NBD, Gamma-Gamma and CLV: discount rate, churn-risk bands, minimum data to fit. */
  customer_value: CustomerValueModelConfig,
  /** Carteirização: k-means groups of the customers who bought, by behaviour and profile. */
  clusters: z
    .strictObject({
      /** Number of groups; 0 lets the run choose it by the best silhouette among k = min_k..max_k. */
      k: z.number().int().min(0).default(0),
      /** Smallest k tried when choosing: two groups only split the customers who buy from those who stopped, which the status already shows. */
      min_k: z.number().int().min(2).default(3),
      /** Largest k tried when choosing. */
      max_k: z.number().int().min(2).max(20).default(8),
      /** Weight of the profile (region, segment, porte) against the standardised behaviour features: 1 makes a different region as far apart as one standard deviation of a behaviour feature. */
      profile_weight: z.number().nonnegative().default(1),
      /** The silhouette is measured on at most this many customers (every n-th by customer code), as it costs n² distances. */
      silhouette_sample: z.number().int().min(100).default(2000),
    })
    .refine((c) => c.k !== 1, { message: 'k must be 0 (choose) or at least 2' })
    .refine((c) => c.min_k <= c.max_k, { message: 'min_k must not exceed max_k' })
    .prefault({}),
  /** Cross-sell and upsell by category (peer groups), their holdout check, and the sellers' action list. */
  opportunities: z
    .strictObject({
      /** Category spend is measured over this many months before the as-of date. */
      window_months: z.number().int().positive().default(12),
      /** Spend bands within a segment, for customers without a porte (company size): quantiles of monthly spend (3 = tertiles). */
      revenue_tiers: z.number().int().positive().default(3),
      /**
       * A peer group smaller than this (the customer included) falls back to a wider one: with a porte, segment + porte + region →
       * segment + porte → porte → everyone; without, segment + tier + region → segment + tier → segment → everyone.
       */
      min_peers: z.number().int().positive().default(20),
      /** A category's peer median needs at least this many peers buying it. */
      min_category_buyers: z.number().int().positive().default(5),
      /** Cross-sell: a category at least this share of the peers buy (0-1). */
      min_peer_share: z.number().gt(0).lte(1).default(0.3),
      /** Upsell: the customer spends less than this share of the scaled peer median (0-1). */
      upsell_below_share: z.number().gt(0).lt(1).default(0.8),
      /** Bounds of the size factor (customer monthly spend ÷ peer median monthly spend), for customers without a porte; the scaled potential is then capped at the top peer's spend. */
      size_factor_min: z.number().positive().default(0.25),
      size_factor_max: z.number().positive().default(4),
      /** Suggestions kept per customer. */
      max_suggestions: z.number().int().positive().default(5),
      /** The holdout check suggests as of this many months earlier and looks at what was bought since. */
      holdout_months: z.number().int().positive().default(3),
      /** Action list: value_at_stake counts this many months (12 × monthly value). */
      action_horizon_months: z.number().int().positive().default(12),
      /** Action list: retain, reactivate and offer actions worth less than this (BRL) are left out. */
      min_value_at_stake: z.number().nonnegative().default(1000),
      /** Action list: inactive or lost customers silent for longer than this are not worth a reactivation call. */
      reactivate_max_days_silent: z.number().int().positive().default(730),
    })
    .refine((o) => o.size_factor_min <= o.size_factor_max, { message: 'size_factor_min must not exceed size_factor_max' })
    .prefault({}),
  /** Balance between sellers and the reassignment proposal (portfolio_balance, reassignment_suggestions). */
  balance: z
    .strictObject({
      /** Balancing moves (orphaned customers aside) stop at this share of all customers (0-1), so the proposal stays realistic. */
      max_moved_share: share.default(0.05),
      /** A seller gives customers to a peer only while its workload is more than this share above its region's mean (0.2 = 20%). */
      overload_tolerance_share: z.number().nonnegative().default(0.2),
    })
    .prefault({}),
  as_of: z
    .strictObject({
      /** An --as-of date more than this many days after the last invoiced order stops the run: the exports are probably stale. */
      max_days_after_last_order: z.number().int().nonnegative().default(90),
    })
    .prefault({}),
  /**
   * Reject thresholds, like dbt's error_if: a run stops before publishing when more than this share of
   * an entity's rows read were rejected (warnings do not count). --accept-rejects publishes anyway.
   */
  rejects: z
    .strictObject({
      /** Largest share (0-1) of an entity's rows that may be rejected. */
      max_share: share.default(0.05),
      /** The limit of single entities, by entity name: { "leads": 0.2 }. */
      per_entity: z.partialRecord(z.enum(entities.map((e) => e.name) as [EntityName, ...EntityName[]]), share).default({}),
    })
    .prefault({}),
  privacy: z
    .strictObject({
      /**
       * Names of customers treated as persons are replaced by a pseudonym in published outputs. A customer
       * is a person unless a valid CNPJ or a company word in the name (Ltda, S/A, Comércio…) says otherwise.
       */
      pseudonymize_person_names: z.boolean().default(true),
      /** Seller names are replaced by a pseudonym too (they stay by default: an internal management report). */
      pseudonymize_seller_names: z.boolean().default(false),
    })
    .prefault({}),
});
export type PipelineConfig = z.infer<typeof PipelineConfig>;

/** The defaults, for runs without --config. */
export const defaultConfig: PipelineConfig = PipelineConfig.parse({});
