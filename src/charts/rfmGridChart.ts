import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber } from '../../pipelines/contract/locale.ts';
import { INK, heatColor, textOn } from './palette.ts';

/** One cell of the R × F grid. */
export interface RfmCell {
  r: number;
  f: number;
  /** Portuguese label of the cell's segment. */
  segment: string;
  customers: number;
}

/** Size of the grid; `compact` shortens the axis labels for phones. */
export interface RfmGridOptions {
  width?: number;
  compact?: boolean;
}

const SCORES = [1, 2, 3, 4, 5];
/** Orders in the 12-month window behind each F score (fixed business bands). */
export const F_BANDS = ['1 pedido', '2 pedidos', '3-4 pedidos', '5-9 pedidos', '10+ pedidos'];

/**
 * The RFM grid as a heat map: recency up the side (5 = bought most recently, on top), frequency along
 * the bottom; each cell shaded by its customers and labelled with the count and its segment.
 */
export function rfmGridChart(cells: RfmCell[], options: RfmGridOptions, document: Document): SVGElement | HTMLElement {
  const { width = 760, compact = false } = options;
  const marginLeft = compact ? 44 : 110;
  const marginBottom = compact ? 40 : 52;
  const cellSize = (width - marginLeft - 8) / 5;
  const height = cellSize * 5 * (compact ? 1.1 : 0.62) + marginBottom + 12;
  const max = Math.max(1, ...cells.map((c) => c.customers));
  const fill = (c: RfmCell) => heatColor(c.customers / max);
  const ink = (c: RfmCell) => textOn(fill(c));
  const countText = (c: RfmCell) => formatNumber(c.customers);
  const common = { x: 'f', y: 'r' } as const;
  const label = (d: RfmCell) => d.segment;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight: 8,
    marginTop: 12,
    marginBottom,
    style: { fontSize: compact ? '11px' : '12px', color: INK, background: 'transparent' },
    x: {
      domain: SCORES,
      label: compact ? 'Frequência (F) →' : 'Frequência (F): pedidos no período →',
      labelAnchor: 'center',
      labelArrow: 'none',
      tickFormat: (f: number) => (compact ? `F${f}` : `F${f} · ${F_BANDS[f - 1]}`),
      tickSize: 0,
      padding: 0.04,
    },
    y: {
      domain: [...SCORES].reverse(),
      label: compact ? 'Recência (R) ↑' : 'Recência (R): 5 = comprou há menos tempo ↑',
      labelAnchor: 'center',
      labelArrow: 'none',
      tickFormat: (r: number) => (compact ? `R${r}` : `R${r}${r === 5 ? ' · recente' : r === 1 ? ' · antigo' : ''}`),
      tickSize: 0,
      padding: 0.04,
    },
    marks: [
      Plot.cell(cells, {
        ...common,
        fill,
        inset: 1,
        title: (c: RfmCell) => `R${c.r} × F${c.f} · ${c.segment}: ${formatCount(c.customers, 'cliente', 'clientes')}`,
      }),
      Plot.text(cells, { ...common, text: countText, fill: ink, fontSize: compact ? 14 : 17, fontWeight: 700, dy: compact ? -11 : -9 }),
      Plot.text(cells, {
        ...common,
        text: label,
        fill: ink,
        fontSize: compact ? 11 : 11.5,
        dy: compact ? 9 : 10,
        lineAnchor: 'top',
        lineWidth: compact ? 5 : 12,
        lineHeight: 1.1,
      }),
    ],
  });
}

/** The grid's text alternative: how many bought in the window (`buyers`, as the marts count them), the busiest cells and the empty ones. */
export function describeRfmGrid(cells: RfmCell[], buyers: number): string {
  if (!buyers) return 'Nenhum cliente comprou no período.';
  const top = [...cells].sort((a, b) => b.customers - a.customers).slice(0, 3);
  const empty = cells.filter((c) => c.customers === 0);
  return (
    `Grade R × F ${buyers === 1 ? 'do único cliente' : `dos ${formatNumber(buyers)} clientes`} que compraram no período. Células mais cheias: ` +
    top.map((c) => `R${c.r} × F${c.f} (${c.segment}) com ${formatNumber(c.customers)}`).join('; ') +
    (empty.length ? `. Células vazias: ${empty.map((c) => `R${c.r} × F${c.f}`).join(', ')}.` : '.')
  );
}
