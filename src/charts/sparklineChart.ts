import * as Plot from '@observablehq/plot';
import { ACCENT } from './palette.ts';

/** A point of a sparkline. */
export interface SparkPoint {
  month: Date;
  value: number | null;
}

/** Size and colour of a sparkline. */
export interface SparklineOptions {
  width?: number;
  height?: number;
  color?: string;
}

/**
 * A measure's recent months as a tiny line without axes, its last point marked. Decorative: the card
 * around it states the values, so the SVG is hidden from screen readers.
 */
export function sparklineChart(rows: SparkPoint[], options: SparklineOptions, document: Document): SVGElement | HTMLElement {
  const { width = 160, height = 36, color = ACCENT } = options;
  const data = rows.filter((d): d is { month: Date; value: number } => d.value !== null && Number.isFinite(d.value));
  const last = data.slice(-1);
  const chart = Plot.plot({
    document,
    width,
    height,
    marginTop: 4,
    marginBottom: 4,
    marginLeft: 4,
    marginRight: 6,
    style: { background: 'transparent', overflow: 'visible' },
    x: { type: 'utc', axis: null },
    y: { axis: null, nice: false, zero: false, inset: 2 },
    marks: [
      Plot.lineY(data, { x: 'month', y: 'value', stroke: color, strokeWidth: 1.75, curve: 'linear' }),
      Plot.dot(last, { x: 'month', y: 'value', fill: color, r: 2.75 }),
    ],
  });
  chart.setAttribute('aria-hidden', 'true');
  chart.setAttribute('focusable', 'false');
  return chart;
}
