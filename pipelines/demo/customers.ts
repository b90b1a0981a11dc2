import { formatCnpj, formatCpf, generateCnpj, generateCpf } from '../brazil/documents.ts';
import type { RegionKey, Uf } from '../brazil/ufs.ts';
import { SEGMENTS, sizeBandOf, type Segment, type SizeBand } from './affinity.ts';
import { FIRST_DAY, LAST_DAY, dayOf } from './calendar.ts';
import { buyingHabits, type BuyingHabits } from './habits.ts';
import { pickCity, pickUf, regionOfUf } from './geography.ts';
import { companyName, emailFor, personName, phoneFor } from './names.ts';
import type { Product } from './catalog.ts';
import type { Rng } from './random.ts';
import type { SellerDirectory } from './sellers.ts';

/** A customer of the demo and the hidden traits that drive its orders. */
export interface Customer extends BuyingHabits {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly document: string;
  readonly isPerson: boolean;
  readonly segment: Segment;
  readonly city: string;
  readonly uf: Uf;
  readonly region: RegionKey;
  readonly owner: number;
  readonly createdAt: number;
  readonly email: string;
  readonly phone: string;
  /** False for the ~1% known only from orders (missing from customers.csv). */
  readonly listed: boolean;
  /** False for prospects, who never buy. */
  readonly buys: boolean;
  readonly size: number;
  readonly band: SizeBand;
  /** Most frequent order channel. */
  readonly channel: string;
}

const CHANNELS = ['Vendedor externo', 'Televendas', 'E-commerce B2B', 'WhatsApp'];
const ALPHANUMERIC_CNPJ_SINCE = dayOf(2026, 7, 1);

/**
 * Documents as exports carry them: mostly formatted, some bare digits, and Excel-mangled ones that lost
 * their leading zeros. Both dialects carry the same text, so the loader's normalization is exercised.
 */
function presentDocument(rng: Rng, document: string, isPerson: boolean): string {
  const style = rng.float();
  if (style < 0.85) return isPerson ? formatCpf(document) : formatCnpj(document);
  if (style < 0.95 || !/^[0-9]+$/.test(document)) return document;
  return document.replace(/^0+/, '');
}

/**
 * The customer base: companies with valid CNPJs (alphanumeric for some created since July 2026) and ~10%
 * persons with CPFs, spread like the economy, heavy-tailed in size (lognormal), with ~8% prospects and ~1%
 * customers missing from the export. The first listed customers get names with a comma, an ampersand, quotes
 * and an apostrophe, so that CSV quoting is exercised even in tiny datasets.
 */
export function buildCustomers(count: number, products: readonly Product[], sellers: SellerDirectory, rng: Rng): Customer[] {
  const width = Math.max(5, String(count).length);
  const segmentShares = SEGMENTS.map((s) => s.share);
  const customers: Customer[] = [];
  for (let index = 0; index < count; index++) {
    const forcedName = index < 4 ? index : undefined;
    const isPerson = forcedName === undefined && rng.chance(0.1);
    const segmentSpec = SEGMENTS[isPerson ? rng.pick([1, 2, 4]) : rng.weighted(segmentShares)]!;
    const segment: Segment = segmentSpec.name;
    const uf = pickUf(rng);
    const region = regionOfUf(uf);
    const { city, isCapital } = pickCity(rng, uf);
    const size = rng.lognormal(0, 1.05) * segmentSpec.size * (isPerson ? 0.35 : 1);
    const band = sizeBandOf(size);
    const buys = forcedName !== undefined || !rng.chance(0.08);
    const listed = !buys || forcedName !== undefined || !rng.chance(0.01);
    const existing = buys && rng.chance(0.5);

    const habits = buyingHabits(rng, { size, band, segment, region, existing, buys }, products);
    const createdAt = !buys
      ? rng.int(dayOf(2019, 1, 2), LAST_DAY - 1)
      : existing
        ? rng.int(dayOf(2012, 1, 2), FIRST_DAY - 30)
        : habits.firstDay - rng.int(1, 45);
    const name = isPerson ? personName(rng) : companyName(rng, segment, forcedName);
    const rawDocument = isPerson ? generateCpf(rng.float) : generateCnpj(rng.float, { alphanumeric: createdAt >= ALPHANUMERIC_CNPJ_SINCE && rng.chance(0.6) });
    const number = index + 1;
    customers.push({
      ...habits,
      index,
      id: `C${String(number).padStart(width, '0')}`,
      name,
      document: presentDocument(rng, rawDocument, isPerson),
      isPerson,
      segment,
      city: city.name,
      uf,
      region,
      owner: sellers.pickOwner({ uf, region, isCapital, isLarge: band === 'large', createdAt }),
      createdAt,
      email: rng.chance(0.9) ? emailFor(rng, name, number, isPerson) : '',
      phone: rng.chance(0.95) ? phoneFor(rng, city.ddd) : '',
      listed,
      buys,
      size,
      band,
      channel: CHANNELS[rng.weighted(band === 'large' ? [6, 1, 3, 0.5] : [5, 2, 1.5, 1.5])]!,
    });
  }
  return customers;
}
