import type { EntitySpec } from '../contract/entities.ts';
import { columnNames } from '../contract/entities.ts';
import { columnMeta, isOptional } from '../contract/columns.ts';
import { aliasesFor } from './headerAliases.ts';
import { foldName } from './normalizeName.ts';
import { missingAlternatives } from './alternativeColumns.ts';

/** Where each canonical column of an entity is found in a file's header. */
export interface HeaderResolution {
  /** Canonical column → index of the source column. */
  positions: Map<string, number>;
  /** Source headers that matched no canonical column (ignored, reported). */
  ignored: string[];
  /** Source headers whose column an earlier header, or the one the mapping names, already took (ignored, reported in the notes). */
  shadowed: { header: string; column: string; keptHeader: string }[];
  /** Headers with a "%" whose name is that of a column in reais (`Desc. %`): a percentage, ignored and reported in the notes. */
  percentages: { header: string; column: string }[];
  /** Required canonical columns not found. */
  missingRequired: string[];
}

/** "Valor (R$)", "Valor em R$", "Total R$": the currency does not change which column a header names. */
const withoutCurrency = (header: string): string => header.replace(/(\bem\s+)?\bR\$/gi, ' ');

/**
 * Maps a file's headers to canonical columns: first the mapping file's explicit names, then the
 * built-in aliases. A column the mapping names goes to the header it names (an alias met earlier does not
 * take it); otherwise the first header to claim a column wins.
 */
export function resolveHeaders(spec: EntitySpec, headers: string[], explicit: Record<string, string | null> = {}, useAliases = true): HeaderResolution {
  const lookup = new Map<string, string>();
  for (const column of useAliases ? columnNames(spec) : []) {
    for (const alias of aliasesFor(spec.name, column)) {
      const folded = foldName(alias);
      if (!lookup.has(folded)) lookup.set(folded, column);
    }
  }
  const explicitFolded = new Map(Object.entries(explicit).map(([source, target]) => [foldName(source), target]));
  const shape = spec.schema.shape as Record<string, Parameters<typeof isOptional>[0]>;
  const positions = new Map<string, number>();
  const ignored: string[] = [];
  const shadowed: HeaderResolution['shadowed'] = [];
  const percentages: HeaderResolution['percentages'] = [];
  // the header the mapping names for a column, which an alias met earlier in the header must not take
  const mappedHeader = new Map<string, string>();
  for (const header of headers) {
    const column = explicitFolded.get(foldName(header));
    if (column && !mappedHeader.has(column)) mappedHeader.set(column, header);
  }
  headers.forEach((header, index) => {
    const folded = foldName(header);
    const explicitColumn = explicitFolded.get(folded);
    const named = lookup.get(folded) ?? lookup.get(foldName(withoutCurrency(header)));
    // "Desc. %" folds to the name of the discount in reais: read as reais, 10% would be R$ 10
    if (!explicitFolded.has(folded) && named && header.includes('%') && columnMeta(shape[named]!).kind === 'money') {
      percentages.push({ header, column: named });
      ignored.push(header);
      return;
    }
    const column = explicitFolded.has(folded) ? explicitColumn : named;
    if (column && explicitColumn === undefined && mappedHeader.has(column)) {
      shadowed.push({ header, column, keptHeader: mappedHeader.get(column)! });
      return;
    }
    if (!column) {
      // a line ending in a delimiter (`a;b;c;`) gives the header an empty last name
      ignored.push(header.trim() === '' ? `(coluna ${index + 1}, sem nome)` : header);
      return;
    }
    const taken = positions.get(column);
    if (taken !== undefined) {
      shadowed.push({ header, column, keptHeader: headers[taken] ?? '' });
      return;
    }
    positions.set(column, index);
  });
  const missing = columnNames(spec).filter((column) => !isOptional(shape[column]!) && !positions.has(column));
  const missingRequired = missingAlternatives(spec.name, missing, new Set(positions.keys()));
  return { positions, ignored, shadowed, percentages, missingRequired };
}
