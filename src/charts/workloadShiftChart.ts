import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber } from '../../pipelines/contract/locale.ts';
import { ACCENT, INK, MUTED } from './palette.ts';

/** One seller's workload today and after the proposal (1 = the mean load). */
export interface WorkloadShift {
  label: string;
  before: number;
  after: number;
}

/** Size of the chart. */
export interface WorkloadShiftOptions {
  width?: number;
  /** Labels longer than this are cut with "…" (the full name stays in the tooltip). Default 28. */
  maxLabel?: number;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const load = (value: number): string => formatNumber(value, { digits: 2 });

/**
 * A dumbbell per seller, most loaded today first: a hollow circle today, a filled one after the proposal,
 * joined by a line; the dashed line at 1,00 is the mean load once every orphaned customer has an owner.
 */
export function workloadShiftChart(rows: WorkloadShift[], options: WorkloadShiftOptions, document: Document): SVGElement | HTMLElement {
  const { width = 760, maxLabel = 28 } = options;
  const data = [...rows]
    .sort((a, b) => b.before - a.before || a.label.localeCompare(b.label, 'pt-BR'))
    .map((row, i) => ({ ...row, key: String(i), short: clip(row.label, maxLabel) }));
  const shortOf = new Map(data.map((d) => [d.key, d.short]));
  const max = Math.max(1.2, ...data.flatMap((d) => [d.before, d.after]));
  const marginLeft = Math.min(width * 0.45, Math.max(60, ...data.map((d) => d.short.length * 7.2 + 12)));
  const title = (d: (typeof data)[number]) => `${d.label}: carga ${load(d.before)} hoje → ${load(d.after)} depois da proposta`;
  return Plot.plot({
    document,
    width,
    height: Math.max(100, data.length * 22 + 60),
    marginLeft,
    marginRight: 16,
    marginTop: 26,
    marginBottom: 34,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    ariaLabel: 'Carga de cada vendedor hoje e depois da proposta',
    x: { domain: [0, Math.ceil(max * 4) / 4], grid: true, label: 'Carga (1,00 = média)', labelArrow: 'none', tickFormat: load, ticks: width < 480 ? 4 : 8 },
    y: { domain: data.map((d) => d.key), tickFormat: (key: string) => shortOf.get(key) ?? '', label: null, tickSize: 0 },
    marks: [
      Plot.ruleX([1], { stroke: INK, strokeDasharray: '4 3', strokeWidth: 1.5 }),
      Plot.text([{ x: 1 }], { x: 'x', frameAnchor: 'top', dy: -16, text: () => 'Carga média', fill: INK, fontWeight: 600 }),
      Plot.link(data, { x1: 'before', x2: 'after', y1: 'key', y2: 'key', stroke: MUTED, strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'before', y: 'key', r: 4.5, stroke: MUTED, strokeWidth: 1.5, fill: '#ffffff', title }),
      Plot.dot(data, { x: 'after', y: 'key', r: 4.5, fill: ACCENT, title }),
    ],
  });
}

/** The chart's text alternative: how many sellers come closer to the mean, and the extremes before and after. */
export function describeWorkloadShift(rows: WorkloadShift[]): string {
  if (!rows.length) return 'Nenhum vendedor apto a receber clientes.';
  const closer = rows.filter((r) => Math.abs(r.after - 1) < Math.abs(r.before - 1) - 1e-9).length;
  const range = (pick: (r: WorkloadShift) => number) => {
    const values = rows.map(pick);
    return `de ${load(Math.min(...values))} a ${load(Math.max(...values))}`;
  };
  return (
    `Carga de ${formatCount(rows.length, 'vendedor', 'vendedores')}: hoje ${range((r) => r.before)}, depois da proposta ${range((r) => r.after)}; ` +
    `${formatNumber(closer)} ficam mais perto da carga média (1,00).`
  );
}
