import type { FileMapping } from '../contract/mapping.ts';
import type { HeaderResolution } from './resolveHeaders.ts';

/**
 * Whether the built-in header aliases may claim a file's columns. A mapping entry that lists its
 * columns says which ones it wants: an alias taking another (a 0-1 `Discount` fraction read as a
 * discount in reais) would change the numbers silently, so the rest is ignored unless it says
 * `"aliases": true`.
 */
export function aliasesAllowed(mapping: FileMapping | undefined): boolean {
  if (!mapping || !Object.keys(mapping.columns).length) return true;
  return mapping.aliases === true;
}

/** A source column of a file and the canonical column it became, or null when it was ignored. */
export interface ColumnUse {
  source: string;
  column: string | null;
}

/** Every source column of a file and the canonical column it became, or null when it was ignored. */
export function columnUse(headers: string[], resolution: HeaderResolution): ColumnUse[] {
  const byPosition = new Map([...resolution.positions].map(([column, position]) => [position, column]));
  return headers.map((source, position) => ({ source, column: byPosition.get(position) ?? null }));
}

/** The column use as one line of the load summary: `DOCNUM → order_id, OBS → ignorada`. */
export function describeColumnUse(uses: ColumnUse[]): string {
  return uses.map((u) => `${u.source} → ${u.column ?? 'ignorada'}`).join(', ');
}
