import * as Plot from '@observablehq/plot';
import { formatShare } from '../../pipelines/contract/locale.ts';
import { INK } from './palette.ts';

/** One ABC class with its share of customers (or of products) and of revenue. */
export interface AbcClass {
  abc_class: string;
  /** Portuguese label from the labels mart. */
  label: string;
  /** Share of the ranked items in the class: customers, or products on the Produtos page. */
  customer_share: number;
  revenue_share: number;
}

/** Size of the ABC bars. */
export interface AbcOptions {
  width?: number;
  /** Name of the first bar, what is ranked (default "Clientes"). */
  items?: string;
}

/** Class colours: A darkest. White labels on each reach at least 4.5:1. */
export const ABC_COLORS: Record<string, string> = { A: '#1d4f91', B: '#2b6cb0', C: '#5a6978' };

/**
 * Two 100% bars, customers and revenue, split by ABC class: how few customers bring most of the revenue.
 * Each segment carries its class and share inside when they fit, else just the class letter.
 */
export function abcChart(rows: AbcClass[], options: AbcOptions, document: Document): SVGElement | HTMLElement {
  const { width = 720, items = 'Clientes' } = options;
  const bars = [items, 'Faturamento'];
  const data = rows.flatMap((r) => [
    { bar: bars[0]!, key: r.abc_class, label: r.label, share: r.customer_share },
    { bar: bars[1]!, key: r.abc_class, label: r.label, share: r.revenue_share },
  ]);
  type Datum = (typeof data)[number];
  const order = rows.map((r) => r.abc_class);
  const stack = { x: 'share', y: 'bar', z: 'key', order } as const;
  // A segment's label must fit inside it (about 7 px per character at 12 px): else just the letter, or nothing.
  const plotWidth = width - 92 - 20;
  const full = (d: Datum) => `${d.key} · ${formatShare(d.share, { digits: 0 })}`;
  const text = (d: Datum) => {
    const room = d.share * plotWidth;
    return room >= full(d).length * 7 + 8 ? full(d) : room >= 16 ? d.key : '';
  };
  return Plot.plot({
    document,
    width,
    height: 130,
    marginLeft: 92,
    marginRight: 20,
    marginTop: 8,
    marginBottom: 28,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { domain: [0, 1], tickFormat: (v: number) => formatShare(v, { digits: 0 }), label: null, ticks: 5 },
    y: { domain: bars, label: null, tickSize: 0, padding: 0.2 },
    color: { domain: order, range: order.map((k) => ABC_COLORS[k] ?? '#5a6978') },
    marks: [
      Plot.barX(data, Plot.stackX({ ...stack, fill: 'key', stroke: '#ffffff', title: (d: Datum) => `${d.bar} · ${d.label}: ${formatShare(d.share)}` })),
      Plot.text(data, Plot.stackX({ ...stack, text, fill: '#ffffff', fontWeight: 600 })),
    ],
  });
}

/** The ABC bars' text alternative; `items` names what is ranked, plural and lower case. */
export function describeAbc(rows: AbcClass[], items = 'clientes'): string {
  if (!rows.length) return items === 'clientes' ? 'Sem compradores no período.' : `Sem ${items} vendidos no período.`;
  return rows.map((r) => `${r.label}: ${formatShare(r.customer_share)} dos ${items} e ${formatShare(r.revenue_share)} do faturamento`).join('; ') + '.';
}
