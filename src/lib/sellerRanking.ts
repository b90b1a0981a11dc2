import { inWindow, type MonthWindow } from './reportPeriods.ts';
import { groupBy } from './groupBy.ts';
import { rollUpSellerMonths, type SellerPeriod } from './sellerRollup.ts';
import { sellerHref, type Seller, type SellersData } from './vendedores.ts';

/** The Vendedores rankings: sellers and teams over a window, from the sums of their months. */

/** A seller's (or a team's) line of a ranking table. */
export interface RankingRow extends SellerPeriod {
  seller: Seller | null;
  name: string;
  team: string | null;
  href: string | null;
  sellers?: number;
}

/** Each seller's period summary over a window, biggest revenue first (sellers without rows in the window left out). */
export function sellerRanking(data: SellersData, window: MonthWindow, base: string): RankingRow[] {
  const rows = data.months.filter((m) => inWindow(window, m.month));
  const bySeller = groupBy(rows, (row) => row.seller_id);
  return [...bySeller.entries()]
    .map(([id, months]) => {
      const seller = data.byId.get(id) ?? null;
      return {
        ...rollUpSellerMonths(months),
        seller,
        name: seller?.name ?? id ?? 'Sem vendedor',
        team: seller?.team ?? null,
        href: seller ? sellerHref(base, seller) : null,
      };
    })
    .filter((row) => row.revenue !== 0 || row.portfolio > 0 || row.orders > 0)
    .sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name, 'pt-BR'));
}

/** Teams over a window, recomputed from the sums of their sellers' months (never averaging ratios), plus the total. */
export function teamRollup(data: SellersData, window: MonthWindow): RankingRow[] {
  const rows = data.months.filter((m) => inWindow(window, m.month));
  const byTeam = groupBy(rows, (row) => data.byId.get(row.seller_id)?.team ?? row.team ?? 'Sem equipe');
  const teams = [...byTeam.entries()]
    .map(([team, months]) => ({
      ...rollUpSellerMonths(months),
      seller: null,
      name: team,
      team,
      href: null,
      sellers: new Set(months.filter((m) => data.byId.get(m.seller_id)?.active).map((m) => m.seller_id)).size,
    }))
    .sort((a, b) => b.revenue - a.revenue);
  const total = {
    ...rollUpSellerMonths(rows),
    seller: null,
    name: 'Total',
    team: null,
    href: null,
    sellers: new Set(rows.filter((m) => data.byId.get(m.seller_id)?.active).map((m) => m.seller_id)).size,
  };
  return [...teams, total];
}
