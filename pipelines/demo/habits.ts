import type { RegionKey } from '../brazil/ufs.ts';
import { CATEGORY_COUNT, categoryAffinity, type Segment, type SizeBand } from './affinity.ts';
import { CATEGORIES, type Product } from './catalog.ts';
import { FIRST_DAY, LAST_DAY } from './calendar.ts';
import type { Rng } from './random.ts';

/** How a customer buys: rhythm, basket, preferred products and lifecycle (days are day numbers). */
export interface BuyingHabits {
  /** Mean days between purchases (weekly to quarterly). */
  readonly gapDays: number;
  /** Mean lines per order (1-8 after clamping). */
  readonly linesMean: number;
  /** Multiplier of the quantities ordered. */
  readonly qtyScale: number;
  /** Negotiated price level against the list price. */
  readonly priceFactor: number;
  /**
   * The products the customer buys (its basket) and their cumulative weights: category affinity × preference
   * within the category. Plain arrays rather than typed ones: a typed array per customer costs an ArrayBuffer
   * each, which made building 80,000 customers four times slower.
   */
  readonly basket: readonly number[];
  readonly basketCum: readonly number[];
  /**
   * Cross-sell happening on its own: from `adoptFrom` the customer also buys a category it did not buy
   * before, drawn by the same segment × region × band affinity as its first ones (Infinity when none), so
   * what peers buy predicts what a customer starts buying. The basket then becomes `basketAfter`.
   */
  readonly adoptFrom: number;
  readonly basketAfter: readonly number[];
  readonly basketCumAfter: readonly number[];
  /** First purchase; Infinity for prospects. */
  readonly firstDay: number;
  /** Churn: no purchase from this day on (Infinity when the customer stays). */
  readonly stopDay: number;
  /** A silence after which the customer comes back (reactivation); equal days when none. */
  readonly pauseFrom: number;
  readonly pauseUntil: number;
  /** From this day the customer buys `slowFactor` times less often. */
  readonly slowFrom: number;
  readonly slowFactor: number;
}

/** What the habits depend on. */
export interface HabitProfile {
  size: number;
  band: SizeBand;
  segment: Segment;
  region: RegionKey;
  /** Already a customer when the window opens, as opposed to acquired during it. */
  existing: boolean;
  buys: boolean;
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const FAVORITES: Record<SizeBand, readonly [number, number]> = { small: [2, 4], medium: [3, 6], large: [5, 10] };
const CHURN: Record<SizeBand, number> = { small: 0.38, medium: 0.28, large: 0.15 };
/** Share of customers who start buying one more category during the window. */
const ADOPTION: Record<SizeBand, number> = { small: 0.5, medium: 0.45, large: 0.35 };

const productsByCategory = new WeakMap<readonly Product[], Product[][]>();
function inCategoryOf(products: readonly Product[]): Product[][] {
  let lists = productsByCategory.get(products);
  if (!lists) {
    lists = CATEGORIES.map((_, category) => products.filter((p) => p.category === category));
    productsByCategory.set(products, lists);
  }
  return lists;
}

function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}

/** Index drawn from cumulative weights (binary search). */
export function pickCumulative(cum: readonly number[], rng: Rng): number {
  const x = rng.float() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < cum[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Picks `k` distinct indexes, each with probability proportional to its weight. */
function sampleWithoutReplacement(rng: Rng, weights: number[], k: number): number[] {
  const left = [...weights];
  const chosen: number[] = [];
  while (chosen.length < k && left.some((w) => w > 0)) {
    const i = rng.weighted(left);
    chosen.push(i);
    left[i] = 0;
  }
  return chosen;
}

/**
 * Draws the buying habits of a customer. Larger customers buy more often, more lines and larger quantities,
 * so revenue grows a little faster than size; their category mix follows the segment × region × band
 * affinity with personal noise, keeping the band's usual number of categories.
 */
export function buyingHabits(rng: Rng, profile: HabitProfile, products: readonly Product[]): BuyingHabits {
  const { size, band } = profile;
  const gapDays = clamp(20 * size ** -0.4 * rng.lognormal(0, 0.35), 5, 100);
  const affinity = categoryAffinity(profile.segment, profile.region, band).map((w) => w * rng.lognormal(0, 0.5));
  const kept = new Set(sampleWithoutReplacement(rng, affinity, rng.int(...CATEGORY_COUNT[band])));
  const basket: number[] = [];
  const weights: number[] = [];
  const addCategory = (category: number) => {
    const inCategory = inCategoryOf(products)[category]!;
    const popularity = inCategory.map((_, rank) => (1 + rank) ** -0.7);
    const picked = sampleWithoutReplacement(rng, popularity, rng.int(...FAVORITES[band]));
    const preference = picked.map((rank) => popularity[rank]! * rng.lognormal(0, 0.6));
    const total = preference.reduce((a, b) => a + b, 0);
    picked.forEach((rank, i) => {
      basket.push(inCategory[rank]!.index);
      weights.push((affinity[category]! * preference[i]!) / total);
    });
  };
  CATEGORIES.forEach((_, category) => {
    if (kept.has(category)) addCategory(category);
  });
  const before = { basket: [...basket], cum: cumulative(weights) };
  const untried = affinity.map((w, category) => (kept.has(category) ? 0 : w));
  const adopts = rng.chance(ADOPTION[band]) && untried.some((w) => w > 0);
  if (adopts) addCategory(rng.weighted(untried));

  const span = (from: number) => Math.max(0, LAST_DAY - from);
  const firstDay = !profile.buys ? Infinity : profile.existing ? FIRST_DAY + rng.int(0, Math.round(gapDays)) : rng.int(FIRST_DAY, LAST_DAY - 10);
  const stopDay = rng.chance(CHURN[band]) && span(firstDay) > 120 ? firstDay + 60 + rng.float() * span(firstDay + 60) : Infinity;
  const pauses = rng.chance(0.12) && span(firstDay) > 240;
  const pauseFrom = pauses ? firstDay + 60 + Math.floor(rng.float() * span(firstDay + 180)) : Infinity;
  const slows = rng.chance(0.15) && span(firstDay) > 180;
  return {
    gapDays,
    linesMean: clamp(2.3 + 1.4 * Math.log1p(size), 1.5, 6.5),
    qtyScale: size ** 0.5 * rng.lognormal(0, 0.2),
    priceFactor: band === 'large' ? 0.95 + rng.float() * 0.03 : 0.98 + rng.float() * 0.05,
    basket: before.basket,
    basketCum: before.cum,
    adoptFrom: adopts && span(firstDay) > 150 ? firstDay + 90 + Math.floor(rng.float() * span(firstDay + 90)) : Infinity,
    basketAfter: basket,
    basketCumAfter: cumulative(weights),
    firstDay,
    stopDay,
    pauseFrom,
    pauseUntil: pauses ? pauseFrom + rng.int(150, 450) : Infinity,
    slowFrom: slows ? firstDay + 90 + Math.floor(rng.float() * span(firstDay + 90)) : Infinity,
    slowFactor: 2 + rng.float() * 1.5,
  };
}
