import * as Plot from '@observablehq/plot';
import { formatMonth, formatNumber, formatShare } from '../../pipelines/contract/locale.ts';
import { monthDomain, monthTicks } from './monthTicks.ts';
import { INK, MUTED, statusColor } from './palette.ts';

/** Customers in one status at the end of one month. */
export interface StatusMonth {
  month: Date;
  status: string;
  /** Portuguese label from the labels mart. */
  label: string;
  customers: number;
  is_partial_month: boolean;
}

/** Size and status order of the composition chart. */
export interface StatusHistoryOptions {
  /** Status keys from the bottom of the stack up. */
  order: string[];
  /** Labels of the keys in `order`, for the legend. */
  labels: string[];
  width?: number;
  height?: number;
}

/** Customers by lifecycle status at each month's end as stacked bars, healthiest at the bottom. */
export function statusHistoryChart(rows: StatusMonth[], options: StatusHistoryOptions, document: Document): SVGElement | HTMLElement {
  const { order, labels, width = 1080, height = 340 } = options;
  const domain = monthDomain(rows.map((d) => d.month));
  const totals = new Map<number, number>();
  for (const d of rows) totals.set(d.month.getTime(), (totals.get(d.month.getTime()) ?? 0) + d.customers);
  const title = (d: StatusMonth) =>
    `${formatMonth(d.month)}${d.is_partial_month ? ' (parcial)' : ''} · ${d.label}: ${formatNumber(d.customers)} ` +
    `(${formatShare(d.customers / (totals.get(d.month.getTime()) || 1))})`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 32,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { type: 'band', domain, ticks: monthTicks(domain, width - 72), tickFormat: formatMonth, label: null, padding: 0.15 },
    y: { grid: true, nice: true, label: 'Clientes', labelArrow: 'none', tickFormat: formatNumber },
    color: { domain: labels, range: order.map(statusColor) },
    marks: [Plot.barY(rows, { x: 'month', y: 'customers', fill: 'label', order: labels, title }), Plot.ruleY([0], { stroke: MUTED })],
  });
}

/** The composition chart's text alternative: each status in the first and the latest month. */
export function describeStatusHistory(rows: StatusMonth[], order: string[]): string {
  const months = [...new Set(rows.map((d) => d.month.getTime()))].sort((a, b) => a - b);
  if (!months.length) return 'Sem histórico de situação.';
  const at = (time: number) =>
    order
      .map((status) => rows.find((d) => d.month.getTime() === time && d.status === status))
      .filter((d): d is StatusMonth => Boolean(d))
      .map((d) => `${d.label} ${formatNumber(d.customers)}`)
      .join(', ');
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const lastRow = rows.find((d) => d.month.getTime() === last);
  return (
    `Clientes por situação no fim de cada mês. Em ${formatMonth(first)}: ${at(first)}. ` +
    `Em ${formatMonth(last)}${lastRow?.is_partial_month ? ' (até a data de referência)' : ''}: ${at(last)}.`
  );
}
