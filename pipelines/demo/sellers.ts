import type { RegionKey, Uf } from '../brazil/ufs.ts';
import { FIRST_DAY, LAST_DAY, dayOf } from './calendar.ts';
import { pickUf, regionShares } from './geography.ts';
import { personName } from './names.ts';
import type { Rng } from './random.ts';

/** A seller of the sales force; `leftAt` is set for those who left the company (active = false). */
export interface Seller {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly team: string;
  readonly uf: Uf;
  readonly region: RegionKey;
  readonly hiredAt: number;
  readonly leftAt: number | null;
  readonly isKeyAccount: boolean;
}

/** True when the seller works for the company on that day. */
export function isEmployed(seller: Seller, day: number): boolean {
  return seller.hiredAt <= day && (seller.leftAt === null || day < seller.leftAt);
}

// The Sudeste is split between Capital and Interior when the seller is drawn.
const TEAM_BY_REGION: Record<Exclude<RegionKey, 'sudeste'>, string> = {
  norte: 'Norte e Centro-Oeste',
  centro_oeste: 'Norte e Centro-Oeste',
  nordeste: 'Nordeste',
  sul: 'Sul',
};

/** Splits `count` sellers over the regions by economic share, at least one per region (largest remainder). */
function sellersPerRegion(count: number): [RegionKey, number][] {
  const shares = Object.entries(regionShares()) as [RegionKey, number][];
  const spare = count - shares.length;
  const quotas = shares.map(([region, share]) => ({ region, exact: share * spare, n: 1 + Math.floor(share * spare) }));
  let left = count - quotas.reduce((sum, q) => sum + q.n, 0);
  for (const q of [...quotas].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.region.localeCompare(b.region))) {
    if (left-- > 0) q.n += 1;
  }
  return quotas.map((q) => [q.region, q.n]);
}

/**
 * The sales force: a Key Accounts team in São Paulo for the largest customers, regional teams elsewhere,
 * the Sudeste split into Capital and Interior. The first seller of each region is a veteran who stays;
 * of the others about one in four was hired during the window, and one in six of all sellers has left
 * (active = false).
 */
export function buildSellers(count: number, rng: Rng): Seller[] {
  const keyAccounts = Math.max(1, Math.round(count * 0.08));
  const plan: { region: RegionKey; isKeyAccount: boolean; veteran: boolean }[] = [];
  for (let i = 0; i < keyAccounts; i++) plan.push({ region: 'sudeste', isKeyAccount: true, veteran: true });
  for (const [region, n] of sellersPerRegion(count - keyAccounts)) {
    for (let i = 0; i < n; i++) plan.push({ region, isKeyAccount: false, veteran: i === 0 });
  }
  const width = Math.max(3, String(count).length);
  // A fixed number of leavers (at least one), so that even a tiny dataset has a portfolio left behind.
  const others = plan.flatMap((p, index) => (p.veteran ? [] : [index]));
  const leavers = new Set<number>();
  while (others.length > 0 && leavers.size < Math.max(1, Math.round(count / 6))) leavers.add(rng.pick(others));
  return plan.map(({ region, isKeyAccount, veteran }, index) => {
    const hiredDuringWindow = !veteran && rng.chance(0.25);
    const hiredAt = hiredDuringWindow ? rng.int(FIRST_DAY, LAST_DAY - 240) : rng.int(dayOf(2012, 1, 2), FIRST_DAY - 60);
    const leaves = leavers.has(index);
    const leftAt = leaves ? rng.int(Math.max(hiredAt + 180, FIRST_DAY + 60), LAST_DAY - 30) : null;
    const regionalTeam = region === 'sudeste' ? (rng.chance(0.5) ? 'Capital' : 'Interior') : TEAM_BY_REGION[region];
    return {
      index,
      id: `V${String(index + 1).padStart(width, '0')}`,
      name: personName(rng),
      team: isKeyAccount ? 'Key Accounts' : regionalTeam,
      uf: isKeyAccount ? 'SP' : pickUf(rng, region),
      region,
      hiredAt,
      leftAt,
      isKeyAccount,
    };
  });
}

/** Who owns a customer and who covers for a seller: territory rules over the sales force. */
export class SellerDirectory {
  private readonly capacity: number[];
  private readonly substitutes = new Map<number, number>();
  private readonly keyAccounts: Seller[];
  private readonly byRegion = new Map<RegionKey, Seller[]>();
  private readonly byUf = new Map<Uf, Seller[]>();

  constructor(
    readonly sellers: readonly Seller[],
    private readonly rng: Rng,
  ) {
    // Some sellers carry much larger portfolios than others.
    this.capacity = sellers.map(() => rng.lognormal(0, 0.4));
    this.keyAccounts = sellers.filter((s) => s.isKeyAccount);
    for (const seller of sellers) {
      if (seller.isKeyAccount) continue;
      this.byRegion.set(seller.region, [...(this.byRegion.get(seller.region) ?? []), seller]);
      this.byUf.set(seller.uf, [...(this.byUf.get(seller.uf) ?? []), seller]);
    }
  }

  /**
   * The owning seller of a customer: Key Accounts for most large customers of the Sudeste and Sul, else a
   * regional seller, preferably of the same UF (and in the Sudeste of the Capital or Interior team), who had
   * not left the company by the time the customer was created.
   */
  pickOwner(place: { uf: Uf; region: RegionKey; isCapital: boolean; isLarge: boolean; createdAt: number }): number {
    const since = Math.max(place.createdAt, FIRST_DAY);
    const staying = (list: readonly Seller[] | undefined) => (list ?? []).filter((s) => s.leftAt === null || s.leftAt > since);
    if (place.isLarge && (place.region === 'sudeste' || place.region === 'sul') && this.rng.chance(0.7)) {
      const keyAccounts = staying(this.keyAccounts);
      if (keyAccounts.length > 0) return this.weightedPick(keyAccounts);
    }
    const sameUf = staying(this.byUf.get(place.uf));
    const team = place.isCapital ? 'Capital' : 'Interior';
    const sameTeam = sameUf.filter((s) => s.team === team);
    for (const pool of [sameTeam, sameUf]) if (pool.length > 0) return this.weightedPick(pool);
    const regional = staying(this.byRegion.get(place.region));
    return this.weightedPick(regional.length > 0 ? regional : staying(this.sellers).length > 0 ? staying(this.sellers) : this.sellers);
  }

  /** The seller credited with an order of `owner` on `day`: the owner, or a peer of the region who covers. */
  sellerOnDay(owner: number, day: number, monthIndex: number): number {
    const seller = this.sellers[owner]!;
    // A few orders are taken by another seller even when the owner is there (holidays, a colleague's visit).
    if (isEmployed(seller, day) && !this.rng.chance(0.02)) return owner;
    const key = owner * 100_000 + monthIndex;
    let substitute = this.substitutes.get(key);
    if (substitute === undefined) {
      const peers = this.sellers.filter((s) => s.index !== owner && s.region === seller.region && s.isKeyAccount === seller.isKeyAccount && isEmployed(s, day));
      const anyone = this.sellers.filter((s) => s.index !== owner && isEmployed(s, day));
      const pool = peers.length > 0 ? peers : anyone;
      substitute = pool.length > 0 ? this.rng.pick(pool).index : owner;
      this.substitutes.set(key, substitute);
    }
    return substitute;
  }

  private weightedPick(pool: readonly Seller[]): number {
    return pool[this.rng.weighted(pool.map((s) => this.capacity[s.index]!))]!.index;
  }
}
