import { formatBRL, formatBRLCompact, formatCount, formatMonth, formatNumber, formatPercent, formatShare } from '../../pipelines/contract/locale.ts';
import { addMonths } from '../charts/monthTicks.ts';
import type { ValueFormat } from './formatValue.ts';
import { monthChange, rowAt, type Better, type ChangeKind, type MonthChange } from './monthComparison.ts';
import type { FilteredKpiMonth } from './salesCubeTotals.ts';

/**
 * The Visão geral headline cards and month table, defined once for the build (kpis_monthly) and for the
 * filters in the browser (the same figures re-added from the filter file, salesCubeTotals.ts).
 */

/** A month as the cards read it: what the filters can give, plus the figures only the whole company has. */
export type OverviewMonth = FilteredKpiMonth & {
  ltv: number | null;
  ltv_cac: number | null;
  cac: number | null;
  top20_revenue_share: number | null;
  /** Churn and CAC over the 12 months to the month, company-wide only (null under a filter). */
  churn_rate_12m: number | null;
  cac_12m: number | null;
};

/** A headline card: how to read its value from a month, format it and compare it. */
export interface CardSpec {
  /** Stable key, for the page's markup and the filters' redraw. */
  key: string;
  label: string;
  value: (row: OverviewMonth) => number | null;
  format: (value: number | null) => string;
  note?: (row: OverviewMonth) => string | undefined;
  kind: ChangeKind;
  better: Better;
  /** 100 for 0-1 shares, so their change reads in percentage points. */
  pointsScale?: number;
  /**
   * Whether the filters can recompute it exactly. LTV needs the revenue of every customer who ever bought
   * from the cut, LTV/CAC the marketing spend (a company-wide figure) and the concentration each buyer's
   * revenue: none of these add up from the filter file's cells.
   */
  filterable: boolean;
}

export const grossMarginShare = (row: OverviewMonth): number | null => (row.gross_margin === null || row.revenue === 0 ? null : row.gross_margin / row.revenue);
const times = (value: number | null): string => (value === null ? formatNumber(null) : `${formatNumber(value, { digits: 1 })}×`);

export const cardSpecs: CardSpec[] = [
  {
    key: 'revenue',
    label: 'Faturamento',
    value: (r) => r.revenue,
    format: formatBRLCompact,
    note: (r) => formatBRL(r.revenue),
    kind: 'relative',
    better: 'up',
    filterable: true,
  },
  {
    key: 'active',
    label: 'Clientes ativos',
    value: (r) => r.active_customers,
    format: formatNumber,
    note: () => 'carteira ativa no fim do mês',
    kind: 'relative',
    better: 'up',
    filterable: true,
  },
  {
    key: 'coverage',
    label: 'Positivação',
    value: (r) => r.coverage_pct,
    format: (v) => formatPercent(v),
    note: (r) => `${formatNumber(r.portfolio_buying_customers)} de ${formatNumber(r.portfolio_customers)} clientes da carteira compraram`,
    kind: 'points',
    better: 'up',
    filterable: true,
  },
  {
    key: 'ticket',
    label: 'Ticket médio',
    value: (r) => r.avg_ticket,
    format: formatBRL,
    note: (r) => formatCount(r.orders, 'pedido faturado', 'pedidos faturados'),
    kind: 'relative',
    better: 'up',
    filterable: true,
  },
  {
    key: 'churn',
    label: 'Churn de clientes',
    value: (r) => r.churn_rate,
    format: (v) => formatShare(v),
    note: (r) =>
      `${formatNumber(r.churned)} de ${formatNumber(r.active_start)} clientes ativos no início saíram${r.churn_rate_12m === null ? '' : ` · em 12 meses: ${formatShare(r.churn_rate_12m)}`}`,
    kind: 'points',
    better: 'down',
    pointsScale: 100,
    filterable: true,
  },
  {
    key: 'ltv',
    label: 'LTV (valor por cliente)',
    value: (r) => r.ltv,
    format: formatBRLCompact,
    note: (r) => `${formatBRL(r.ltv)}: faturamento histórico ÷ clientes que já compraram`,
    kind: 'relative',
    better: 'up',
    filterable: false,
  },
  {
    key: 'ltv-cac',
    label: 'LTV/CAC',
    value: (r) => r.ltv_cac,
    format: times,
    note: (r) =>
      r.cac === null && r.cac_12m === null
        ? 'sem investimento em marketing informado'
        : `CAC ${formatBRL(r.cac)}${r.cac_12m === null ? '' : ` · em 12 meses ${formatBRL(r.cac_12m)}`} · referência ≥ 3×`,
    kind: 'relative',
    better: 'up',
    filterable: false,
  },
  {
    key: 'top20',
    label: 'Concentração: 20% maiores',
    value: (r) => r.top20_revenue_share,
    format: (v) => formatShare(v),
    note: () => 'do faturamento do mês veio dos 20% maiores compradores',
    kind: 'points',
    better: 'neutral',
    pointsScale: 100,
    filterable: false,
  },
  {
    key: 'margin',
    label: 'Margem bruta',
    value: grossMarginShare,
    format: (v) => formatShare(v),
    note: (r) => (r.gross_margin === null ? undefined : `${formatBRLCompact(r.gross_margin)} sobre o faturamento`),
    kind: 'points',
    better: 'up',
    pointsScale: 100,
    filterable: true,
  },
];

