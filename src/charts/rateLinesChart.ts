import * as Plot from '@observablehq/plot';
import { formatMonth, formatPercent } from '../../pipelines/contract/locale.ts';
import { monthDomain, monthTicks } from './monthTicks.ts';
import { INK, MUTED } from './palette.ts';

/** One series of rates: which column, its label and colour. */
export interface RateSeries {
  key: string;
  label: string;
  color: string;
  /** Line width; draw a wide series first and a thin one over it so both stay visible when they coincide. */
  width?: number;
}

/** The series to draw and the chart's size. */
export interface RateLinesOptions {
  series: RateSeries[];
  width?: number;
  height?: number;
  /** A horizontal reference in % (e.g. 100 for GRR/NRR). */
  reference?: number;
}

type Row = { month: Date } & Record<string, unknown>;

/** Rates given as 0-1 (ratios, shares) by month as lines with dots, on a % axis. */
export function rateLinesChart(rows: Row[], options: RateLinesOptions, document: Document): SVGElement | HTMLElement {
  const { series, width = 720, height = 300, reference } = options;
  const domain = monthDomain(rows.map((r) => r.month));
  const data = series.flatMap((s) =>
    rows
      .filter((r) => typeof r[s.key] === 'number' && Number.isFinite(r[s.key]))
      .map((r) => ({ month: r.month, series: s.label, pct: (r[s.key] as number) * 100 })),
  );
  type Datum = (typeof data)[number];
  const values = data.map((d) => d.pct).concat(reference === undefined ? [] : [reference]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(1, (high - low) * 0.15);
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 52,
    marginRight: 28,
    marginBottom: 32,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { type: 'point', domain, ticks: monthTicks(domain, width - 80), tickFormat: formatMonth, label: null, padding: 0.3 },
    y: {
      domain: [Math.floor(low - pad), Math.ceil(high + pad)],
      grid: true,
      nice: true,
      tickFormat: (v: number) => formatPercent(v, { digits: 0 }),
      label: null,
    },
    color: { domain: series.map((s) => s.label), range: series.map((s) => s.color) },
    marks: [
      ...(reference === undefined ? [] : [Plot.ruleY([reference], { stroke: MUTED, strokeDasharray: '4,3' })]),
      ...series.flatMap((s) => {
        const points = data.filter((d) => d.series === s.label);
        const width = s.width ?? 2;
        return [
          Plot.line(points, { x: 'month', y: 'pct', stroke: 'series', strokeWidth: width }),
          Plot.dot(points, {
            x: 'month',
            y: 'pct',
            fill: 'series',
            r: width / 2 + 1.5,
            title: (d: Datum) => `${formatMonth(d.month)} · ${d.series}: ${formatPercent(d.pct)}`,
          }),
        ];
      }),
    ],
  });
}
