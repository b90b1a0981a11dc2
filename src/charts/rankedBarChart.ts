import * as Plot from '@observablehq/plot';
import { ACCENT } from './palette.ts';

/** One bar: a label (user text is fine: Plot escapes it) and its value. */
export interface RankedBar {
  label: string;
  value: number | null;
  /** Longer text for the tooltip, e.g. the full name and the value with its denominator. */
  title?: string;
  /** Draws this bar in the highlight color (e.g. below target). */
  highlight?: boolean;
  /** A color of its own (e.g. the status colors of the report), over the highlight and the default. */
  color?: string;
}

/** How to draw the bars. */
export interface RankedBarOptions {
  /** Measure name on the axis, e.g. "Ticket médio". */
  label: string;
  /** Value at the end of each bar, e.g. formatBRL. */
  format: (value: number) => string;
  /** Axis ticks, e.g. formatBRLCompact; defaults to `format`. */
  axisFormat?: (value: number) => string;
  /** Keep the rows' order instead of sorting by value (largest first). */
  keepOrder?: boolean;
  /** A reference line, e.g. 100 for target attainment or the overall ticket. */
  reference?: { value: number; label: string };
  width?: number;
  /** Pixels per bar; default 24. */
  barHeight?: number;
  /** Labels longer than this are cut with "…" (full text stays in the tooltip). Default 26. */
  maxLabel?: number;
  color?: string;
  highlightColor?: string;
}

/** Rough width of a label in px at 12 px system-ui: enough to size the left margin. */
const textWidth = (text: string): number => text.length * 7.2 + 12;

/** The smallest of 1, 2, 5 × 10ⁿ at or above `raw`. */
const niceStep = (raw: number): number => {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((f) => f * power).find((step) => step >= raw * (1 - 1e-9))!;
};

/**
 * The value axis for values up to `max` drawn in `room` px: its end (rounded up as Plot's nice would)
 * and the finest 1-2-5 ticks whose labels, centred on them, stay 16 px apart.
 * Plot's tick count alone cannot know how wide "R$ 500 mil" is: on a phone-wide chart they overlapped.
 */
export function fittedTicks(max: number, room: number, format: (value: number) => string): { end: number; ticks: number[] } {
  if (!(max > 0)) return { end: 1, ticks: [0, 1] };
  // The end rounds up to a step near a tenth of the top value, as d3's nice does.
  const tenth = max / 10;
  const power = 10 ** Math.floor(Math.log10(tenth));
  const error = tenth / power;
  const unit = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1);
  const end = Math.ceil(max / unit - 1e-9) * unit;
  const fits = (ticks: number[], spacing: number) => spacing >= Math.max(...ticks.map((t) => textWidth(format(t)) - 12)) + 16;
  for (let step = unit; step < end; step = niceStep(step * 1.5)) {
    const ticks = Array.from({ length: Math.floor(end / step + 1e-9) + 1 }, (_, i) => i * step);
    if (fits(ticks, (step / end) * room)) return { end, ticks };
  }
  return { end, ticks: fits([0, end], room) ? [0, end] : [0] };
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Horizontal bars, one per row, largest first, the value written at the end of each bar. */
export function rankedBarChart(rows: RankedBar[], options: RankedBarOptions, document: Document): SVGElement | HTMLElement {
  const {
    label,
    format,
    axisFormat = format,
    keepOrder = false,
    reference,
    width = 640,
    barHeight = 24,
    maxLabel = 26,
    color = ACCENT,
    highlightColor = '#b44d12',
  } = options;
  const data = rows
    .filter((row) => row.value !== null && Number.isFinite(row.value))
    .map((row, index) => ({ ...row, value: row.value!, short: clip(row.label, maxLabel), index }));
  if (!keepOrder) data.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'pt-BR'));
  // Two rows may share a short label: the band scale keys on a unique id and shows the short label.
  const keys = data.map((_row, i) => `${i}`);
  const shortOf = new Map(keys.map((key, i) => [key, data[i]!.short]));
  const points = data.map((row, i) => ({ ...row, key: keys[i]! }));
  const max = Math.max(0, ...points.map((p) => p.value), reference?.value ?? 0);
  const valueLabels = points.map((p) => format(p.value));
  const marginLeft = Math.min(width * 0.45, Math.max(60, ...points.map((p) => textWidth(p.short))));
  const marginRight = Math.max(40, ...valueLabels.map((text) => textWidth(text) - 4));
  const height = Math.max(80, points.length * barHeight + 48);
  const axis = fittedTicks(max, width - marginLeft - marginRight, axisFormat);

  return Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: reference ? 26 : 12,
    marginBottom: 34,
    style: { fontSize: '12px', color: '#1f2933', background: 'transparent' },
    ariaLabel: label,
    x: { domain: [0, axis.end], grid: true, tickFormat: axisFormat, label, labelArrow: 'none', ticks: axis.ticks },
    y: { domain: keys, tickFormat: (key: string) => shortOf.get(key) ?? '', label: null, padding: 0.22, tickSize: 0 },
    marks: [
      Plot.barX(points, {
        x: 'value',
        y: 'key',
        fill: (p: (typeof points)[number]) => p.color ?? (p.highlight ? highlightColor : color),
        title: (p: (typeof points)[number]) => p.title ?? `${p.label}: ${format(p.value)}`,
      }),
      Plot.ruleX([0], { stroke: '#52606d' }),
      // The reference line goes under the value labels, whose white halo keeps them legible across it.
      ...(reference
        ? [
            Plot.ruleX([reference.value], { stroke: '#1f2933', strokeDasharray: '4 3', strokeWidth: 1.5 }),
            Plot.text([reference], { x: 'value', frameAnchor: 'top', dy: -16, text: 'label', fill: '#1f2933', fontWeight: 600 }),
          ]
        : []),
      Plot.text(points, {
        x: 'value',
        y: 'key',
        text: (p: (typeof points)[number]) => format(p.value),
        textAnchor: 'start',
        dx: 4,
        fill: '#1f2933',
        stroke: '#ffffff',
        strokeWidth: 3,
      }),
    ],
  });
}

/** The first and last bars as a sentence, the chart's text alternative. */
export function describeRankedBars(rows: RankedBar[], options: Pick<RankedBarOptions, 'label' | 'format' | 'reference'>, top = 3): string {
  const data = rows.filter((r) => r.value !== null && Number.isFinite(r.value)) as Array<RankedBar & { value: number }>;
  if (!data.length) return `${options.label}: sem dados.`;
  const sorted = [...data].sort((a, b) => b.value - a.value);
  const list = (items: typeof sorted) => items.map((r) => `${r.label} (${options.format(r.value)})`).join(', ');
  const lowest = sorted[sorted.length - 1]!;
  let text = `${options.label}: maiores ${list(sorted.slice(0, top))}`;
  if (sorted.length > top) text += `; menor ${list([lowest])}`;
  if (options.reference) {
    const above = data.filter((r) => r.value >= options.reference!.value).length;
    text += `; ${above} de ${data.length} na linha de referência (${options.reference.label}) ou acima`;
  }
  return `${text}.`;
}
