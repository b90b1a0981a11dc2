import type { MartRow } from './martRows.ts';
import { martExists, oncePerMarts, readMart } from './readMart.ts';
import { sellerHref, type Seller, type SellersData } from './vendedores.ts';

/** The Vendedores rankings: sellers and teams over a window, as the seller_periods mart sums them. */

/** A window of seller_periods: the last complete month or the 12 complete months to it. */
export type SellerPeriodName = 'last_month' | 'last_12_months';

/** A seller's (or a team's, or everybody's) measures over a window, every ratio divided in SQL from the sums. */
export type SellerPeriod = MartRow<'seller_periods'>;

/** A seller's (or a team's) line of a ranking table: the mart row and how the page names it. */
export interface RankingRow extends SellerPeriod {
  seller: Seller | null;
  name: string;
  href: string | null;
}

/** The seller_periods rows, read once per build (the index and every seller page share them); empty without the mart. */
export const loadSellerPeriods = oncePerMarts((): Promise<SellerPeriod[]> => (martExists('seller_periods') ? readMart('seller_periods') : Promise.resolve([])));

/** One seller's row of a window (null when the seller has no month in it). */
export function sellerPeriod(rows: readonly SellerPeriod[], period: SellerPeriodName, sellerId: string | null): SellerPeriod | null {
  return rows.find((row) => row.period === period && row.breakdown === 'seller' && row.seller_id === sellerId) ?? null;
}

/** Each seller's row of a window, biggest revenue first (sellers without revenue, portfolio or orders in the window left out). */
export function sellerRanking(rows: readonly SellerPeriod[], data: SellersData, period: SellerPeriodName, base: string): RankingRow[] {
  return rows
    .filter((row) => row.period === period && row.breakdown === 'seller')
    .filter((row) => row.revenue !== 0 || row.portfolio_customers > 0 || row.orders > 0)
    .map((row) => {
      const seller = data.byId.get(row.seller_id) ?? null;
      return { ...row, seller, name: seller?.name ?? row.seller_id ?? 'Sem vendedor', href: seller ? sellerHref(base, seller) : null };
    })
    .sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name, 'pt-BR'));
}

/** The teams of a window, biggest revenue first, then the row of everybody (named Total). */
export function teamRanking(rows: readonly SellerPeriod[], period: SellerPeriodName): RankingRow[] {
  const inPeriod = rows.filter((row) => row.period === period);
  const teams = inPeriod
    .filter((row) => row.breakdown === 'team')
    .map((row) => ({ ...row, seller: null, name: row.team ?? 'Sem equipe', href: null }))
    .sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name, 'pt-BR'));
  const total = inPeriod.find((row) => row.breakdown === 'all');
  return total ? [...teams, { ...total, seller: null, name: 'Total', href: null }] : teams;
}
