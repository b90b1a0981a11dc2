import * as Plot from '@observablehq/plot';
import { formatNumber, formatShare } from '../../pipelines/contract/locale.ts';
import { INK, MUTED, statusColor } from './palette.ts';

/** A share with no decimals, or one when it is under 1% (so 6 of 2.000 reads 0,3%, not 0%). */
const shareText = (value: number): string => formatShare(value, { digits: value > 0 && value < 0.01 ? 1 : 0 });

/** Customers in one lifecycle status (a row of portfolio_status with its label). */
export interface StatusBar {
  status: string;
  /** Portuguese label from the labels mart. */
  label: string;
  customers: number;
  /** Of all customers, as the mart states it (0 to 1; null without any customer). */
  customer_share: number | null;
}

/** Size of the status bars. */
export interface StatusBarsOptions {
  width?: number;
  /** Room for the status labels on the left. */
  labelWidth?: number;
}

/** One horizontal bar per status in the given order, coloured by status, labelled with count and share. */
export function statusBarsChart(rows: StatusBar[], options: StatusBarsOptions, document: Document): SVGElement | HTMLElement {
  const { width = 720, labelWidth = 190 } = options;
  // On a phone the long status names go above their bars instead of squeezing the bars.
  const above = width < 480;
  const max = Math.max(1, ...rows.map((r) => r.customers));
  const text = (d: StatusBar) => `${formatNumber(d.customers)} (${shareText(d.customer_share ?? 0)})`;
  return Plot.plot({
    document,
    width,
    height: rows.length * (above ? 46 : 34) + 16,
    marginLeft: above ? 2 : labelWidth,
    // Room for the widest value label to the right of the longest bar.
    marginRight: 96,
    marginTop: above ? 18 : 8,
    marginBottom: 8,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { axis: null, domain: [0, max] },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0, padding: above ? 0.45 : 0.25, axis: above ? null : 'left' },
    marks: [
      Plot.barX(rows, { x: 'customers', y: 'label', fill: (d: StatusBar) => statusColor(d.status), title: (d: StatusBar) => `${d.label}: ${text(d)}` }),
      Plot.text(rows, { x: 'customers', y: 'label', text, dx: 6, textAnchor: 'start', fill: INK }),
      ...(above ? [Plot.text(rows, { x: 0, y: 'label', text: 'label', textAnchor: 'start', dy: -15, fill: INK, fontWeight: 600 })] : []),
      Plot.ruleX([0], { stroke: MUTED }),
    ],
  });
}

/** The status bars' text alternative: every status with its count and share, after the total (portfolio_status.total_customers). */
export function describeStatusBars(rows: StatusBar[], total: number, what = 'Clientes por situação'): string {
  if (!total) return `${what}: nenhum cliente.`;
  return `${what} (${formatNumber(total)} no total): ${rows.map((r) => `${r.label} ${formatNumber(r.customers)} (${shareText(r.customer_share ?? 0)})`).join('; ')}.`;
}
