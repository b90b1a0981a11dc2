import { LabelRow } from './schemas/labels.ts';
import { martExists, readMart } from './readMart.ts';

/** Portuguese labels of one coded field, in display order. */
export interface FieldLabels {
  /** The label of a key; the key itself when the labels mart does not know it, "Não informado" for null. */
  label: (value: string | null | undefined) => string;
  /** The field's keys in display order. */
  order: string[];
}

let all: Promise<LabelRow[]> | undefined;

/** Every row of the labels mart (read once per build), or none when the mart is missing. */
function labelRows(): Promise<LabelRow[]> {
  all ??= martExists('labels')
    ? readMart('labels', 'select * from mart order by field, sort_order, value', LabelRow)
    : Promise.resolve([]);
  return all;
}

/** The labels of a coded field (status, rfm_segment, abc_class, region, renewal_status...). */
export async function fieldLabels(field: string): Promise<FieldLabels> {
  const rows = (await labelRows()).filter((row) => row.field === field);
  const byValue = new Map(rows.map((row) => [row.value, row.label_pt]));
  return {
    label: (value) => (value === null || value === undefined ? 'Não informado' : byValue.get(value) ?? value),
    order: rows.map((row) => row.value),
  };
}
