import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent, formatShare } from '../../pipelines/contract/locale.ts';
import { ACCENT, INK, MUTED, TARGET } from './palette.ts';

/** A point of the concentration curve: the top `pct_customers`% of buyers (or products) bring `cum_revenue_share` of revenue. */
export interface ParetoPoint {
  pct_customers: number;
  customers: number;
  cum_revenue_share: number | null;
  /** The exact count behind 80% of revenue (pareto mart), when known; else the curve's percentile is read. */
  customers_to_reach_80?: number | null;
}

/** Size of the curve. */
export interface ParetoOptions {
  width?: number;
  height?: number;
  /** What is ranked, plural and lower case (default "clientes"): the curve of products says "produtos". */
  items?: string;
}

/** The real share of revenue from the top 20% of buyers, or null without buyers. */
export const shareAt20 = (rows: ParetoPoint[]): number | null => rows.find((r) => r.pct_customers === 20)?.cum_revenue_share ?? null;

/**
 * The Pareto curve: cumulative share of revenue against the share of customers, largest first. The
 * 80/20 reference (20% of customers, 80% of revenue) is marked, with the real share at 20% labelled.
 */
export function paretoChart(rows: ParetoPoint[], options: ParetoOptions, document: Document): SVGElement | HTMLElement {
  const { width = 720, height = 380, items = 'clientes' } = options;
  const points = [{ x: 0, y: 0 }, ...rows.filter((r) => r.cum_revenue_share !== null).map((r) => ({ x: r.pct_customers, y: r.cum_revenue_share! * 100 }))];
  const at20 = shareAt20(rows);
  const narrow = width < 480;
  const pct = (v: number) => formatPercent(v, { digits: 0 });
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 40,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: {
      domain: [0, 100],
      ticks: [0, 20, 40, 60, 80, 100],
      tickFormat: pct,
      label: `${items[0]!.toUpperCase()}${items.slice(1)}, do maior para o menor →`,
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], tickFormat: pct, grid: true, label: '↑ Faturamento acumulado', labelArrow: 'none' },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 100, y: 100 },
        ],
        { x: 'x', y: 'y', stroke: MUTED, strokeDasharray: '2,4' },
      ),
      // On a phone the label sits under the diagonal, in the triangle the curve never enters: above it,
      // it ran into the 80% rule's label and the share at 20%.
      Plot.text([narrow ? { x: 45, y: 45 } : { x: 62, y: 62 }], {
        x: 'x',
        y: 'y',
        text: () => 'distribuição igual',
        rotate: -Math.atan((height - 52) / (width - 64)) * (180 / Math.PI),
        dy: narrow ? 9 : -7,
        fill: MUTED,
        fontSize: 11,
      }),
      Plot.areaY(points, { x: 'x', y: 'y', fill: ACCENT, fillOpacity: 0.08 }),
      Plot.line(points, { x: 'x', y: 'y', stroke: ACCENT, strokeWidth: 2.5 }),
      Plot.ruleX([20], { stroke: TARGET, strokeDasharray: '5,3', y1: 0, y2: 100 }),
      Plot.ruleY([80], { stroke: TARGET, strokeDasharray: '5,3', x1: 0, x2: 100 }),
      Plot.text([{ x: 100, y: 80 }], { x: 'x', y: 'y', text: () => 'regra 80/20', textAnchor: 'end', dy: 9, fill: TARGET, fontSize: 11, fontWeight: 600 }),
      ...(at20 === null
        ? []
        : [
            Plot.dot([{ x: 20, y: at20 * 100 }], { x: 'x', y: 'y', r: 5, fill: ACCENT, stroke: '#ffffff', strokeWidth: 1.5 }),
            Plot.text([{ x: 20, y: at20 * 100 }], {
              x: 'x',
              y: 'y',
              text: () => `20% dos ${items} → ${formatShare(at20)} do faturamento`,
              textAnchor: 'start',
              dx: 10,
              dy: narrow ? 26 : 16,
              fill: INK,
              fontWeight: 600,
              lineWidth: narrow ? 14 : 40,
              stroke: '#ffffff',
              strokeWidth: 4,
              paintOrder: 'stroke',
            }),
          ]),
    ],
  });
}

/** The words of the curve's text alternative for what is ranked. */
export interface ParetoWords {
  /** Plural, lower case: "clientes", "produtos". */
  items: string;
  /** The whole population, after its count: "compradores dos últimos 12 meses (21/11/2025 a 20/11/2026)". */
  population: string;
}

// Pages name the period in `population` (reportPeriods.rollingPeriodName); the bare default names none.
const CUSTOMER_WORDS: ParetoWords = { items: 'clientes', population: 'compradores' };

/** The curve's text alternative: the share at 20% against the 80/20 rule, and the customers (or products) behind 80%. */
export function describePareto(rows: ParetoPoint[], words: ParetoWords = CUSTOMER_WORDS): string {
  const at20 = shareAt20(rows);
  const buyers = rows[rows.length - 1]?.customers ?? 0;
  if (at20 === null || !buyers) return `Sem ${words.population}.`;
  const to80 = rows.find((r) => (r.cum_revenue_share ?? 0) >= 0.8);
  const row20 = rows.find((r) => r.pct_customers === 20);
  const exact80 = rows[0]?.customers_to_reach_80;
  return (
    `Os 20% maiores ${words.items} (${formatNumber(row20?.customers ?? 0)} de ${formatNumber(buyers)} ${words.population}) ` +
    `trouxeram ${formatShare(at20)} do faturamento, ${at20 >= 0.8 ? 'acima' : 'abaixo'} dos 80% da regra 80/20. ` +
    (exact80 != null
      ? `80% do faturamento vem de ${formatNumber(exact80)} dos ${formatNumber(buyers)} ${words.items}.`
      : to80
        ? `80% do faturamento vem de ${formatPercent(to80.pct_customers, { digits: 0 })} dos ${words.items} (${formatNumber(to80.customers)}).`
        : '')
  );
}
