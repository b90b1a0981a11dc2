import { UFS } from '../../pipelines/brazil/ufs.ts';
import type { ValueFormat } from './formatValue.ts';
import type { FieldLabels } from './labels.ts';
import { inWindow, monthIndex, type MonthWindow } from './reportPeriods.ts';
import type { MartRow } from './martRows.ts';

/**
 * The Geografia figures summed from monthly rows per UF: the geography mart's at build time, the same
 * counts re-added from the filter file in the browser (src/client/renderGeografia.ts). No mart reading here.
 */

/** What the summaries read of a geography row. */
export type GeographyMonth = Pick<
  MartRow<'geography'>,
  'month' | 'state' | 'region' | 'revenue' | 'orders' | 'customers' | 'portfolio_buying_customers' | 'new_customers' | 'active_customers' | 'buying_customers'
>;

/** Labels of the UF and region keys (labels mart). */
export interface GeographyLabels {
  state: FieldLabels;
  region: FieldLabels;
}

/** One state (or region, or the whole country) over a period, every ratio recomputed from sums. */
export interface AreaSummary {
  key: string | null;
  name: string;
  region: string | null;
  regionName: string;
  revenue: number;
  revenueShare: number | null;
  orders: number;
  /** revenue ÷ orders over the period. */
  avgTicket: number | null;
  /** Working portfolio at the start of the window's last month. */
  portfolio: number;
  /** Portfolio customers who bought, summed over the months (coverage numerator). */
  portfolioBuying: number;
  /** Σ portfolio buyers ÷ Σ portfolio over the months × 100: for one month, that month's coverage. */
  coveragePct: number | null;
  /** Active portfolio at the end of the window's last month. */
  activeEnd: number;
  newCustomers: number;
  buyingLastMonth: number;
}

interface Totals {
  revenue: number;
  orders: number;
  portfolioSum: number;
  portfolioBuying: number;
  portfolio: number;
  activeEnd: number;
  newCustomers: number;
  buyingLastMonth: number;
}

const emptyTotals = (): Totals => ({
  revenue: 0,
  orders: 0,
  portfolioSum: 0,
  portfolioBuying: 0,
  portfolio: 0,
  activeEnd: 0,
  newCustomers: 0,
  buyingLastMonth: 0,
});

function add(totals: Totals, row: GeographyMonth, isLast: boolean): void {
  totals.revenue += row.revenue;
  totals.orders += row.orders;
  totals.portfolioSum += row.customers;
  totals.portfolioBuying += row.portfolio_buying_customers;
  totals.newCustomers += row.new_customers;
  if (isLast) {
    totals.portfolio += row.customers;
    totals.activeEnd += row.active_customers;
    totals.buyingLastMonth += row.buying_customers;
  }
}

function summary(key: string | null, name: string, region: string | null, regionName: string, t: Totals, total: number): AreaSummary {
  return {
    key,
    name,
    region,
    regionName,
    revenue: t.revenue,
    revenueShare: total > 0 ? t.revenue / total : null,
    orders: t.orders,
    avgTicket: t.orders > 0 ? t.revenue / t.orders : null,
    portfolio: t.portfolio,
    portfolioBuying: t.portfolioBuying,
    coveragePct: t.portfolioSum > 0 ? (t.portfolioBuying / t.portfolioSum) * 100 : null,
    activeEnd: t.activeEnd,
    newCustomers: t.newCustomers,
    buyingLastMonth: t.buyingLastMonth,
  };
}

/** The 27 UFs (every one, even without sales) and the unknown-UF row when it has data, over a window. */
export function summarizeStates(rows: GeographyMonth[], window: MonthWindow, labels: GeographyLabels): AreaSummary[] {
  const byState = new Map<string | null, Totals>();
  const last = monthIndex(window.last);
  for (const row of rows) {
    if (!inWindow(window, row.month)) continue;
    const totals = byState.get(row.state) ?? emptyTotals();
    add(totals, row, monthIndex(row.month) === last);
    byState.set(row.state, totals);
  }
  const total = [...byState.values()].reduce((sum, t) => sum + t.revenue, 0);
  const states = UFS.map((uf) =>
    summary(
      uf.uf,
      labels.state.order.includes(uf.uf) ? labels.state.label(uf.uf) : uf.name,
      uf.region,
      labels.region.label(uf.region),
      byState.get(uf.uf) ?? emptyTotals(),
      total,
    ),
  );
  const unknown = byState.get(null);
  if (unknown && (unknown.revenue !== 0 || unknown.portfolioSum > 0)) {
    states.push(summary(null, 'UF não informada', null, '—', unknown, total));
  }
  return states;
}

/** Below this share of revenue in valid Brazilian UFs, the data has no geography to show (a foreign or UF-less export). */
export const MIN_BRAZILIAN_SHARE = 0.5;

