import { z } from 'zod';

const count = z.number().int().nonnegative();
const parameter = z.number().nullable();

/** model_fit: one row per model (bgnbd, gamma_gamma); parameters NULL where the model has none or was not fitted. */
export const ModelFitRow = z.looseObject({
  model: z.string(),
  r: parameter,
  alpha: parameter,
  a: parameter,
  b: parameter,
  p: parameter,
  q: parameter,
  v: parameter,
  log_likelihood: parameter,
  customers: count,
  repeat_buyers: count,
  converged: z.boolean(),
  /** Absent in marts written before degenerate fits were detected. */
  is_used: z.boolean().optional(),
  note: z.string().nullable(),
});
export type ModelFitRow = z.infer<typeof ModelFitRow>;

/** recommendation_holdout: one row per suggestion method (peer_group, popularity). */
export const HoldoutRow = z.looseObject({
  method: z.string(),
  customers: count,
  suggestions: count,
  hits: count,
  hit_rate: z.number().nullable(),
  distinct_suggestions: count,
  distinct_hits: count,
  holdout_months: count,
  suggested_at_date: z.date(),
});
export type HoldoutRow = z.infer<typeof HoldoutRow>;
