import type { RegionKey } from '../brazil/ufs.ts';
import { CATEGORIES } from './catalog.ts';

/** Customer segments, their share of the base and their typical size relative to the median customer. */
export const SEGMENTS = [
  { name: 'Supermercado', share: 0.2, size: 3 },
  { name: 'Mercearia', share: 0.17, size: 0.7 },
  { name: 'Restaurante', share: 0.2, size: 1 },
  { name: 'Padaria', share: 0.14, size: 0.9 },
  { name: 'Lanchonete', share: 0.14, size: 0.45 },
  { name: 'Hotel', share: 0.07, size: 1.8 },
  { name: 'Farmácia', share: 0.08, size: 0.6 },
] as const;

/** Segment name, e.g. `Padaria`. */
export type Segment = (typeof SEGMENTS)[number]['name'];

/** Size bands: small customers buy few categories, large ones almost all. */
export type SizeBand = 'small' | 'medium' | 'large';

/**
 * How much each segment buys of each category (0-10), columns in CATEGORIES order:
 * Laticínios, Bebidas, Limpeza, Mercearia, Higiene, Frios, Congelados, Padaria, Hortifrúti, Descartáveis.
 */
const SEGMENT_AFFINITY: Record<Segment, readonly number[]> = {
  Supermercado: [8, 9, 7, 10, 7, 7, 6, 4, 6, 3],
  Mercearia: [7, 8, 5, 10, 5, 5, 2, 3, 4, 2],
  Restaurante: [6, 7, 4, 8, 1, 6, 7, 2, 9, 6],
  Padaria: [10, 6, 3, 4, 1, 8, 3, 10, 2, 7],
  Lanchonete: [6, 9, 3, 4, 1, 7, 6, 5, 3, 9],
  Hotel: [6, 7, 9, 5, 10, 5, 4, 4, 5, 6],
  Farmácia: [1, 4, 4, 1, 10, 0.3, 0.3, 0.5, 0.3, 3],
};

/** Regional tastes: the Norte buys frozen goods (açaí, fish), the Sul cold cuts and dairy, and so on. */
const REGION_MULTIPLIER: Record<RegionKey, Partial<Record<(typeof CATEGORIES)[number], number>>> = {
  norte: { Congelados: 1.8, Bebidas: 1.2, Hortifrúti: 0.7 },
  nordeste: { Mercearia: 1.3, Bebidas: 1.2, Frios: 0.8 },
  sudeste: {},
  sul: { Frios: 1.4, Laticínios: 1.3, Congelados: 0.8 },
  centro_oeste: { Hortifrúti: 1.3, Frios: 1.1, Higiene: 0.9 },
};

/** How many categories a customer of each band usually buys, [min, max]. */
export const CATEGORY_COUNT: Record<SizeBand, readonly [number, number]> = {
  small: [2, 4],
  medium: [4, 7],
  large: [7, 10],
};

/** The size band of a size draw (median customer = 1). */
export function sizeBandOf(size: number): SizeBand {
  return size < 0.7 ? 'small' : size < 4 ? 'medium' : 'large';
}

/**
 * Category weights for a customer profile: segment × region, sharpened for small customers (who stick to
 * their core categories) and flattened for large ones. The peers of a customer share these weights, which
 * is what makes "customers like you buy X" a real signal in the data.
 */
export function categoryAffinity(segment: Segment, region: RegionKey, band: SizeBand): number[] {
  const exponent = band === 'small' ? 1.6 : band === 'medium' ? 1.1 : 0.7;
  const regional = REGION_MULTIPLIER[region];
  return CATEGORIES.map((category, i) => (SEGMENT_AFFINITY[segment][i]! * (regional[category] ?? 1)) ** exponent);
}
