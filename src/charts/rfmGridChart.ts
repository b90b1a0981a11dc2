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
  // On a phone every pixel goes to the cells (the tick labels R1-R5 need about 20), so that a segment
  // name of 10 letters (Hibernando) fits one at the 11 px phones need; longer words are hyphenated.
  const marginLeft = compact ? 22 : 110;
  const marginRight = compact ? 0 : 8;
  const marginBottom = compact ? 40 : 52;
  const cellSize = (width - marginLeft - marginRight) / 5;
  // On a phone the recency label sits above the grid, where it has room, instead of along its side.
  const marginTop = compact ? 22 : 12;
  const height = cellSize * 5 * (compact ? 1.1 : 0.62) + marginBottom + marginTop;
  const max = Math.max(1, ...cells.map((c) => c.customers));
  const fill = (c: RfmCell) => heatColor(c.customers / max);
  const ink = (c: RfmCell) => textOn(fill(c));
  const countText = (c: RfmCell) => formatNumber(c.customers);
  const common = { x: 'f', y: 'r' } as const;
  const label = (d: RfmCell) => (compact ? hyphenateLongWords(d.segment, 10) : d.segment);
  return Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight,
    marginTop,
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
      label: compact ? '↑ Recência (R): 5 = comprou há menos tempo' : 'Recência (R): 5 = comprou há menos tempo ↑',
      labelAnchor: compact ? 'top' : 'center',
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
        lineWidth: compact ? 5.5 : 12,
        lineHeight: 1.1,
      }),
    ],
  });
}

const VOWELS = 'aeiouáàâãéêíóôõú';
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.includes(ch.toLowerCase());

/**
 * Words longer than `maxLetters` broken with a hyphen and a line break, before a consonant that opens
 * a syllable (Promis-sores, Poten-ciais), the place nearest the middle: never inside a consonant
 * cluster (pr, bl) or digraph (nh, lh, ch). A word with no such place is left whole.
 */
export function hyphenateLongWords(text: string, maxLetters: number): string {
  return text
    .split(' ')
    .map((word) => {
      if (word.length <= maxLetters) return word;
      const middle = word.length / 2;
      let best = -1;
      for (let i = 2; i <= word.length - 3; i++) {
        const [before, at, after] = [word[i - 1], word[i]!, word[i + 1]];
        // a consonant before a vowel, or before l/r and a vowel (com-pras, pú-blico)
        const opensSyllable = !isVowel(at) && at !== 'h' && (isVowel(after) || ('lr'.includes(after ?? '') && !'lr'.includes(at) && isVowel(word[i + 2])));
        const cluster = 'lr'.includes(at) && !isVowel(before);
        if (opensSyllable && !cluster && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
      }
      return best < 0 ? word : `${word.slice(0, best)}-\n${word.slice(best)}`;
    })
    .join(' ');
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
