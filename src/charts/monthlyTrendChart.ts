import * as Plot from '@observablehq/plot';
import { formatBRL, formatBRLCompact, formatMonth, formatNumber, formatShare } from '../../pipelines/contract/locale.ts';

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

/** The report's accent; 7.6:1 against white, so bars stay visible for low vision (non-text ≥ 3:1). */
export const ACCENT = '#1d4f91';

type Row = Record<string, unknown>;

const monthKey = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/** Every month from the first to the last in the rows, so missing months show as gaps. */
export function monthRange(months: Date[]): Date[] {
  if (!months.length) return [];
  const keys = months.map(monthKey);
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const range: Date[] = [];
  for (let key = first; key <= last; key++) range.push(new Date(Date.UTC(Math.floor(key / 12), key % 12, 1)));
  return range;
}

/** Labels every 1, 2, 3, 6 or 12 months, whichever first fits about one label per 80 px. */
function tickMonths(domain: Date[], width: number): Date[] {
  const fit = Math.max(2, Math.floor(width / 80));
  const step = [1, 2, 3, 6, 12].find((s) => Math.ceil(domain.length / s) <= fit) ?? 12;
  const last = domain.length - 1;
  // Count back from the latest month so the most recent one always has its label.
  return domain.filter((_, i) => (last - i) % step === 0);
}

/** Points in the series that have a month and a finite value, sorted by month. */
function series(rows: Row[], x: string, y: string): Array<{ month: Date; value: number }> {
  return rows
    .map((row) => ({ month: row[x], value: Number(row[y]) }))
    .filter((p): p is { month: Date; value: number } => p.month instanceof Date && Number.isFinite(p.value))
    .sort((a, b) => a.month.getTime() - b.month.getTime());
}

/** A measure by month as bars or a line; y axis in BRL via the locale module. */
export function monthlyTrendChart(rows: Row[], options: MonthlyTrendOptions, document: Document): SVGElement | HTMLElement {
  const { x = 'month', y, label, mark = 'bar', unit = 'brl', width = 720, height = 320, color = ACCENT } = options;
  const data = series(rows, x, y);
  const domain = monthRange(data.map((d) => d.month));
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
      ticks: tickMonths(domain, width),
      tickFormat: formatMonth,
      label: null,
      padding: mark === 'bar' ? 0.2 : 0.5,
    },
    y: { grid: true, nice: true, zero: true, tickFormat: axisFormat, label, labelArrow: 'none', ticks: Math.max(3, Math.floor(height / 60)) },
    marks: [
      mark === 'bar'
        ? Plot.barY(data, { ...channels, fill: color, title })
        : Plot.lineY(data, { ...channels, stroke: color, strokeWidth: 2 }),
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
  const changeText = change === null
    ? ''
    : change === 0
      ? ', igual ao mês anterior'
      : `, ${formatShare(Math.abs(change))} ${change > 0 ? 'acima' : 'abaixo'} do mês anterior`;
  return (
    `${options.label} de ${formatMonth(first.month)} a ${formatMonth(last.month)}: ` +
    `menor valor ${format(min.value)} em ${formatMonth(min.month)}, maior ${format(max.value)} em ${formatMonth(max.month)}; ` +
    `em ${formatMonth(last.month)}, ${format(last.value)}${changeText}.`
  );
}
