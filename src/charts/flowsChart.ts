import * as Plot from '@observablehq/plot';
import { formatMonth, formatNumber } from '../../pipelines/contract/locale.ts';
import { monthDomain, monthTicks } from './monthTicks.ts';
import { INK, MUTED, statusColor } from './palette.ts';

/** A month of portfolio flows (portfolio_flows). */
export interface FlowMonth {
  month: Date;
  is_partial_month: boolean;
  new: number;
  reactivated: number;
  churned: number;
  active_start: number;
  active_end: number;
}

/** Size of the flows chart. */
export interface FlowsOptions {
  width?: number;
  height?: number;
}

/** The flows in display order: the two that enter above the axis, the one that leaves below. */
export const FLOWS = [
  { key: 'new', label: 'Novos', sign: 1, color: statusColor('new') },
  { key: 'reactivated', label: 'Reativados', sign: 1, color: statusColor('reactivated') },
  { key: 'churned', label: 'Saíram (churn)', sign: -1, color: statusColor('lost') },
] as const;

/**
 * Who entered and left the active portfolio each month: new and reactivated stacked above zero,
 * churned below, and the month's net change as a dark tick.
 */
export function flowsChart(rows: FlowMonth[], options: FlowsOptions, document: Document): SVGElement | HTMLElement {
  const { width = 1080, height = 320 } = options;
  const data = [...rows].sort((a, b) => a.month.getTime() - b.month.getTime());
  const domain = monthDomain(data.map((d) => d.month));
  const long = data.flatMap((d) => FLOWS.map((f) => ({ month: d.month, flow: f.label, value: f.sign * d[f.key], partial: d.is_partial_month })));
  const net = data.map((d) => ({ month: d.month, value: d.new + d.reactivated - d.churned }));
  const title = (d: { month: Date; flow: string; value: number; partial: boolean }) =>
    `${formatMonth(d.month)}${d.partial ? ' (parcial)' : ''} · ${d.flow}: ${formatNumber(Math.abs(d.value))}`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 32,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { type: 'band', domain, ticks: monthTicks(domain, width - 64), tickFormat: formatMonth, label: null, padding: 0.2 },
    y: { grid: true, nice: true, label: 'Clientes', labelArrow: 'none', tickFormat: (v: number) => formatNumber(Math.abs(v)) },
    color: { domain: FLOWS.map((f) => f.label), range: FLOWS.map((f) => f.color) },
    marks: [
      Plot.barY(long, { x: 'month', y: 'value', fill: 'flow', title, order: FLOWS.map((f) => f.label) }),
      Plot.ruleY([0], { stroke: MUTED }),
      Plot.tickY(net, {
        x: 'month',
        y: 'value',
        stroke: INK,
        strokeWidth: 2,
        title: (d: { month: Date; value: number }) => `${formatMonth(d.month)} · saldo: ${d.value > 0 ? '+' : ''}${formatNumber(d.value)}`,
      }),
    ],
  });
}

/** The flows chart's text alternative: totals over the period and the latest complete month. */
export function describeFlows(rows: FlowMonth[]): string {
  const complete = rows.filter((d) => !d.is_partial_month).sort((a, b) => a.month.getTime() - b.month.getTime());
  const first = complete[0];
  const last = complete[complete.length - 1];
  if (!first || !last) return 'Sem movimentos da carteira ativa no período.';
  const sum = (key: 'new' | 'reactivated' | 'churned') => complete.reduce((s, d) => s + d[key], 0);
  return (
    `De ${formatMonth(first.month)} a ${formatMonth(last.month)} entraram ${formatNumber(sum('new'))} clientes novos e ` +
    `${formatNumber(sum('reactivated'))} reativados, e saíram ${formatNumber(sum('churned'))}; a carteira ativa foi de ` +
    `${formatNumber(first.active_start)} para ${formatNumber(last.active_end)}. Em ${formatMonth(last.month)}: ` +
    `${formatNumber(last.new)} novos, ${formatNumber(last.reactivated)} reativados, ${formatNumber(last.churned)} saíram.`
  );
}
