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
