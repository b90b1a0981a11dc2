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
