import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent } from '../../pipelines/contract/locale.ts';
import { ACCENT, INK, MUTED } from './palette.ts';

/** Average retention at one month since acquisition (a row of cohort_retention_curve). */
export interface RetentionPoint {
  months_since: number;
  retention_pct: number;
  cohorts: number;
}

/** Size of the curve. */
export interface RetentionCurveOptions {
  width?: number;
  height?: number;
}

/** Average share of a cohort buying N months after its first purchase, as a line with dots. */
export function retentionCurveChart(rows: RetentionPoint[], options: RetentionCurveOptions, document: Document): SVGElement | HTMLElement {
  const { width = 720, height = 300 } = options;
  const max = Math.max(1, ...rows.map((r) => r.months_since));
  const step = width < 480 ? 6 : 3;
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step)
    .filter((t) => t >= 1 || t === 0)
    .map((t) => Math.max(1, t));
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 40,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: {
      domain: [1, max],
      ticks: [...new Set(ticks)],
      tickFormat: (m: number) => formatNumber(m),
      label: 'Meses desde a primeira compra →',
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: {
      domain: [0, 100],
      grid: true,
      tickFormat: (v: number) => formatPercent(v, { digits: 0 }),
      label: '↑ Clientes da coorte que compraram',
      labelArrow: 'none',
    },
    marks: [
      Plot.line(rows, { x: 'months_since', y: 'retention_pct', stroke: ACCENT, strokeWidth: 2 }),
      Plot.dot(rows, {
        x: 'months_since',
        y: 'retention_pct',
        fill: ACCENT,
        r: 3,
        title: (d: RetentionPoint) => `Mês ${d.months_since}: ${formatPercent(d.retention_pct)} (média de ${formatNumber(d.cohorts)} coortes)`,
      }),
      Plot.ruleY([0], { stroke: MUTED }),
    ],
  });
}