/** What a card shows for one month. */
export interface CardContent {
  key: string;
  label: string;
  value: string;
  note?: string;
  /** Against the previous month and the same month a year before; null when not computable. */
  changes: Array<{ change: MonthChange | null; missing: string }>;
  /** The last 13 complete months up to the headline, for the sparkline. */
  spark: Array<{ month: Date; value: number | null }>;
  filterable: boolean;
}

/** A card's content for the headline month, compared with the rows of the month before and a year before. */
export function cardContent<R extends OverviewMonth>(spec: CardSpec, rows: R[], headline: R): CardContent {
  const compare = (offset: number) => {
    const row = rowAt(rows, headline.month, offset);
    const referenceMonth = addMonths(headline.month, offset);
    return {
      change: row ? monthChange(spec.value(headline), spec.value(row), referenceMonth, spec.kind, spec.better, spec.pointsScale) : null,
      missing: `sem dado de ${formatMonth(referenceMonth)}`,
    };
  };
  return {
    key: spec.key,
    label: spec.label,
    value: spec.format(spec.value(headline)),
    note: spec.note?.(headline),
    changes: [compare(-1), compare(-12)],
    spark: rows
      .filter((row) => !row.is_partial_month && row.month <= headline.month)
      .slice(-13)
      .map((row) => ({ month: row.month, value: spec.value(row) })),
    filterable: spec.filterable,
  };
}

/** How many months the table lists, newest first. */
export const MONTH_TABLE_ROWS = 13;

/** The month table's figures, every one of them recomputed by the filters. */
/** The month table's columns; `phone: false` ones are hidden on a phone (DataTable's phone folds). */
export const monthTableColumns: Array<{ key: keyof FilteredKpiMonth | 'month_label'; label: string; format: ValueFormat; phone?: boolean }> = [
  { key: 'month_label', label: 'Mês', format: 'text' },
  { key: 'revenue', label: 'Faturamento', format: 'brl' },
  { key: 'orders', label: 'Pedidos', format: 'number', phone: false },
  { key: 'avg_ticket', label: 'Ticket médio', format: 'brl', phone: false },
  { key: 'active_customers', label: 'Clientes ativos', format: 'number', phone: false },
  { key: 'coverage_pct', label: 'Positivação', format: 'percent' },
  { key: 'churn_rate', label: 'Churn', format: 'share', phone: false },
  { key: 'new_customers', label: 'Novos', format: 'number', phone: false },
];

/** The table's rows: the last months, newest first, each labelled. */
export const monthTableRows = <R extends { month: Date; is_partial_month: boolean }>(rows: R[]): Array<R & { month_label: string }> =>
  [...rows]
    .reverse()
    .slice(0, MONTH_TABLE_ROWS)
    .map((row) => ({ ...row, month_label: `${formatMonth(row.month)}${row.is_partial_month ? ' (parcial)' : ''}` }));
