import { martExists, martPath, query, sqlString } from './readMart.ts';
import { OpportunityTotalRow, SuggestionRow } from './schemas/oportunidades.ts';

/** Suggestions listed on the page, highest expected gain first. */
export const TOP_SUGGESTIONS = 25;

/** What the Oportunidades page shows; every money value is a monthly gain in BRL. */
export interface OpportunityData {
  /** All suggestions together (key null). */
  total: OpportunityTotalRow;
  byCategory: OpportunityTotalRow[];
  bySeller: OpportunityTotalRow[];
  byState: OpportunityTotalRow[];
  top: SuggestionRow[];
}

/**
 * Sums the opportunities mart's monthly gain (potential − current) by category, owning seller and the
 * customer's state, upsell and cross-sell apart, and lists the suggestions with the highest expected gain
 * (gain × share of peers buying: the mart's own ranking). Null when the mart was not published.
 */
export async function loadOpportunityData(): Promise<OpportunityData | null> {
  if (!martExists('opportunities') || !martExists('customers')) return null;
  const joined = `(select o.*, c.name, c.state
     from read_parquet(${sqlString(martPath('opportunities'))}) o
     left join read_parquet(${sqlString(martPath('customers'))}) c on c.customer_id = o.customer_id)`;
  const totals = async (key: string) =>
    (await query(
      `select ${key} as key, count(distinct customer_id)::integer as customers, count(*)::integer as suggestions,
              coalesce(sum(gain) filter (where kind = 'upsell'), 0)::double as upsell,
              coalesce(sum(gain) filter (where kind = 'cross_sell'), 0)::double as cross_sell,
              coalesce(sum(gain), 0)::double as value
       from ${joined} ${key === 'null' ? '' : 'group by all'} order by value desc, key nulls last`,
    )).map((row) => OpportunityTotalRow.parse(row));
  const [total] = await totals('null');
  const top = (await query(
    `select customer_id, seller_id, name, state, kind, category, current_value::double as current_value,
            potential_value::double as potential_value, gain::double as gain, expected_gain::double as expected_gain,
            peer_share::double as peer_share, reason_pt
     from ${joined}
     order by expected_gain desc, gain desc, customer_id, category
     limit ${TOP_SUGGESTIONS}`,
  )).map((row) => SuggestionRow.parse(row));
  return {
    total: total!,
    byCategory: await totals('category'),
    bySeller: await totals('seller_id'),
    byState: await totals('state'),
    top,
  };
}
