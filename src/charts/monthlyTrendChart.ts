import * as Plot from '@observablehq/plot';
import { formatBRL, formatBRLCompact, formatMonth, formatNumber, formatShare } from '../../pipelines/contract/locale.ts';
import { monthDomain, monthTicks } from './monthTicks.ts';
import { ACCENT } from './palette.ts';

/** How to draw a measure by month. */
export interface MonthlyTrendOptions {
  /** Column holding the measure (e.g. "revenue"). */
  y: string;
  /** Column holding the month as a UTC Date; default "month". */
  x?: string;
  /** Name of the measure for the axis and tooltips, e.g. "Faturamento". */
  label: string;
  /** Bars (default) or a line with dots. */
  mark?: 'bar' | 'line';
  /** Money (default) or a plain count. */
  unit?: 'brl' | 'count';
  width?: number;
  height?: number;
  color?: string;
}

type Row = Record<string, unknown>;

/** Points in the series that have a month and a value, sorted by month; a NULL (a month without orders has no ticket) is a gap, not a zero. */
function series(rows: Row[], x: string, y: string): Array<{ month: Date; value: number }> {
  return rows
    .filter((row) => row[y] !== null && row[y] !== undefined)
    .map((row) => ({ month: row[x], value: Number(row[y]) }))
    .filter((p): p is { month: Date; value: number } => p.month instanceof Date && Number.isFinite(p.value))
    .sort((a, b) => a.month.getTime() - b.month.getTime());
}

/** A measure by month as bars or a line; y axis in BRL via the locale module. */
export function monthlyTrendChart(rows: Row[], options: MonthlyTrendOptions, document: Document): SVGElement | HTMLElement {
  const { x = 'month', y, label, mark = 'bar', unit = 'brl', width = 720, height = 320, color = ACCENT } = options;
  const data = series(rows, x, y);
  const domain = monthDomain(data.map((d) => d.month));
  const format = unit === 'brl' ? formatBRL : formatNumber;
  const axisFormat = unit === 'brl' ? formatBRLCompact : formatNumber;
  const title = (d: { month: Date; value: number }) => `${formatMonth(d.month)}: ${format(d.value)}`;
  const channels = { x: 'month', y: 'value' } as const;

  return Plot.plot({
    document,
    width,
    height,
    marginLeft: unit === 'brl' ? 78 : 56,
    marginBottom: 36,
    style: { fontSize: '12px', color: '#1f2933', background: 'transparent' },
    ariaLabel: `${label} por mês`,
    x: {
      type: mark === 'bar' ? 'band' : 'point',
      domain,
      ticks: monthTicks(domain, width, 80),
      tickFormat: formatMonth,
      label: null,
      padding: mark === 'bar' ? 0.2 : 0.5,
    },
    y: { grid: true, nice: true, zero: true, tickFormat: axisFormat, label, labelArrow: 'none', ticks: Math.max(3, Math.floor(height / 60)) },
    marks: [
      mark === 'bar' ? Plot.barY(data, { ...channels, fill: color, title }) : Plot.lineY(data, { ...channels, stroke: color, strokeWidth: 2 }),
      ...(mark === 'line' ? [Plot.dot(data, { ...channels, fill: color, r: 3, title })] : []),
      Plot.ruleY([0], { stroke: '#52606d', ariaHidden: 'true' }),
    ],
  });
}

/** A sentence describing the series, the chart's text alternative. */
export function describeMonthlyTrend(rows: Row[], options: Pick<MonthlyTrendOptions, 'x' | 'y' | 'label' | 'unit'>): string {
  const data = series(rows, options.x ?? 'month', options.y);
  const format = options.unit === 'count' ? formatNumber : formatBRL;
  const first = data[0];
  const last = data[data.length - 1];
  if (!first || !last) return `${options.label}: sem dados no período.`;
  if (data.length === 1) return `${options.label} em ${formatMonth(first.month)}: ${format(first.value)}.`;
  const min = data.reduce((a, b) => (b.value < a.value ? b : a));
  const max = data.reduce((a, b) => (b.value > a.value ? b : a));
  const previous = data[data.length - 2]!;
  const change = previous.value === 0 ? null : (last.value - previous.value) / Math.abs(previous.value);
  const changeText =
    change === null ? '' : change === 0 ? ', igual ao mês anterior' : `, ${formatShare(Math.abs(change))} ${change > 0 ? 'acima' : 'abaixo'} do mês anterior`;
  return (
    `${options.label} de ${formatMonth(first.month)} a ${formatMonth(last.month)}: ` +
    `menor valor ${format(min.value)} em ${formatMonth(min.month)}, maior ${format(max.value)} em ${formatMonth(max.month)}; ` +
    `em ${formatMonth(last.month)}, ${format(last.value)}${changeText}.`
  );
}
