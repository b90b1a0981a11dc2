import type { MartRow } from './martRows.ts';
import { martExists, readMart } from './readMart.ts';

type LeadFunnelRow = MartRow<'lead_funnel'>;

/** The Prospecção page's data: the lead funnel by breakdown and each seller's prospects. */

/** A seller's customers who never bought (sellers.prospects). */
export interface SellerProspects {
  seller_id: string;
  prospects: number;
  is_active: boolean;
}

/** lead_funnel split by breakdown; empty lists when the mart is missing or no leads were loaded. */
export interface LeadFunnel {
  all: LeadFunnelRow | null;
  bySeller: LeadFunnelRow[];
  bySource: LeadFunnelRow[];
}

/** Reads lead_funnel once, each breakdown apart (their conversion and medians do not add up). */
export async function loadLeadFunnel(): Promise<LeadFunnel> {
  const rows = martExists('lead_funnel') ? await readMart('lead_funnel') : [];
  return {
    all: rows.find((r) => r.breakdown === 'all') ?? null,
    bySeller: rows.filter((r) => r.breakdown === 'seller'),
    bySource: rows.filter((r) => r.breakdown === 'source'),
  };
}

/** Each seller's prospects from the sellers mart, most first (empty when the mart lacks the column). */
export async function loadProspects(): Promise<SellerProspects[]> {
  if (!martExists('sellers')) return [];
  const rows = await readMart('sellers', { where: 'prospects > 0', orderBy: 'prospects desc, seller_id' });
  return rows.map((r) => ({ seller_id: r.seller_id, prospects: r.prospects, is_active: r.is_active }));
}
