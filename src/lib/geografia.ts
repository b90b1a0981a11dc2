import { firstMonth, lastCompleteMonth, trailingWindow, type MonthWindow } from './reportPeriods.ts';
import { fieldLabels } from './labels.ts';
import type { GeographyLabels } from './geographySummary.ts';
import type { MartRow } from './martRows.ts';
import { martExists, readMart } from './readMart.ts';

export { brazilianShare, MIN_BRAZILIAN_SHARE, summarizeRegions, summarizeStates, type AreaSummary, type GeographyLabels } from './geographySummary.ts';

/** What the Geografia page needs, read once. */
export interface GeographyData {
  rows: MartRow<'geography'>[];
  labels: GeographyLabels;
  lastMonth: Date | null;
  year: MonthWindow | null;
  month: MonthWindow | null;
  /** The as-of month when it is still running, for a note. */
  partialMonth: Date | null;
}

/** Reads the geography mart (null when it was not published). */
export async function loadGeography(): Promise<GeographyData | null> {
  if (!martExists('geography')) return null;
  const rows = await readMart('geography', { orderBy: 'month, state' });
  const labels = { state: await fieldLabels('state'), region: await fieldLabels('region') };
  const lastMonth = lastCompleteMonth(rows);
  const partial = rows.find((row) => row.is_partial_month)?.month ?? null;
  return {
    rows,
    labels,
    lastMonth,
    year: lastMonth ? trailingWindow(lastMonth, 12, firstMonth(rows)) : null,
    month: lastMonth ? trailingWindow(lastMonth, 1) : null,
    partialMonth: partial,
  };
}
