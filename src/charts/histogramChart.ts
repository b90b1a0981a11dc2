import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber } from '../../pipelines/contract/locale.ts';
import { ACCENT } from './palette.ts';

/** How to bin and label the values. */
export interface HistogramOptions {
  /** What a value is, for the axis, e.g. "Ticket médio do cliente". */
  label: string;
  /** What is counted, plural, e.g. "clientes". */
  unit: string;
  /** One of what is counted, for a bar of one (default: `unit` without its final "s", "cliente"). */
  unitOne?: string;
  /** Full value for tooltips and markers, e.g. formatBRL. */
  format: (value: number) => string;
  /** Axis ticks, e.g. formatBRLCompact. */
  axisFormat?: (value: number) => string;
  /** Values above this quantile (default 0.98) are gathered in the last bar, so a few giants do not flatten the rest. */
  clipQuantile?: number;
  /** Number of bins (default about 24). */
  bins?: number;
  /** Writes each non-empty bar's count above it, so a thin tail next to a tall bar still reads (default false). */
  countLabels?: boolean;
  /** Vertical reference lines, e.g. the median. */
  markers?: Array<{ value: number; label: string }>;
  width?: number;
  height?: number;
}

/** The q-quantile of sorted values (linear interpolation). */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** A round bin width (1, 2 or 5 × 10^k) giving about `count` bins up to `max`. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/** Binned counts from zero in round steps; the last bin also holds everything above the clip point. */
export function binValues(values: number[], options: Pick<HistogramOptions, 'clipQuantile' | 'bins'> = {}) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const cap = quantile(sorted, options.clipQuantile ?? 0.98);
  const step = niceStep(cap, options.bins ?? 24);
  const binCount = Math.max(1, Math.ceil(cap / step));
  const bins = Array.from({ length: binCount }, (_, i) => ({ x1: i * step, x2: (i + 1) * step, count: 0, open: i === binCount - 1 }));
  for (const value of sorted) bins[Math.min(binCount - 1, Math.max(0, Math.floor(value / step)))]!.count++;
  const above = sorted.filter((v) => v >= binCount * step).length;
  return { bins, step, above, max: sorted[sorted.length - 1] ?? 0 };
}

/** A histogram of values (e.g. customers' average tickets) with labelled reference lines. */
export function histogramChart(values: number[], options: HistogramOptions, document: Document): SVGElement | HTMLElement {
  const { label, unit, unitOne = unit.replace(/s$/, ''), format, axisFormat = format, markers = [], countLabels = false, width = 720, height = 300 } = options;
  const { bins, above } = binValues(values, options);
  const last = bins[bins.length - 1]!;
  const title = (b: (typeof bins)[number]) =>
    `${formatCount(b.count, unitOne, unit)} com ${label.toLowerCase()} ${b.open && above ? `a partir de ${format(b.x1)}` : `de ${format(b.x1)} a ${format(b.x2)}`}`;
  const visible = markers.filter((m) => m.value <= last.x2);
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 52,
    marginTop: 28 + Math.max(0, markers.length - 1) * 14,
    marginBottom: 40,
    style: { fontSize: '12px', color: '#1f2933', background: 'transparent' },
    ariaLabel: `Distribuição: ${label}`,
    x: {
      domain: [0, last.x2],
      tickFormat: axisFormat,
      label: above ? `${label} (última barra: ${format(last.x1)} ou mais)` : label,
      labelArrow: 'none',
      ticks: Math.max(3, Math.floor(width / 110)),
    },
    y: { grid: true, nice: true, label: unit.charAt(0).toUpperCase() + unit.slice(1), labelArrow: 'none', tickFormat: (v: number) => formatNumber(v) },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: ACCENT, inset: 0.5, title }),
      Plot.ruleY([0], { stroke: '#52606d' }),
      ...(countLabels
        ? [
            Plot.text(
              bins.filter((b) => b.count > 0),
              {
                x: (b: (typeof bins)[number]) => (b.x1 + b.x2) / 2,
                y: 'count',
                text: (b: (typeof bins)[number]) => formatNumber(b.count),
                dy: -7,
                fill: '#1f2933',
                fontSize: 11,
              },
            ),
          ]
        : []),
      ...visible.flatMap((m, i) => [
        Plot.ruleX([m.value], { stroke: '#b44d12', strokeWidth: 2, strokeDasharray: '5 3' }),
        Plot.text([m], {
          x: 'value',
          frameAnchor: 'top',
          dy: -14 - i * 14,
          // Labels in the left half read to the right of their line, so they never run into the y axis.
          textAnchor: m.value < last.x2 / 2 ? 'start' : 'end',
          dx: m.value < last.x2 / 2 ? 4 : -4,
          text: (d: { label: string; value: number }) => `${d.label}: ${format(d.value)}`,
          fill: '#7a3510',
          fontWeight: 600,
        }),
      ]),
    ],
  });
}

/** The spread of the values in a sentence: how many, the middle half, the markers. */
export function describeHistogram(values: number[], options: Pick<HistogramOptions, 'label' | 'unit' | 'format' | 'markers'>): string {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return `${options.label}: sem dados.`;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const markers = (options.markers ?? []).map((m) => `${m.label.toLowerCase()} ${options.format(m.value)}`).join(', ');
  return (
    `${formatNumber(sorted.length)} ${options.unit}: metade tem ${options.label.toLowerCase()} entre ${options.format(q1)} e ${options.format(q3)}` +
    `${markers ? `; ${markers}` : ''}; o maior é ${options.format(sorted[sorted.length - 1]!)}.`
  );
}
