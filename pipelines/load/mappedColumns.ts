import type { ColumnSource, FileMapping, MappingFile } from '../contract/mapping.ts';

/** The `columns` entries that rename a source header (string or null), as resolveHeaders takes them. */
export function headerRenames(rule: FileMapping | undefined): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(rule?.columns ?? {})) {
    if (value === null || typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * Whether a mapping entry computes its columns (see mappedSource.ts) instead of renaming headers:
 * it defines a column by object, picks latest lines, or shares its file with other entries.
 */
export function isComputed(rule: FileMapping, sharesFile: boolean): boolean {
  return sharesFile || rule.latest_by !== undefined || Object.values(rule.columns).some((v) => v !== null && typeof v === 'object');
}

/** Canonical column → how it is computed; a renamed header becomes `{ from: header }`. */
export function columnSources(rule: FileMapping): Map<string, ColumnSource> {
  const out = new Map<string, ColumnSource>();
  for (const [key, value] of Object.entries(rule.columns)) {
    if (value === null) continue;
    if (typeof value === 'string') {
      if (!out.has(value)) out.set(value, { from: key });
    } else {
      out.set(key, value);
    }
  }
  return out;
}

/**
 * The date that orders the lines of a derived entity: its own `latest_by`, else the order_date of the
 * orders entry on the same file, else none (the last line of the file wins).
 */
export function latestBy(rule: FileMapping, siblings: FileMapping[]): ColumnSource | undefined {
  if (rule.latest_by) return rule.latest_by;
  const orders = siblings.find((s) => s.entity === 'orders');
  return orders ? columnSources(orders).get('order_date') : undefined;
}

/** The mapping entries that read files by name (not by query). */
export function fileRules(mapping: MappingFile): FileMapping[] {
  return mapping.files.filter((m) => m.match !== undefined);
}
