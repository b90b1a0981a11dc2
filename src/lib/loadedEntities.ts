import type { EntityName } from '../../pipelines/contract/entities.ts';
import { martSchema } from './martRows.ts';
import { martExists, oncePerMarts, queryMart, readMart } from './readMart.ts';

/**
 * The export entities that loaded at least one row (load_summary), read once per build, so a page can say
 * which file would enable a missing section; null without a load_summary mart (marts of an older run).
 */
export const loadedEntities = oncePerMarts(async (): Promise<Set<string> | null> => {
  if (!martExists('load_summary')) return null;
  const rows = await queryMart('load_summary', 'select distinct entity from mart where loaded > 0', martSchema('load_summary').pick({ entity: true }));
  return new Set(rows.map((row) => String(row.entity)));
});

/** Whether the run is known to have loaded no row of an entity's export (false when load_summary is missing). */
export async function exportMissing(entity: EntityName): Promise<boolean> {
  return (await loadedEntities())?.has(entity) === false;
}

/** What the run could not use: records rejected (a report's total lines aside) and files of the exports folder not read (load_totals). */
export interface LoadShortfall {
  rejected: number;
  unreadFiles: number;
}

/**
 * The shortfall every page's footer states, read once per build; null when nothing was left out (or
 * without a load_totals mart). A run within its reject limit publishes, and the reader of any page, not
 * only of Dados, should know that some lines or files are not in the figures.
 */
export const loadShortfall = oncePerMarts(async (): Promise<LoadShortfall | null> => {
  if (!martExists('load_totals')) return null;
  const [totals] = await readMart('load_totals');
  if (!totals || (totals.rejected_records === 0 && totals.unread_files === 0)) return null;
  return { rejected: totals.rejected_records, unreadFiles: totals.unread_files };
});
