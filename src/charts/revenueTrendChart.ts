import * as Plot from '@observablehq/plot';
import { formatBRL, formatBRLCompact, formatMonth, formatPercent } from '../../pipelines/contract/locale.ts';
import { monthDomain, monthTicks } from './monthTicks.ts';
import { ACCENT, INK, MUTED, PARTIAL, TARGET } from './palette.ts';

/** A month of revenue, with the sellers' target when there is one. */
export interface RevenueMonth {
  month: Date;
  revenue: number;
  is_partial_month: boolean;
  revenue_target?: number | null;
  /** Attainment in % and whether the target was met, as kpis_monthly has them (target_pct, revenue_target_met). */
  target_pct?: number | null;
  revenue_target_met?: boolean | null;
}

/** Size of the revenue trend. */
export interface RevenueTrendOptions {
  width?: number;
  height?: number;
  /** Draw the target as a tick on each month that has one. */
  showTarget?: boolean;
  /** Name of the measure on the axis and in tooltips; default "Faturamento". */
  label?: string;
}

/**
 * Revenue (or another amount) by month as bars on a BRL axis; the month still running is lighter and labelled "parcial",
 * and the target (when asked) is a tick across the month's band.
 */
export function revenueTrendChart(rows: RevenueMonth[], options: RevenueTrendOptions, document: Document): SVGElement | HTMLElement {
  const { width = 1080, height = 340, showTarget = false, label = 'Faturamento' } = options;
  const data = [...rows].sort((a, b) => a.month.getTime() - b.month.getTime());
  const domain = monthDomain(data.map((d) => d.month));
  const targets = showTarget ? data.filter((d) => d.revenue_target !== null && d.revenue_target !== undefined) : [];
  const partial = data.filter((d) => d.is_partial_month);
  const title = (d: RevenueMonth) =>
    `${formatMonth(d.month)}${d.is_partial_month ? ' (parcial)' : ''} · ${label}: ${formatBRL(d.revenue)}` +
    (d.revenue_target ? ` · meta ${formatBRL(d.revenue_target)}${d.target_pct == null ? '' : ` (${formatPercent(d.target_pct)})`}` : '');
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 84,
    marginRight: 24,
    marginTop: 22,
    marginBottom: 32,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { type: 'band', domain, ticks: monthTicks(domain, width - 108), tickFormat: formatMonth, label: null, padding: 0.2 },
    y: { grid: true, nice: true, zero: true, tickFormat: formatBRLCompact, label, labelArrow: 'none', ticks: Math.max(3, Math.floor(height / 70)) },
    marks: [
      Plot.barY(data, { x: 'month', y: 'revenue', fill: (d: RevenueMonth) => (d.is_partial_month ? PARTIAL : ACCENT), title }),
      Plot.tickY(targets, { x: 'month', y: 'revenue_target', stroke: TARGET, strokeWidth: 3 }),
      // Phones have no room above the last bar: the chart's key names the lighter colour there.
      ...(width < 480 ? [] : [Plot.text(partial, { x: 'month', y: 'revenue', text: () => 'parcial', dy: -8, fill: MUTED, fontSize: 11 })]),
      Plot.ruleY([0], { stroke: MUTED }),
    ],
  });
}

/** The revenue trend's text alternative: range, best and worst complete month, the latest one and the partial month. */
export function describeRevenueTrend(rows: RevenueMonth[]): string {
  const complete = rows.filter((d) => !d.is_partial_month).sort((a, b) => a.month.getTime() - b.month.getTime());
  const partial = rows.find((d) => d.is_partial_month);
  const first = complete[0];
  const last = complete[complete.length - 1];
  if (!first || !last)
    return partial ? `Só há o mês parcial ${formatMonth(partial.month)}: ${formatBRL(partial.revenue)} até agora.` : 'Sem faturamento no período.';
  const max = complete.reduce((a, b) => (b.revenue > a.revenue ? b : a));
  const min = complete.reduce((a, b) => (b.revenue < a.revenue ? b : a));
  let text =
    `Faturamento mensal de ${formatMonth(first.month)} a ${formatMonth(last.month)}: maior em ${formatMonth(max.month)} ` +
    `(${formatBRLCompact(max.revenue)}), menor em ${formatMonth(min.month)} (${formatBRLCompact(min.revenue)}); ` +
    `${formatMonth(last.month)} fechou em ${formatBRLCompact(last.revenue)}.`;
  if (partial) text += ` ${formatMonth(partial.month)} ainda está em curso: ${formatBRLCompact(partial.revenue)} até a data de referência.`;
  return text;
}

/** The revenue-against-target chart's text alternative: months on target, the best and worst attainment, the month running. */
export function describeRevenueAgainstTarget(rows: RevenueMonth[]): string {
  const withTarget = rows.filter((d): d is RevenueMonth & { revenue_target: number; target_pct: number } => Boolean(d.revenue_target) && d.target_pct != null);
  const complete = withTarget.filter((d) => !d.is_partial_month);
  const partial = withTarget.find((d) => d.is_partial_month);
  if (!complete.length && !partial) return 'Sem metas de faturamento no período.';
  const attainment = (d: { target_pct: number }) => formatPercent(d.target_pct);
  const parts: string[] = [];
  if (complete.length) {
    const hit = complete.filter((d) => d.revenue_target_met);
    const best = complete.reduce((a, b) => (b.target_pct > a.target_pct ? b : a));
    const worst = complete.reduce((a, b) => (b.target_pct < a.target_pct ? b : a));
    parts.push(
      `${hit.length} de ${complete.length} meses completos bateram a meta` +
        (hit.length ? ` (${hit.map((d) => formatMonth(d.month)).join(', ')})` : '') +
        `; melhor ${formatMonth(best.month)} com ${attainment(best)} da meta, pior ${formatMonth(worst.month)} com ${attainment(worst)}.`,
    );
  }
  if (partial) {
    parts.push(
      `${formatMonth(partial.month)}, ainda em curso: ${formatBRLCompact(partial.revenue)} de ${formatBRLCompact(partial.revenue_target)} (${attainment(partial)}).`,
    );
  }
  return parts.join(' ');
}
