import { formatBRL, formatBRLCompact, formatCount, formatNumber, formatPercent } from '../../pipelines/contract/locale.ts';
import type { BrazilMapOptions, BrazilMapRow } from '../charts/brazilMapChart.ts';
import type { MonthlyTrendOptions } from '../charts/monthlyTrendChart.ts';
import type { RankedBar, RankedBarOptions } from '../charts/rankedBarChart.ts';
import type { RevenueTrendOptions } from '../charts/revenueTrendChart.ts';
import type { AreaSummary } from './geographySummary.ts';
import type { TicketCut } from './ticketMedio.ts';

/**
 * The charts the sales filters redraw: their element ids, sizes and how rows become marks. The page
 * draws them at build time and the client script redraws them from the filtered cube with these same
 * values, so a filtered chart looks exactly like the one the build drew. Types only from the charts:
 * importing this module never pulls Plot in.
 */

/** Visão geral: revenue by month; the phone version shows the last 13 months. */
export const overviewTrend = {
  id: 'chart-faturamento-por-mes',
  wide: { width: 1080, height: 340 } satisfies RevenueTrendOptions,
  narrow: { width: 358, height: 260 } satisfies RevenueTrendOptions,
  narrowMonths: 13,
};

/** Ticket médio: the monthly trend. */
export const ticketTrend = {
  id: 'chart-ticket-por-mes',
  wide: { y: 'avg_ticket', label: 'Ticket médio', mark: 'line', width: 960, height: 300 } satisfies MonthlyTrendOptions,
  narrow: { y: 'avg_ticket', label: 'Ticket médio', mark: 'line', width: 360, height: 240 } satisfies MonthlyTrendOptions,
};

/** A dimension of the ticket cuts. */
export type TicketDimension = 'segment' | 'category' | 'state' | 'seller';

/** One "ticket by …" section of the Ticket médio page. */
export interface TicketCutSection {
  id: string;
  dimension: TicketDimension;
  title: string;
  chartTitle: string;
  column: string;
  note: string;
  /** Whether the filter file can redraw it (it has no categories). */
  filterable: boolean;
}

/** The ticket cuts in page order. */
export const ticketCuts: TicketCutSection[] = [
  {
    id: 'segmento',
    dimension: 'segment',
    title: 'Por segmento do cliente',
    chartTitle: 'Ticket médio por segmento do cliente',
    column: 'Segmento',
    filterable: true,
    note: 'Pedidos contados uma vez cada; ticket = faturamento do segmento ÷ seus pedidos.',
  },
  {
    id: 'categoria',
    dimension: 'category',
    title: 'Por categoria de produto',
    chartTitle: 'Valor médio por pedido, por categoria de produto',
    column: 'Categoria',
    filterable: false,
    note: 'Valor da categoria por pedido que a inclui: um pedido com três categorias conta nas três, por isso estes valores ficam abaixo do ticket geral e não se somam.',
  },
  {
    id: 'uf',
    dimension: 'state',
    title: 'Por UF do cliente',
    chartTitle: 'Ticket médio por UF do cliente',
    column: 'UF',
    filterable: true,
    note: 'Pedidos contados uma vez cada; ticket = faturamento da UF ÷ seus pedidos.',
  },
  {
    id: 'vendedor',
    dimension: 'seller',
    title: 'Por vendedor',
    chartTitle: 'Ticket médio por vendedor',
    column: 'Vendedor',
    filterable: true,
    note: 'Vendedor creditado no pedido (ou o dono da conta quando o pedido não traz vendedor).',
  },
];

/** Charts keep the 30 biggest by revenue (hundreds of sellers would not fit); the tables list every row. */
export const TICKET_CHART_ROWS = 30;

/** The element id of a cut's chart. */
export const ticketCutId = (section: Pick<TicketCutSection, 'id'>): string => `chart-ticket-${section.id}`;

/** The cut's chart title for a window ("nov/2025 a out/2026"), saying when only the biggest rows are drawn. */
export const ticketCutTitle = (section: Pick<TicketCutSection, 'chartTitle'>, windowText: string, rows: number): string =>
  `${section.chartTitle}, ${windowText}${rows > TICKET_CHART_ROWS ? ` (os ${TICKET_CHART_ROWS} de maior faturamento, de ${rows})` : ''}`;

