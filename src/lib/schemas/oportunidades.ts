import { z } from 'zod';

/** Rows of the opportunities mart as the Oportunidades page reads them (numbers; loose where columns may be added). */

const count = z.number().int().nonnegative();

/** Monthly gain summed by one key (category, seller or state; NULL = unknown), split by kind. */
export const OpportunityTotalRow = z.object({
  key: z.string().nullable(),
  customers: count,
  suggestions: count,
  upsell: z.number(),
  cross_sell: z.number(),
  value: z.number(),
  /** Gain × the measured holdout hit rate; null when the holdout measured nothing. */
  weighted: z.number().nullable(),
  /** Customers with suggestions whose porte came from the customers export. */
  with_porte: count,
});
export type OpportunityTotalRow = z.infer<typeof OpportunityTotalRow>;

/** One suggestion with its customer's published name and state. */
export const SuggestionRow = z.object({
  customer_id: z.string(),
  seller_id: z.string().nullable(),
  name: z.string().nullable(),
  state: z.string().nullable(),
  kind: z.string(),
  category: z.string(),
  current_value: z.number(),
  potential_value: z.number(),
  gain: z.number(),
  expected_gain: z.number(),
  peer_share: z.number(),
  reason_pt: z.string(),
});
export type SuggestionRow = z.infer<typeof SuggestionRow>;

/** One customer of opportunity_customers with its published name: its suggestions summed, upsell and cross-sell apart. */
export const OpportunityCustomerRow = z.object({
  customer_id: z.string(),
  seller_id: z.string().nullable(),
  name: z.string().nullable(),
  company_size: z.string().nullable(),
  suggestions: count,
  upsell_gain: z.number(),
  cross_sell_gain: z.number(),
  gain: z.number(),
  holdout_weighted_gain: z.number().nullable(),
});
export type OpportunityCustomerRow = z.infer<typeof OpportunityCustomerRow>;
