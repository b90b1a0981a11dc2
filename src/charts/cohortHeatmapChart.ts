import * as Plot from '@observablehq/plot';
import { formatMonth, formatNumber, formatPercent } from '../../pipelines/contract/locale.ts';
import { INK, heatColor, textOn } from './palette.ts';
import type { RetentionPoint } from './retentionCurveChart.ts';

/** One cell of the retention matrix. */
export interface CohortCell {
  cohort_month: Date;
  months_since: number;
  cohort_customers: number;
  customers_buying: number;
  retention_pct: number | null;
}

/** Which part of the matrix to draw and how big. */
export interface CohortHeatmapOptions {
  /** Acquisition months, newest last, one row each. */
  cohorts: Date[];
  /** Highest months-since column (month 0, the acquisition month, is always 100% and left out). */
  maxMonths: number;
  width?: number;
  /** Height of one row in px. */
  rowHeight?: number;
  /** Colour scale, in %: [lightest, darkest]; defaults to the lowest and highest retention drawn. */
  pctRange?: [number, number];
}

/** The row label: acquisition month and cohort size. */
export const cohortLabel = (month: Date, customers: number): string => `${formatMonth(month)} · ${formatNumber(customers)}`;

/**
 * The retention matrix as a heat map: one row per acquisition month (newest at the bottom), one column
 * per month since it, shaded by the share of the cohort buying in that month, with the percentage in the cell.
 */
export function cohortHeatmapChart(rows: CohortCell[], options: CohortHeatmapOptions, document: Document): SVGElement | HTMLElement {
  const { cohorts, maxMonths, width = 1080, rowHeight = 22 } = options;
  const keys = new Set(cohorts.map((c) => c.getTime()));
  const cells = rows.filter((r) => keys.has(r.cohort_month.getTime()) && r.months_since >= 1 && r.months_since <= maxMonths && r.retention_pct !== null);
  const sizes = new Map(rows.map((r) => [r.cohort_month.getTime(), r.cohort_customers]));
  const labels = cohorts.map((c) => cohortLabel(c, sizes.get(c.getTime()) ?? 0));
  const labelOf = new Map(cohorts.map((c, i) => [c.getTime(), labels[i]!]));
  const [low, high] = options.pctRange ?? retentionRange(cells);
  const data = cells.map((c) => {
    const fill = heatColor(high > low ? (c.retention_pct! - low) / (high - low) : 1);
    return { ...c, row: labelOf.get(c.cohort_month.getTime())!, fill, ink: textOn(fill) };
  });
  type Datum = (typeof data)[number];
  const columns = Array.from({ length: maxMonths }, (_, i) => i + 1);
  const compact = width < 480;
  return Plot.plot({
    document,
    width,
    height: cohorts.length * rowHeight + 58,
    marginLeft: compact ? 100 : 112,
    marginRight: 4,
    marginTop: 40,
    marginBottom: 18,
    // 11 px at the least: the phone variant is drawn at the phone's width, so this is the size read.
    style: { fontSize: compact ? '11px' : '12px', color: INK, background: 'transparent' },
    x: { domain: columns, axis: 'top', label: 'Meses desde a primeira compra →', labelAnchor: 'left', labelArrow: 'none', tickSize: 0, padding: 0.04 },
    y: { domain: labels, label: null, tickSize: 0, padding: 0.06 },
    marks: [
      Plot.cell(data, {
        x: 'months_since',
        y: 'row',
        fill: 'fill',
        title: (d: Datum) =>
          `Coorte ${formatMonth(d.cohort_month)}, mês ${d.months_since}: ${formatNumber(d.customers_buying)} de ${formatNumber(d.cohort_customers)} compraram (${formatPercent(d.retention_pct)})`,
      }),
      Plot.text(data, {
        x: 'months_since',
        y: 'row',
        text: (d: Datum) => formatNumber(d.retention_pct, { digits: 0 }),
        fill: 'ink',
        fontSize: 11,
      }),
    ],
  });
}

/** The lowest and highest retention (in %) among cells after the acquisition month. */
export function retentionRange(rows: CohortCell[]): [number, number] {
  const values = rows.filter((r) => r.months_since >= 1 && r.retention_pct !== null).map((r) => r.retention_pct!);
  return values.length ? [Math.min(...values), Math.max(...values)] : [0, 100];
}

/**
 * The matrix's text alternative: what the rows are and the average retention after 1, 3, 6 and 12 months
 * (cohort_retention_curve's months with enough cohorts).
 */
export function describeCohorts(cohorts: Date[], curve: RetentionPoint[]): string {
  const first = cohorts[0];
  const last = cohorts[cohorts.length - 1];
  if (!first || !last) return 'Sem coortes de clientes.';
  const avg = curve.filter((p) => [1, 3, 6, 12].includes(p.months_since));
  return (
    `Retenção das coortes de ${formatMonth(first)} a ${formatMonth(last)}: percentual de cada coorte que comprou em cada mês depois da primeira compra. ` +
    (avg.length
      ? `Em média (ponderada pelo tamanho), ${avg.map((a) => `${formatPercent(a.retention_pct, { digits: 0 })} compraram no mês ${a.months_since}`).join(', ')}.`
      : '')
  );
}
