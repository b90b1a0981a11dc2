import { z } from 'zod';
import { checkRows, martSchema, orNull } from './martRows.ts';
import { martExists, martPath, query, sqlString } from './readMart.ts';
import { loadModelChecks, type HoldoutRow } from './modelChecks.ts';

const count = z.number().int().nonnegative();

/** Monthly gain summed by one key (category, seller or state; NULL = unknown), split by kind. */
const OpportunityTotalRow = z.object({
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
type OpportunityTotalRow = z.infer<typeof OpportunityTotalRow>;

const customerName = orNull(martSchema('customers').pick({ name: true })).shape;

/** One suggestion with its customer's published name and state (customers, left join). */
const SuggestionRow = martSchema('opportunities')
  .pick({
    customer_id: true,
    seller_id: true,
    kind: true,
    category: true,
    current_value: true,
    potential_value: true,
    gain: true,
    expected_gain: true,
    peer_share: true,
    reason_pt: true,
  })
  .extend({ ...customerName, state: z.string().nullable() });
type SuggestionRow = z.infer<typeof SuggestionRow>;

/** One customer of opportunity_customers with its published name. */
const OpportunityCustomerRow = martSchema('opportunity_customers')
  .pick({
    customer_id: true,
    seller_id: true,
    company_size: true,
    suggestions: true,
    upsell_gain: true,
    cross_sell_gain: true,
    gain: true,
    holdout_weighted_gain: true,
  })
  .extend(customerName);
type OpportunityCustomerRow = z.infer<typeof OpportunityCustomerRow>;

/** Suggestions listed on the page, highest expected gain first. */
export const TOP_SUGGESTIONS = 25;

/** Customers listed on the page, largest summed gain first. */
export const TOP_CUSTOMERS = 25;

/** What the Oportunidades page shows; every money value is a monthly gain in BRL. */
export interface OpportunityData {
  /** All suggestions together (key null). */
  total: OpportunityTotalRow;
  byCategory: OpportunityTotalRow[];
  bySeller: OpportunityTotalRow[];
  byState: OpportunityTotalRow[];
  top: SuggestionRow[];
  /** The customers with the largest summed gain (opportunity_customers); empty when that mart is missing. */
  topCustomers: OpportunityCustomerRow[];
  /** The holdout measurement of the peer-group method; null when the mart is missing. */
  holdout: HoldoutRow | null;
}

/**
 * Sums the opportunities mart's monthly gain (potential − current) and its holdout-weighted value by category,
 * owning seller and the customer's state, upsell and cross-sell apart; lists the suggestions with the highest
 * expected gain (gain × share of peers buying: the mart's own ranking) and the customers with the largest summed
 * gain, with the holdout measurement the weighting came from. Null when the mart was not published.
 */
export async function loadOpportunityData(): Promise<OpportunityData | null> {
  if (!martExists('opportunities') || !martExists('customers') || !martExists('opportunity_totals')) return null;
  const joined = `(select o.*, c.name, c.state
     from read_parquet(${sqlString(martPath('opportunities'))}) o
     left join read_parquet(${sqlString(martPath('customers'))}) c on c.customer_id = o.customer_id)`;
  const totals = async (breakdown: 'category' | 'seller' | 'state' | 'all', key: string) =>
    await query(
      `select ${key} as key, customers, suggestions, upsell_gain::double as upsell, cross_sell_gain::double as cross_sell,
              gain::double as value, holdout_weighted_gain::double as weighted, customers_with_porte as with_porte
       from read_parquet(${sqlString(martPath('opportunity_totals'))})
       where breakdown = ${sqlString(breakdown)} order by value desc, key nulls last`,
    ).then((rows) => checkRows('opportunity_totals', rows, OpportunityTotalRow));
  const [total] = await totals('all', 'null');
  const top = await query(
    `select customer_id, seller_id, name, state, kind, category, current_value::double as current_value,
            potential_value::double as potential_value, gain::double as gain, expected_gain::double as expected_gain,
            peer_share::double as peer_share, reason_pt
     from ${joined}
     order by expected_gain desc, gain desc, customer_id, category
     limit ${TOP_SUGGESTIONS}`,
  ).then((rows) => checkRows('opportunities', rows, SuggestionRow));
  const topCustomers = martExists('opportunity_customers')
    ? await query(
        `select oc.customer_id, oc.seller_id, c.name, oc.company_size, oc.suggestions, oc.upsell_gain::double as upsell_gain,
              oc.cross_sell_gain::double as cross_sell_gain, oc.gain::double as gain, oc.holdout_weighted_gain::double as holdout_weighted_gain
       from read_parquet(${sqlString(martPath('opportunity_customers'))}) oc
       left join read_parquet(${sqlString(martPath('customers'))}) c on c.customer_id = oc.customer_id
       order by oc.gain desc, oc.customer_id
       limit ${TOP_CUSTOMERS}`,
      ).then((rows) => checkRows('opportunity_customers', rows, OpportunityCustomerRow))
    : [];
  const holdout = (await loadModelChecks()).holdout.find((row) => row.method === 'peer_group') ?? null;
  return {
    total: total!,
    byCategory: await totals('category', 'category'),
    bySeller: await totals('seller', 'seller_id'),
    byState: await totals('state', 'state'),
    top,
    topCustomers,
    holdout,
  };
}
