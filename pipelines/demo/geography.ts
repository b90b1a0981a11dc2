import { CITIES, type City } from '../brazil/cities.ts';
import { UFS, type RegionKey, type Uf } from '../brazil/ufs.ts';
import type { Rng } from './random.ts';

/**
 * Rough share (%) of each UF in the national economy (IBGE regional accounts, rounded), used to spread
 * customers and sellers "like the Brazilian economy": São Paulo alone holds about a third.
 */
const ECONOMY_WEIGHT: Record<Uf, number> = {
  SP: 31,
  RJ: 10.5,
  MG: 9,
  RS: 6.3,
  PR: 6.4,
  SC: 4.6,
  BA: 3.9,
  DF: 3.2,
  GO: 3,
  PE: 2.5,
  CE: 2.1,
  PA: 2.4,
  MT: 2.5,
  ES: 2,
  MS: 1.6,
  AM: 1.5,
  MA: 1.3,
  RN: 0.8,
  PB: 0.8,
  AL: 0.7,
  PI: 0.7,
  SE: 0.5,
  RO: 0.6,
  TO: 0.5,
  AC: 0.2,
  AP: 0.2,
  RR: 0.2,
};

const UF_CODES: readonly Uf[] = UFS.map((row) => row.uf);
const UF_WEIGHTS = UF_CODES.map((uf) => ECONOMY_WEIGHT[uf]);
const REGION_BY_UF = new Map<Uf, RegionKey>(UFS.map((row) => [row.uf, row.region]));

/** Share of each region in the economy, summed from the UF weights. */
export function regionShares(): Record<RegionKey, number> {
  const shares: Record<RegionKey, number> = { norte: 0, nordeste: 0, sudeste: 0, sul: 0, centro_oeste: 0 };
  for (const uf of UF_CODES) shares[REGION_BY_UF.get(uf)!] += ECONOMY_WEIGHT[uf] / 100;
  return shares;
}

/** The region of a UF. */
export function regionOfUf(uf: Uf): RegionKey {
  return REGION_BY_UF.get(uf)!;
}

/** A UF drawn by economic weight, optionally within one region. */
export function pickUf(rng: Rng, region?: RegionKey): Uf {
  if (!region) return UF_CODES[rng.weighted(UF_WEIGHTS)]!;
  const codes = UF_CODES.filter((uf) => REGION_BY_UF.get(uf) === region);
  return codes[rng.weighted(codes.map((uf) => ECONOMY_WEIGHT[uf]))]!;
}

/** A city of the UF: the capital 40% of the time, otherwise one of the other listed cities. */
export function pickCity(rng: Rng, uf: Uf): { city: City; isCapital: boolean } {
  const cities = CITIES[uf];
  if (cities.length === 1 || rng.chance(0.4)) return { city: cities[0]!, isCapital: true };
  return { city: cities[rng.int(1, cities.length - 1)]!, isCapital: false };
}
