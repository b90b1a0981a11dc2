import type { EntityName } from '../../pipelines/contract/entities.ts';
import { martSchema } from './martRows.ts';
import { martExists, oncePerMarts, queryMart } from './readMart.ts';

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
