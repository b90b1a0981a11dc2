import { windowRevenueLabel } from './asOf.ts';
import { excelCsv, type CsvColumn } from './excelCsv.ts';
import type { FieldLabels } from './labels.ts';
import { martExists, oncePerMarts, readMart } from './readMart.ts';
import type { MartRow } from './martRows.ts';

export type BalanceSellerRow = MartRow<'portfolio_balance'>;
export type BalanceSpreadRow = MartRow<'portfolio_balance_spread'>;
export type ReassignmentRow = MartRow<'reassignment_suggestions'>;
export type BalanceTotalsRow = MartRow<'portfolio_balance_totals'>;

/** Proposed moves shown on the page before the rest collapses; the CSV holds every one. */
export const PROPOSAL_SHOWN = 10;

/**
 * The most steps the page lists, open and folded together; the rest are only in the CSV. On a big base the
 * proposal runs to a hundred thousand steps (124,080 at 100 million order lines), which as rows made a page
 * of tens of megabytes that no one reads on screen.
 */
export const PROPOSAL_PAGE_ROWS = 1000;

/** File name of the proposal for Excel, beside the page (/vendedores/equilibrio/proposta-de-redistribuicao.csv). */
export const PROPOSAL_FILE = 'proposta-de-redistribuicao.csv';

/** The four marts of the balance between sellers, read once. */
export interface BalanceData {
  sellers: BalanceSellerRow[];
  spread: Map<string, BalanceSpreadRow>;
  moves: ReassignmentRow[];
  /** The orphaned portfolios in total and the moves by phase (portfolio_balance_totals, one row). */
  totals: BalanceTotalsRow | null;
}

/**
 * Reads portfolio_balance, portfolio_balance_spread, reassignment_suggestions and portfolio_balance_totals once per build
 * (the page and the proposal's CSV share them); null when the pipeline published none.
 */
export const loadBalanceData = oncePerMarts(async (): Promise<BalanceData | null> => {
  // The four come from one pipeline run: published together or not at all.
  if (!['portfolio_balance', 'portfolio_balance_spread', 'reassignment_suggestions', 'portfolio_balance_totals'].every(martExists)) return null;
  const [sellers, spread, moves, [totals]] = await Promise.all([
    readMart('portfolio_balance', { orderBy: 'seller_id nulls last' }),
    readMart('portfolio_balance_spread', { orderBy: 'measure_order' }),
    readMart('reassignment_suggestions', { orderBy: 'step' }),
    readMart('portfolio_balance_totals'),
  ]);
  return { sellers, spread: new Map(spread.map((row) => [row.measure, row])), moves, totals: totals ?? null };
});

/** The proposal's revenue column, named for the customers' window: "Faturamento 12 meses (R$)". */
const revenueColumn = (windowMonths: number): string => `${windowRevenueLabel(windowMonths)} (R$)`;

/**
 * The columns of the proposal CSV, in order, with what each holds: the page lists them beside the link.
 * Headers are Portuguese because a sales director opens the file in Excel; the analysts' version with
 * the mart's own names is reassignment_suggestions.csv on the Dados page. The revenue column is named for
 * the customers' window (windows.segmentation_months).
 */
export const proposalColumns = (windowMonths: number): Array<CsvColumn & { description: string }> => [
  { name: 'Passo', type: 'INTEGER', description: 'ordem da proposta: carteiras órfãs primeiro, depois o equilíbrio' },
  { name: 'Código do cliente', description: 'código do cliente nas exportações' },
  { name: 'Cliente', description: 'razão social; pessoas físicas aparecem com pseudônimo' },
  { name: 'Segmento', description: 'segmento do cliente' },
  { name: 'UF', description: 'estado do cliente' },
  { name: 'Região', description: 'região IBGE do cliente' },
  { name: 'Vendedor atual', description: 'quem tem o cliente hoje (vazio: sem vendedor)' },
  { name: 'Vendedor proposto', description: 'quem passaria a atender o cliente' },
  { name: 'Motivo', description: 'por que mudar e por que este destino' },
  { name: 'Mesmo segmento', description: 'o vendedor proposto já atende clientes do segmento (VERDADEIRO/FALSO)' },
  { name: revenueColumn(windowMonths), type: 'DECIMAL(18,2)', description: 'faturamento do cliente no período de segmentação' },
  { name: 'Potencial 12 meses (R$)', type: 'DECIMAL(18,2)', description: 'CLV de 12 meses do cliente (vazio sem modelo)' },
  { name: 'Carga do cliente', type: 'DOUBLE', description: 'o que o cliente soma à carga do vendedor (1,00 = carga média de um vendedor)' },
  { name: 'Carga do proposto depois', type: 'DOUBLE', description: 'carga do vendedor proposto depois deste passo' },
  { name: 'Dispersão depois (CV)', type: 'DOUBLE', description: 'coeficiente de variação da carga entre vendedores depois deste passo' },
  { name: 'Data de referência', type: 'DATE', description: 'data em que a proposta foi calculada' },
];

/** How a row without a seller code is named (seller_label is NULL there). */
export const NO_SELLER = 'Sem vendedor';

/** The proposal as Excel-ready CSV (the shared writer: `;`, decimal comma, UTF-8 with BOM). */
export function proposalCsv(moves: ReassignmentRow[], regions: FieldLabels, windowMonths: number): Buffer {
  const rows = moves.map((m) => ({
    Passo: m.step,
    'Código do cliente': m.customer_id,
    Cliente: m.customer_name ?? m.customer_id,
    Segmento: m.segment,
    UF: m.state,
    Região: m.region ? regions.label(m.region) : null,
    'Vendedor atual': m.from_seller_label,
    'Vendedor proposto': m.to_seller_label,
    Motivo: m.reason_pt,
    'Mesmo segmento': m.is_same_segment,
    [revenueColumn(windowMonths)]: m.window_revenue,
    'Potencial 12 meses (R$)': m.potential,
    'Carga do cliente': m.workload,
    'Carga do proposto depois': m.to_workload_after,
    'Dispersão depois (CV)': m.workload_cv_after,
    'Data de referência': m.as_of_date,
  }));
  return excelCsv(proposalColumns(windowMonths), rows);
}
