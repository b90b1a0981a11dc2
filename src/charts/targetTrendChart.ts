import * as Plot from '@observablehq/plot';
import { formatBRL, formatBRLCompact, formatMonth, formatPercent } from '../../pipelines/contract/locale.ts';
import { monthDomain } from './monthTicks.ts';
import { ACCENT } from './palette.ts';

/** One month of a measure and its target (null: no target that month). */
export interface TargetMonth {
  month: Date;
  value: number | null;
  target: number | null;
  /** Whether the target was met, as the mart says (is_target_met); NULL when it cannot be judged. */
  met: boolean | null;
}

/** How to draw a measure against its target. */
export interface TargetTrendOptions {
  /** Name of the measure, e.g. "Faturamento" or "Positivação". */
  label: string;
  /** Money as bars with the target as a tick (default), or a percentage as a line with the target dashed. */
  unit?: 'brl' | 'pct';
  /** False when the exports have no targets file: the measure alone, no target legend or "sem meta" anywhere. */
  targets?: boolean;
  width?: number;
  height?: number;
}

/** Below-target bars: a dark orange that keeps 4.9:1 against white, told apart from the accent by lightness too. */
export const BELOW_TARGET = '#b44d12';
const TARGET_INK = '#1f2933';

/** Month labels every 1, 2, 3, 6 or 12 months, about one per 70 px, always including the latest. */
function tickMonths(domain: Date[], width: number): Date[] {
  const fit = Math.max(2, Math.floor(width / 70));
  const step = [1, 2, 3, 6, 12].find((s) => Math.ceil(domain.length / s) <= fit) ?? 12;
  const last = domain.length - 1;
  return domain.filter((_, i) => (last - i) % step === 0);
}

/** A measure by month against its target: bars colored by whether the target was met, or a line with the target. */
export function targetTrendChart(rows: TargetMonth[], options: TargetTrendOptions, document: Document): SVGElement | HTMLElement {
  const { label, unit = 'brl', targets = true, width = 720, height = 300 } = options;
  const data = rows.filter((r) => r.month instanceof Date).sort((a, b) => a.month.getTime() - b.month.getTime());
  const domain = monthDomain(data.map((d) => d.month));
  const format = unit === 'brl' ? formatBRL : (v: number) => formatPercent(v);
  const axisFormat = unit === 'brl' ? formatBRLCompact : (v: number) => formatPercent(v, { digits: 0 });
  const valued = data.filter((d) => d.value !== null) as Array<TargetMonth & { value: number }>;
  const targeted = data.filter((d) => d.target !== null) as Array<TargetMonth & { target: number }>;
  const met = (d: TargetMonth) => (d.met === null ? 'Sem meta' : d.met ? 'Meta atingida' : 'Abaixo da meta');
  const title = (d: TargetMonth) =>
    `${formatMonth(d.month)}: ${label.toLowerCase()} ${d.value === null ? '—' : format(d.value)}` +
    (!targets ? '' : d.target === null ? ' (sem meta)' : `; meta ${format(d.target)}`);
  const x = {
    type: unit === 'brl' ? ('band' as const) : ('point' as const),
    domain,
    ticks: tickMonths(domain, width),
    tickFormat: formatMonth,
    label: null,
    padding: unit === 'brl' ? 0.2 : 0.5,
  };
  const y = { grid: true, nice: true, zero: true, tickFormat: axisFormat, label: null, ticks: Math.max(3, Math.floor(height / 60)) };
  const style = { fontSize: '12px', color: '#1f2933', background: 'transparent' };
  const common = { document, width, height, marginLeft: unit === 'brl' ? 84 : 52, marginTop: 12, marginBottom: 36, style, x, y };

  if (unit === 'brl' && !targets) {
    return Plot.plot({
      ...common,
      ariaLabel: `${label} por mês`,
      marks: [Plot.barY(valued, { x: 'month', y: 'value', fill: ACCENT, title }), Plot.ruleY([0], { stroke: '#52606d' })],
    });
  }
  if (unit === 'brl') {
    const present = new Set(valued.map(met));
    const categories = (
      [
        ['Meta atingida', ACCENT],
        ['Abaixo da meta', BELOW_TARGET],
        ['Sem meta', '#7b8794'],
      ] as const
    ).filter((c) => present.has(c[0]));
    return Plot.plot({
      ...common,
      ariaLabel: `${label} por mês e meta`,
      // Only the categories that occur, so a seller with a target every month sees no "Sem meta" swatch.
      color: {
        legend: true,
        domain: categories.map((c) => c[0]),
        range: categories.map((c) => c[1]),
      },
      marks: [
        Plot.barY(valued, { x: 'month', y: 'value', fill: met, title }),
        Plot.tickY(targeted, { x: 'month', y: 'target', stroke: TARGET_INK, strokeWidth: 2.5, title }),
        Plot.ruleY([0], { stroke: '#52606d' }),
      ],
    });
  }
  const series = [
    ...valued.map((d) => ({ month: d.month, value: d.value, series: label, source: d })),
    ...targeted.map((d) => ({ month: d.month, value: d.target, series: 'Meta', source: d })),
  ];
  return Plot.plot({
    ...common,
    ariaLabel: targets ? `${label} por mês e meta` : `${label} por mês`,
    color: targeted.length ? { legend: true, domain: [label, 'Meta'], range: [ACCENT, TARGET_INK] } : { legend: targets, domain: [label], range: [ACCENT] },
    marks: [
      Plot.lineY(
        series.filter((d) => d.series === 'Meta'),
        { x: 'month', y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: '5 4' },
      ),
      Plot.lineY(
        series.filter((d) => d.series === label),
        { x: 'month', y: 'value', stroke: 'series', strokeWidth: 2.5 },
      ),
      Plot.dot(
        series.filter((d) => d.series === label),
        { x: 'month', y: 'value', fill: 'series', r: 3, title: (d: { source: TargetMonth }) => title(d.source) },
      ),
      Plot.ruleY([0], { stroke: '#52606d' }),
    ],
  });
}

/** How often the target was met, and the latest month, as the chart's text alternative (without targets, the latest month). */
export function describeTargetTrend(rows: TargetMonth[], options: Pick<TargetTrendOptions, 'label' | 'unit' | 'targets'>): string {
  const format = options.unit === 'pct' ? (v: number) => formatPercent(v) : formatBRL;
  const data = rows.filter((r) => r.value !== null).sort((a, b) => a.month.getTime() - b.month.getTime());
  const last = data[data.length - 1];
  if (!last) return `${options.label}: sem dados no período.`;
  const span = `de ${formatMonth(data[0]!.month)} a ${formatMonth(last.month)}`;
  if (options.targets === false) return `${options.label} ${span}; em ${formatMonth(last.month)}, ${format(last.value!)}.`;
  const withTarget = data.filter((r) => r.met !== null);
  const hit = withTarget.filter((r) => r.met).length;
  const latest = `em ${formatMonth(last.month)}, ${format(last.value!)}${last.target === null ? ' (sem meta)' : ` para meta de ${format(last.target)}`}`;
  const targets = withTarget.length ? `meta atingida em ${hit} de ${withTarget.length} meses com meta` : 'sem meta no período';
  return `${options.label} ${span}: ${targets}; ${latest}.`;
}