/** The share of revenue from customers with a valid Brazilian UF (1 without revenue). */
export function brazilianShare(states: AreaSummary[]): number {
  const total = states.reduce((sum, s) => sum + s.revenue, 0);
  if (total <= 0) return 1;
  return states.filter((s) => s.key !== null).reduce((sum, s) => sum + s.revenue, 0) / total;
}

/** The five IBGE regions and the country, re-aggregated from the states' sums (never averaging ratios). */
export function summarizeRegions(rows: GeographyMonth[], window: MonthWindow, labels: GeographyLabels): { regions: AreaSummary[]; country: AreaSummary } {
  const byRegion = new Map<string, Totals>();
  const country = emptyTotals();
  const unknown = emptyTotals();
  const last = monthIndex(window.last);
  for (const row of rows) {
    if (!inWindow(window, row.month)) continue;
    const isLast = monthIndex(row.month) === last;
    add(country, row, isLast);
    if (!row.region) {
      add(unknown, row, isLast);
      continue;
    }
    const totals = byRegion.get(row.region) ?? emptyTotals();
    add(totals, row, isLast);
    byRegion.set(row.region, totals);
  }
  const keys = labels.region.order;
  const order = keys.length ? keys : [...new Set(UFS.map((uf) => uf.region))];
  const regions = order.map((key) =>
    summary(key, labels.region.label(key), key, labels.region.label(key), byRegion.get(key) ?? emptyTotals(), country.revenue),
  );
  // Customers without a UF have no region: a row of their own keeps the regions adding up to the country.
  if (unknown.revenue !== 0 || unknown.portfolioSum > 0) regions.push(summary(null, 'UF não informada', null, '—', unknown, country.revenue));
  return { regions, country: summary(null, 'Brasil', null, '—', country, country.revenue) };
}

/** A column of the Geografia tables (DataTable's Column, without the component import). */
export interface TableColumn {
  key: string;
  label: string;
  format: ValueFormat | ((value: unknown, row: Record<string, unknown>) => string);
  /** False: hidden on a phone (DataTable's phone folds); the CSV download keeps it. */
  phone?: boolean;
}

/** The columns of the three Geografia tables; `lastText` names the last complete month ("out/2026"). */
export function geographyTableColumns(lastText: string): { yearColumns: TableColumn[]; monthColumns: TableColumn[]; regionColumns: TableColumn[] } {
  const ufColumn: TableColumn = { key: 'name', label: 'UF', format: (v, row) => (row.key ? `${String(v)} (${String(row.key)})` : String(v)) };
  const yearColumns: TableColumn[] = [
    ufColumn,
    { key: 'regionName', label: 'Região', format: 'text', phone: false },
    { key: 'revenue', label: 'Faturamento', format: 'brl' },
    { key: 'revenueShare', label: 'Parcela', format: 'share' },
    { key: 'orders', label: 'Pedidos', format: 'number', phone: false },
    { key: 'avgTicket', label: 'Ticket médio', format: 'brl', phone: false },
    { key: 'coveragePct', label: 'Positivação média mensal', format: 'percent', phone: false },
    { key: 'activeEnd', label: `Ativos no fim de ${lastText}`, format: 'number', phone: false },
    { key: 'newCustomers', label: 'Clientes novos', format: 'number', phone: false },
  ];
  const monthColumns: TableColumn[] = [
    ufColumn,
    { key: 'regionName', label: 'Região', format: 'text', phone: false },
    { key: 'portfolio', label: 'Carteira de trabalho', format: 'number', phone: false },
    { key: 'portfolioBuying', label: 'Compraram', format: 'number', phone: false },
    { key: 'coveragePct', label: 'Positivação', format: 'percent' },
    { key: 'revenue', label: 'Faturamento', format: 'brl' },
    { key: 'orders', label: 'Pedidos', format: 'number', phone: false },
    { key: 'avgTicket', label: 'Ticket médio', format: 'brl', phone: false },
    { key: 'newCustomers', label: 'Clientes novos', format: 'number', phone: false },
  ];
  const regionColumns: TableColumn[] = [
    { key: 'name', label: 'Região', format: 'text' },
    { key: 'revenue', label: 'Faturamento', format: 'brl' },
    { key: 'revenueShare', label: 'Parcela', format: 'share' },
    { key: 'orders', label: 'Pedidos', format: 'number', phone: false },
    { key: 'avgTicket', label: 'Ticket médio', format: 'brl', phone: false },
    { key: 'coveragePct', label: 'Positivação média mensal', format: 'percent', phone: false },
    { key: 'activeEnd', label: `Ativos no fim de ${lastText}`, format: 'number', phone: false },
  ];
  return { yearColumns, monthColumns, regionColumns };
}

/** The UF tables' order: biggest revenue first, the unknown UF last. */
export const byRevenue = (a: AreaSummary, b: AreaSummary): number => (a.key === null ? 1 : b.key === null ? -1 : b.revenue - a.revenue);
