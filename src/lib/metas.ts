import { excelCsv, type CsvColumn } from './excelCsv.ts';
import { martExists, oncePerMarts, readMart } from './readMart.ts';
import type { MartRow } from './martRows.ts';

export type TargetAttainmentRow = MartRow<'target_attainment'>;
export type TargetSuggestionRow = MartRow<'target_suggestions'>;
export type TargetYearToDateRow = MartRow<'target_attainment_ytd'>;
export type TargetSuggestionTotals = MartRow<'target_suggestion_totals'>;

/** The Metas page's data: target attainment per seller and month, and next month's suggested targets. */

/** A target kind of the targets export, the column that holds it and how the page names it. */
export interface TargetKind {
  key: 'revenue' | 'coverage' | 'new_customers';
  column: 'revenue_target' | 'coverage_target_pct' | 'new_customers_target';
  label: string;
  /** Whether any row of the targets export gave this kind. */
  present: boolean;
}

/** What the Metas page reads; null parts were not published. */
export interface TargetsData {
  attainment: TargetAttainmentRow[];
  suggestions: TargetSuggestionRow[];
  /** The suggestions summed over the active sellers; null without suggestions. */
  suggestionTotals: TargetSuggestionTotals | null;
  /** Each seller's targets summed from January to each month, ranked by attainment (sellers without a revenue target last). */
  yearToDate: TargetYearToDateRow[];
  kinds: TargetKind[];
}

/** Reads target_attainment, target_attainment_ytd, target_suggestions and their totals once per build (the Metas and Prospecção pages and the suggestions' CSV share them); empty when a mart is missing. */
export const loadTargetsData = oncePerMarts(async (): Promise<TargetsData> => {
  const attainment = martExists('target_attainment')
    ? await readMart('target_attainment', { orderBy: 'month, revenue_attainment_rank nulls last, seller_id' })
    : [];
  const yearToDate = martExists('target_attainment_ytd')
    ? await readMart('target_attainment_ytd', { orderBy: 'month, revenue_attainment_rank nulls last, revenue desc, seller_id' })
    : [];
  const suggestions = martExists('target_suggestions') ? await readMart('target_suggestions', { orderBy: 'suggested_revenue_target desc, seller_id' }) : [];
  const suggestionTotals = martExists('target_suggestion_totals') ? ((await readMart('target_suggestion_totals'))[0] ?? null) : null;
  const any = (pick: (row: TargetAttainmentRow) => unknown) => attainment.some((row) => pick(row) !== null);
  return {
    attainment,
    suggestions,
    suggestionTotals,
    yearToDate,
    kinds: [
      { key: 'revenue', column: 'revenue_target', label: 'Faturamento', present: any((r) => r.revenue_target) },
      { key: 'coverage', column: 'coverage_target_pct', label: 'Positivação', present: any((r) => r.coverage_target_pct) },
      { key: 'new_customers', column: 'new_customers_target', label: 'Clientes novos', present: any((r) => r.new_customers_target) },
    ],
  };
});

/** A month's rows ranked by revenue attainment (as the mart ranks them), sellers without a revenue target last. */
export function monthRanking(rows: TargetAttainmentRow[], month: Date): TargetAttainmentRow[] {
  return rows
    .filter((row) => row.month.getTime() === month.getTime())
    .sort(
      (a, b) =>
        (a.revenue_attainment_rank ?? Infinity) - (b.revenue_attainment_rank ?? Infinity) || b.revenue - a.revenue || a.seller_id.localeCompare(b.seller_id),
    );
}

/** The columns of the suggested-targets CSV, with what each holds (shown on the page). */
export const SUGGESTION_COLUMNS: Array<CsvColumn & { description: string }> = [
  { name: 'Código do vendedor', description: 'código do vendedor nas exportações' },
  { name: 'Vendedor', description: 'nome do vendedor' },
  { name: 'Mês da meta', type: 'DATE', description: 'primeiro dia do mês da meta sugerida' },
  { name: 'Meta sugerida', description: 'faturamento esperado da carteira + oportunidades ponderadas, em R$' },
  { name: 'Faturamento esperado da carteira', description: 'compras esperadas no mês × valor esperado por compra, em R$' },
  { name: 'Oportunidades ponderadas', description: 'ganho mensal das sugestões de upsell e cross-sell × taxa de acerto medida, em R$' },
  { name: 'Clientes na carteira ativa', description: 'clientes novos, ativos, em risco e reativados do vendedor' },
  { name: 'Meta já definida', description: 'meta de faturamento do mês já presente no arquivo de metas (vazio se não há)' },
  { name: 'Mês anterior', type: 'DATE', description: 'último mês completo' },
  { name: 'Meta do mês anterior', description: 'meta de faturamento do último mês completo, em R$' },
  { name: 'Realizado no mês anterior', description: 'faturamento do último mês completo, em R$' },
  { name: 'Média dos 3 últimos meses', description: 'faturamento médio mensal dos 3 últimos meses completos, em R$' },
];

/** The suggested targets as a CSV for Brazilian Excel (the report's one CSV writer). */
export function suggestionsCsv(rows: TargetSuggestionRow[], name: (id: string) => string): Buffer {
  return excelCsv(
    SUGGESTION_COLUMNS,
    rows.map((row) => ({
      'Código do vendedor': row.seller_id,
      Vendedor: name(row.seller_id),
      'Mês da meta': row.target_month,
      'Meta sugerida': row.suggested_revenue_target,
      'Faturamento esperado da carteira': row.expected_revenue,
      'Oportunidades ponderadas': row.opportunity_value,
      'Clientes na carteira ativa': row.active_portfolio_customers,
      'Meta já definida': row.existing_revenue_target,
      'Mês anterior': row.last_month,
      'Meta do mês anterior': row.last_month_revenue_target,
      'Realizado no mês anterior': row.last_month_revenue,
      'Média dos 3 últimos meses': row.avg_revenue_3m,
    })),
  );
}
