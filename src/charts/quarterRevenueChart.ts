import * as Plot from '@observablehq/plot';
import { formatBRL, formatBRLCompact, formatShare } from '../../pipelines/contract/locale.ts';
import { ACCENT, INK, MUTED, PARTIAL, TARGET } from './palette.ts';

/** A quarter's revenue beside the same quarter a year before. */
export interface QuarterRevenue {
  /** "T1 2026". */
  label: string;
  revenue: number;
  /** The same quarter a year before; null when the history does not reach it. */
  previous: number | null;
  /** Still running at the as-of date. */
  partial: boolean;
}

/** Size of the quarterly chart. */
export interface QuarterRevenueOptions {
  width?: number;
  height?: number;
}

const title = (d: QuarterRevenue) =>
  `${d.label}${d.partial ? ' (parcial)' : ''}: ${formatBRL(d.revenue)}` +
  (d.previous === null
    ? ''
    : ` · um ano antes ${formatBRL(d.previous)}${d.partial || !d.previous ? '' : ` (${formatShare(d.revenue / d.previous - 1, { digits: 1 })})`}`);

/**
 * Revenue by quarter as bars, the quarter still running lighter and labelled "parcial", and the same
 * quarter a year before as a tick across each bar's band: growth reads as a bar above its tick.
 */
export function quarterRevenueChart(rows: QuarterRevenue[], options: QuarterRevenueOptions, document: Document): SVGElement | HTMLElement {
  const { width = 960, height = 320 } = options;
  const previous = rows.filter((d) => d.previous !== null);
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 84,
    marginRight: 16,
    marginTop: 22,
    marginBottom: 32,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    // on a phone "T4 2025" breaks in two lines, or neighbouring labels run into each other
    x: {
      type: 'band',
      domain: rows.map((d) => d.label),
      label: null,
      padding: 0.25,
      tickSize: 0,
      tickFormat: (d: string) => (width < 480 ? d.replace(' ', '\n') : d),
    },
    y: {
      grid: true,
      nice: true,
      zero: true,
      tickFormat: formatBRLCompact,
      label: 'Faturamento',
      labelArrow: 'none',
      ticks: Math.max(3, Math.floor(height / 70)),
    },
    marks: [
      Plot.barY(rows, { x: 'label', y: 'revenue', fill: (d: QuarterRevenue) => (d.partial ? PARTIAL : ACCENT), title }),
      Plot.tickY(previous, { x: 'label', y: 'previous', stroke: TARGET, strokeWidth: 3 }),
      ...(width < 480
        ? []
        : [
            Plot.text(
              rows.filter((d) => d.partial),
              { x: 'label', y: 'revenue', text: () => 'parcial', dy: -8, fill: MUTED, fontSize: 11 },
            ),
          ]),
      Plot.ruleY([0], { stroke: MUTED }),
    ],
  });
}

/** The chart's text alternative: the last complete quarter against a year before, the best quarter, the one running. */
export function describeQuarterRevenue(rows: QuarterRevenue[]): string {
  const complete = rows.filter((d) => !d.partial);
  const last = complete.at(-1);
  const partial = rows.find((d) => d.partial);
  if (!last) return partial ? `Só há o trimestre parcial ${partial.label}: ${formatBRLCompact(partial.revenue)} até agora.` : 'Sem faturamento.';
  const best = complete.reduce((a, b) => (b.revenue > a.revenue ? b : a));
  let text = `Faturamento por trimestre de ${complete[0]!.label} a ${last.label}: maior em ${best.label} (${formatBRLCompact(best.revenue)}); ${last.label} fechou em ${formatBRLCompact(last.revenue)}`;
  text += last.previous ? `, ${formatShare(last.revenue / last.previous - 1, { digits: 1 })} contra ${formatBRLCompact(last.previous)} um ano antes.` : '.';
  if (partial) text += ` ${partial.label} está em curso: ${formatBRLCompact(partial.revenue)} até a data de referência.`;
  return text;
}
