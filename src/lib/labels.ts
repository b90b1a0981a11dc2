import type { MartRow } from './martRows.ts';
import { martExists, oncePerMarts, readMart } from './readMart.ts';

type LabelRow = MartRow<'labels'>;

/** Portuguese labels of one coded field, in display order. */
export interface FieldLabels {
  /** The label of a key; the key itself when the labels mart does not know it, "Não informado" for null. */
  label: (value: string | null | undefined) => string;
  /** The field's keys in display order. */
  order: string[];
}

/** Every row of the labels mart (read once per build), or none when the mart is missing. */
const labelRows = oncePerMarts(
  (): Promise<LabelRow[]> => (martExists('labels') ? readMart('labels', { orderBy: 'field, sort_order, value' }) : Promise.resolve([])),
);

/** The labels of a coded field (status, rfm_segment, abc_class, region, renewal_status...). */
export async function fieldLabels(field: string): Promise<FieldLabels> {
  const rows = (await labelRows()).filter((row) => row.field === field);
  const byValue = new Map(rows.map((row) => [row.value, row.label_pt]));
  return {
    label: (value) => (value === null || value === undefined ? 'Não informado' : (byValue.get(value) ?? value)),
    order: rows.map((row) => row.value),
  };
}

/** A mart column in labels.used_in: `mart.column`; free notes there ("orders export (status)", `kpis_monthly.canceled_*`) are not columns. */
const MART_COLUMN = /^[a-z0-9_]+\.[a-z0-9_]+$/;

/** The `mart.column` entries of a used_in text (comma or semicolon separated). */
export function usedInColumns(usedIn: string | null | undefined): string[] {
  return (usedIn ?? '')
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => MART_COLUMN.test(part));
}

/**
 * Fields whose keys a Brazilian reader already reads as names, so downloads keep them: the UF ("SP"),
 * which every spreadsheet of the team filters on (the state's name sits beside it where a mart has it).
 */
const KEPT_AS_KEYS = new Set(['state']);

/**
 * Every coded mart column (labels.used_in) with its key → Portuguese label map, keyed `mart.column`, for
 * the downloads that translate codes; empty when the labels mart is missing.
 */
export async function codedColumnLabels(): Promise<Map<string, ReadonlyMap<string, string>>> {
  const byColumn = new Map<string, Map<string, string>>();
  for (const row of await labelRows()) {
    if (KEPT_AS_KEYS.has(row.field)) continue;
    for (const column of usedInColumns(row.used_in)) {
      const labels = byColumn.get(column) ?? new Map<string, string>();
      labels.set(row.value, row.label_pt);
      byColumn.set(column, labels);
    }
  }
  return byColumn;
}
