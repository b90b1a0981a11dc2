import { formatCount } from '../../pipelines/contract/locale.ts';
import type { RankedBar } from '../charts/rankedBarChart.ts';
import type { FieldLabels } from './labels.ts';
import { sellerHref, type Seller } from './vendedores.ts';

/** A money total of one seller or one state, summed in SQL (NULL key = no seller / no state). */
export interface KeyTotal {
  key: string | null;
  customers: number;
  value: number;
}

/** A breakdown line as the pages show it: the bar's short label, the table's full name and a link. */
export interface BreakdownRow extends KeyTotal {
  label: string;
  name: string;
  href: string | null;
}

/** Seller totals with the seller's name (user text: rendered as text only) and a link to the seller's page. */
export function sellerRows(totals: KeyTotal[], sellers: Map<string | null, Seller>, base: string): BreakdownRow[] {
  return totals.map((total) => {
    const seller = sellers.get(total.key);
    const name = seller?.name ?? total.key ?? 'Sem vendedor';
    return { ...total, label: name, name, href: seller ? sellerHref(base, seller) : null };
  });
}

/** State totals: the UF code on the bar, the state's name in the table. */
export function stateRows(totals: KeyTotal[], states: FieldLabels): BreakdownRow[] {
  return totals.map((total) => ({
    ...total,
    label: total.key ?? 'Sem UF',
    name: total.key ? `${states.label(total.key)} (${total.key})` : 'UF não informada',
    href: null,
  }));
}

/** Bars for rankedBarChart, the tooltip naming the customers behind each total ("1 cliente", "3 clientes"). */
export function breakdownBars(rows: BreakdownRow[], format: (value: number) => string): RankedBar[] {
  return rows.map((row) => ({
    label: row.label,
    value: row.value,
    title: `${row.name}: ${format(row.value)} (${formatCount(row.customers, 'cliente', 'clientes')})`,
  }));
}
