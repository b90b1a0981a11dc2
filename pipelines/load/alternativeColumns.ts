import type { EntityName } from '../contract/entities.ts';

/**
 * Required columns another column can stand in for: an item's line_total (valor total do item)
 * replaces quantity × unit_price − discount, so revenue equals the export's own totals to the cent.
 */
export const alternativeColumns: Partial<Record<EntityName, Record<string, string>>> = {
  order_items: { unit_price: 'line_total' },
};

/** The missing required columns that no present alternative stands in for. */
export function missingAlternatives(entity: EntityName, missing: string[], present: Set<string>): string[] {
  const alternatives = alternativeColumns[entity] ?? {};
  return missing.filter((column) => {
    const alternative = alternatives[column];
    return !(alternative && present.has(alternative));
  });
}
