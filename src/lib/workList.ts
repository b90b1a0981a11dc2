import type { CsvColumn } from './excelCsv.ts';
import { excelCsv } from './excelCsv.ts';
import type { FieldLabels } from './labels.ts';
import type { z } from 'zod';
import { checkRows, martSchema, orNull } from './martRows.ts';
import { martExists, martPath, query, sqlString } from './readMart.ts';

/** One action of a seller's work list (action_list) with its customer's published name and place (customers, left join). */
const WorkListRow = martSchema('action_list')
  .pick({
    seller_id: true,
    customer_id: true,
    action: true,
    reason_pt: true,
    value_at_stake: true,
    priority_score: true,
    upsell_gain: true,
    cross_sell_gain: true,
    rank: true,
    as_of_date: true,
  })
  .extend(orNull(martSchema('customers').pick({ name: true, city: true, state: true })).shape);
export type WorkListRow = z.infer<typeof WorkListRow>;
import { groupBy } from './groupBy.ts';

/** Actions shown on a seller's page; the CSV download holds the whole list. */
export const WORK_LIST_SHOWN = 20;

/** File name of a seller's work list, next to the seller's page (/vendedores/<slug>/lista-de-trabalho.csv). */
export const WORK_LIST_FILE = 'lista-de-trabalho.csv';

/**
 * The columns of the per-seller CSV, in order, with what each holds: the page lists them next to the
 * link, so the documentation and the file cannot drift apart. Headers are Portuguese because the file
 * is opened by the seller in Excel; the analysts' version with the mart's own names is action_list.csv.
 */
export const WORK_LIST_COLUMNS: Array<CsvColumn & { description: string }> = [
  { name: 'Posição', type: 'INTEGER', description: 'ordem na lista (1 = maior valor esperado)' },
  { name: 'Ação', description: 'reter, reativar, renovar ou oferecer' },
  { name: 'Código do cliente', description: 'código do cliente nas exportações' },
  { name: 'Cliente', description: 'razão social; pessoas físicas aparecem com pseudônimo' },
  { name: 'Cidade', description: 'cidade do cliente' },
  { name: 'UF', description: 'estado do cliente' },
  { name: 'Motivo', description: 'a evidência que justifica a ação' },
  { name: 'Valor em jogo (R$)', type: 'DECIMAL(18,2)', description: 'valor em 12 meses, em reais' },
  { name: 'Prioridade (R$)', type: 'DECIMAL(18,2)', description: 'valor esperado que ordena a lista, em reais' },
  { name: 'Upsell do cliente (R$/mês)', type: 'DECIMAL(18,2)', description: 'em Oferecer: todas as sugestões de upsell do cliente somadas, por mês' },
  { name: 'Cross-sell do cliente (R$/mês)', type: 'DECIMAL(18,2)', description: 'em Oferecer: todas as sugestões de cross-sell do cliente somadas, por mês' },
  { name: 'Data de referência', type: 'DATE', description: 'data em que a lista foi calculada' },
];

/** The CSV rows of a work list, keyed by the Portuguese headers, in the list's order. */
export function workListCsvRows(rows: WorkListRow[], actions: FieldLabels): Record<string, unknown>[] {
  return [...rows]
    .sort((a, b) => a.rank - b.rank)
    .map((row) => ({
      Posição: row.rank,
      Ação: actions.label(row.action),
      'Código do cliente': row.customer_id,
      Cliente: row.name ?? row.customer_id,
      Cidade: row.city,
      UF: row.state,
      Motivo: row.reason_pt,
      'Valor em jogo (R$)': row.value_at_stake,
      'Prioridade (R$)': row.priority_score,
      'Upsell do cliente (R$/mês)': row.upsell_gain,
      'Cross-sell do cliente (R$/mês)': row.cross_sell_gain,
      'Data de referência': row.as_of_date,
    }));
}

/** A seller's work list as an Excel-ready CSV (the shared writer: `;`, decimal comma, UTF-8 with BOM). */
export function workListCsv(rows: WorkListRow[], actions: FieldLabels): Buffer {
  return excelCsv(WORK_LIST_COLUMNS, workListCsvRows(rows, actions));
}

/**
 * Every seller's work list, read once: action_list joined to the customers mart for the published name
 * (pseudonymized for persons) and place, never contact data. Null when the pipeline published no action_list.
 */
export async function loadWorkLists(): Promise<Map<string | null, WorkListRow[]> | null> {
  // action_list is built from the customers mart: the pipeline publishes both or neither.
  if (!martExists('action_list') || !martExists('customers')) return null;
  const rows = await query(
    `select a.seller_id, a.customer_id, c.name, c.city, c.state, a.action, a.reason_pt,
            a.value_at_stake::double as value_at_stake, a.priority_score::double as priority_score,
            a.upsell_gain::double as upsell_gain, a.cross_sell_gain::double as cross_sell_gain, a.rank, a.as_of_date
     from read_parquet(${sqlString(martPath('action_list'))}) a
     left join read_parquet(${sqlString(martPath('customers'))}) c on c.customer_id = a.customer_id
     order by a.seller_id nulls last, a.rank`,
  );
  return groupBy(checkRows('action_list', rows, WorkListRow), (row) => row.seller_id);
}
