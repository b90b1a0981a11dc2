import { listMarts, martColumns, type MartFile, oncePerMarts, queryMart } from './readMart.ts';
import { monthsText, rollingPeriodName } from './reportPeriods.ts';
import { loadRunSettings } from './settings.ts';

/** Parses "2026-10-31" as UTC midnight; anything else gives null. */
export function parseIsoDate(text: string | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The date a mart's data is judged at: the latest `as_of_date` column value when the mart has
 * that column, else the `as_of_date` the exporter wrote into the Parquet metadata.
 */
export async function martAsOf(mart: MartFile): Promise<Date | null> {
  const columns = await martColumns(mart.name);
  if (columns.some((c) => c.name === 'as_of_date')) {
    const [row] = await queryMart(mart.name, 'select try_cast(max(as_of_date) as date) as as_of from mart');
    if (row?.as_of instanceof Date) return row.as_of;
  }
  return parseIsoDate(mart.metadata.as_of_date);
}

/** The as-of date of the whole report: the latest as-of among the marts, or null without marts. */
export const reportAsOf = oncePerMarts(async (): Promise<Date | null> => {
  let latest: Date | null = null;
  for (const mart of await listMarts()) {
    const date = await martAsOf(mart);
    if (date && (!latest || date > latest)) latest = date;
  }
  return latest;
});

/**
 * The name of the customers' default window (windows.segmentation_months up to the report's as-of date), as
 * every page says it: "últimos 12 meses (21/11/2025 a 20/11/2026)".
 */
export async function customerWindowName(): Promise<string> {
  const [asOf, settings] = await Promise.all([reportAsOf(), loadRunSettings()]);
  return rollingPeriodName(asOf, settings.number('windows.segmentation_months'));
}

/** How long the customers' window is (windows.segmentation_months), in months. */
export async function customerWindowMonths(): Promise<number> {
  return (await loadRunSettings()).number('windows.segmentation_months');
}

/** The title of a column of revenue in the customers' window (window_revenue): "Faturamento 12 meses". */
export const windowRevenueLabel = (months: number): string => `Faturamento ${monthsText(months)}`;