/** Bar options of a cut; every cut but the category one draws the overall ticket as a reference line. */
export function ticketCutOptions(dimension: TicketDimension, overall: number | null): RankedBarOptions {
  const reference = overall !== null && dimension !== 'category' ? { value: overall, label: `Geral: ${formatBRL(overall)}` } : undefined;
  return { label: 'Ticket médio', format: formatBRL, axisFormat: (v) => formatBRL(v).replace(/,\d\d$/, ''), reference };
}

/** Sizes of the cut charts. */
export const ticketCutSizes = {
  wide: { width: 760, barHeight: 22, maxLabel: 30 },
  // Thinner bars on a phone, where four cuts of up to 27 bars stack one under another.
  narrow: { width: 350, barHeight: 18, maxLabel: 16 },
} satisfies Record<string, Partial<RankedBarOptions>>;

/** The cut's biggest rows as bars, the tooltip giving the revenue and orders behind the ticket. */
export const ticketCutBars = (rows: TicketCut[], name: (cut: TicketCut) => string): RankedBar[] =>
  rows.slice(0, TICKET_CHART_ROWS).map((c) => ({
    label: name(c),
    value: c.avgTicket,
    title: `${name(c)}: ${formatBRL(c.avgTicket)} (${formatBRL(c.revenue)} em ${formatCount(c.orders, 'pedido', 'pedidos')})`,
  }));

/** Geografia: the revenue map by UF. */
export const geoRevenueMap = {
  id: 'chart-faturamento-por-uf',
  title: (windowText: string) => `Faturamento por UF, ${windowText}`,
  options: { label: 'Faturamento', format: formatBRL, legendFormat: formatBRLCompact } satisfies BrazilMapOptions,
  wide: { width: 560 },
  narrow: { width: 350, fontSize: 11 },
};

/** The map's rows: a UF without revenue is drawn as "sem dados". */
export const revenueMapRows = (states: Array<{ key: string | null; name: string; revenue: number }>): BrazilMapRow[] =>
  states.filter((s) => s.key !== null).map((s) => ({ state: s.key, name: s.name, value: s.revenue > 0 ? s.revenue : null }));

/** Geografia: revenue by region. */
export const geoRegionBars = {
  id: 'chart-faturamento-por-regiao',
  options: { label: 'Faturamento', format: formatBRLCompact } satisfies RankedBarOptions,
  wide: { width: 480, barHeight: 34 },
  narrow: { width: 350, barHeight: 30 },
};

/** One bar per region, the full amount in the tooltip. */
export const regionBarRows = (regions: Array<{ name: string; revenue: number }>): RankedBar[] =>
  regions.map((r) => ({ label: r.name, value: r.revenue, title: `${r.name}: ${formatBRL(r.revenue)}` }));

/** Geografia: the small maps of the other measures by UF, over the same window as the revenue map. */
export const geoSmallMaps: Array<{
  id: string;
  title: (lastMonthText: string) => string;
  options: BrazilMapOptions;
  value: (s: AreaSummary) => number | null;
}> = [
  {
    id: 'chart-ativos-por-uf',
    title: (lastMonthText) => `Clientes ativos no fim de ${lastMonthText}`,
    options: { label: 'Clientes ativos', format: (v: number) => formatCount(v, 'cliente', 'clientes'), legendFormat: formatNumber },
    value: (s) => (s.activeEnd > 0 ? s.activeEnd : null),
  },
  {
    id: 'chart-ticket-por-uf',
    title: () => 'Ticket médio',
    options: { label: 'Ticket médio', format: formatBRL, legendFormat: formatBRLCompact },
    value: (s) => s.avgTicket,
  },
  {
    id: 'chart-positivacao-por-uf',
    title: () => 'Positivação média mensal',
    options: { label: 'Positivação', format: (v: number) => formatPercent(v), legendFormat: (v: number) => formatPercent(v, { digits: 0 }) },
    value: (s) => s.coveragePct,
  },
];

/** A small map's size. */
export const geoSmallMapSize = { width: 340, fontSize: 11 };

/** The rows of a small map: every UF with a key, its value or "sem dados". */
export const smallMapRows = (states: AreaSummary[], value: (s: AreaSummary) => number | null): BrazilMapRow[] =>
  states.filter((s) => s.key !== null).map((s) => ({ state: s.key, name: s.name, value: value(s) }));

/** The summary of a redrawn chart when nothing was sold under the filter. */
export const NO_FILTERED_SALES = 'Nenhuma venda faturada com estes filtros no período.';
