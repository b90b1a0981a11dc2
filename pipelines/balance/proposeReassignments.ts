/**
 * The reassignment proposal of the balance between sellers: a deterministic greedy that first gives every
 * orphaned customer an owner in its region, then moves customers from the most to the least loaded seller
 * of a region while that lowers the spread of workloads. Pure: the code model feeds it from the warehouse.
 */

/** A customer as int_customers_weighed_for_balance has it. */
export interface BalanceCustomer {
  customer_id: string;
  seller_id: string | null;
  segment: string | null;
  region: string | null;
  /** departed, not_in_sellers_export, no_owner, or null when the owner can keep it. */
  orphan_reason: string | null;
  workload: number;
}

/** A seller as int_sellers_classified_for_balance has it. */
export interface BalanceSeller {
  seller_id: string;
  region: string | null;
  is_eligible: boolean;
}

/** The config rules of the proposal (config section balance). */
export interface BalanceRules {
  max_moved_share: number;
  overload_tolerance_share: number;
}

/** One proposed move, in the order the greedy made it. */
export interface ProposedMove {
  step: number;
  phase: 'orphaned' | 'balance';
  customer_id: string;
  from_seller_id: string | null;
  to_seller_id: string;
  reason_pt: string;
  is_same_segment: boolean;
  /** The giving seller's workload after the move; null when it takes no customers (orphaned portfolio). */
  from_workload_after: number | null;
  to_workload_after: number;
  /** Coefficient of variation of the workload across the sellers able to take customers, after the move. */
  workload_cv_after: number;
}

const ORPHAN_REASONS: Record<string, string> = {
  departed: 'Vendedor desligado',
  not_in_sellers_export: 'Vendedor fora do cadastro de vendedores',
  no_owner: 'Cliente sem vendedor',
};

/** Moves lighter than this are rounding noise, never a reason to move a customer. */
const EPSILON = 1e-9;

/** Population coefficient of variation (standard deviation ÷ mean); 0 for no values or a zero mean. */
export function coefficientOfVariation(values: number[]): number {
  if (!values.length) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean <= 0) return 0;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const lighterFirst = (a: BalanceCustomer, b: BalanceCustomer) => a.workload - b.workload || byCode(a.customer_id, b.customer_id);

/**
 * The element a sort by `order` would put first (the earliest of equals), in one pass: the greedy asks
 * for it once per move, over a region's sellers, and sorting there made 10 million order lines (1,000
 * sellers, thousands of orphaned customers) spend a minute in this model.
 */
function first<T>(items: readonly T[], order: (a: T, b: T) => number): T {
  let best = items[0]!;
  for (let i = 1; i < items.length; i++) if (order(items[i]!, best) < 0) best = items[i]!;
  return best;
}

/** Index of the first customer of `list` (lighter first, then by code) at or after (workload, code). */
function firstAtLeast(list: BalanceCustomer[], workload: number, code = ''): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = list[mid]!;
    if (c.workload < workload || (c.workload === workload && c.customer_id < code)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The customer of `list` (lighter first, then by code) lighter than `gap` whose workload is closest to
 * half of it, ties to the lower code; null when every customer weighs the gap or more.
 */
function closestToHalf(list: BalanceCustomer[], gap: number): BalanceCustomer | null {
  const end = firstAtLeast(list, gap - EPSILON);
  const at = firstAtLeast(list, gap / 2);
  const above = at < end ? list[at]! : null;
  // the lowest code among the customers just below half the gap: the first of their equal workloads
  const below = at > 0 && at - 1 < end ? list[firstAtLeast(list, list[at - 1]!.workload)]! : null;
  if (!above || !below) return above ?? below;
  const order = Math.abs(above.workload - gap / 2) - Math.abs(below.workload - gap / 2) || byCode(above.customer_id, below.customer_id);
  return order < 0 ? above : below;
}

/**
 * Phase 1 (orphaned): orphaned customers by workload (heaviest first, then code) each go to the least loaded
 * seller of the customer's region who already serves its segment and is at or below the region's mean
 * workload, else to the least loaded seller of the region (ties by seller code); a region's only seller takes
 * them all. A customer without a UF, or in a region without a seller able to take customers, stays orphaned.
 * Phase 2 (balance): in every region with two or more such sellers, the most loaded (A) gives one customer of
 * that region to the least loaded (B) while A is more than overload_tolerance_share above the region's mean;
 * the customer moved weighs less than the gap between them (so the sum of squares, hence the spread, falls),
 * serves a segment B already serves where possible, and is the one closest to half the gap (ties by code).
 * Each step takes the region whose move lowers the spread most; balancing stops at max_moved_share of all
 * customers or when no region has a move left. A customer moves at most once.
 */
export function proposeReassignments(customers: BalanceCustomer[], sellers: BalanceSeller[], rules: BalanceRules): ProposedMove[] {
  const eligible = sellers.filter((s) => s.is_eligible).sort((a, b) => byCode(a.seller_id, b.seller_id));
  const load = new Map(eligible.map((s) => [s.seller_id, 0]));
  const segments = new Map(eligible.map((s) => [s.seller_id, new Map<string, number>()]));
  const regionOf = new Map(eligible.map((s) => [s.seller_id, s.region]));
  // What each seller may give in the balancing: its customers of its own region that weigh something, by segment
  const givable = new Map(eligible.map((s) => [s.seller_id, new Map<string | null, BalanceCustomer[]>()]));
  for (const c of customers) {
    if (c.orphan_reason || !c.seller_id || !load.has(c.seller_id)) continue;
    load.set(c.seller_id, load.get(c.seller_id)! + c.workload);
    if (c.segment) segments.get(c.seller_id)!.set(c.segment, (segments.get(c.seller_id)!.get(c.segment) ?? 0) + 1);
    if (c.region !== null && c.region === regionOf.get(c.seller_id) && c.workload > EPSILON) {
      const bySegment = givable.get(c.seller_id)!;
      const list = bySegment.get(c.segment);
      if (list) list.push(c);
      else bySegment.set(c.segment, [c]);
    }
  }
  for (const bySegment of givable.values()) for (const list of bySegment.values()) list.sort(lighterFirst);
  const serves = (seller: string, segment: string | null) => segment !== null && (segments.get(seller)!.get(segment) ?? 0) > 0;
  const byRegion = new Map<string, string[]>();
  for (const s of eligible) {
    if (!s.region) continue;
    const ids = byRegion.get(s.region);
    if (ids) ids.push(s.seller_id);
    else byRegion.set(s.region, [s.seller_id]);
  }

  const moves: ProposedMove[] = [];
  const give = (c: BalanceCustomer, to: string, phase: ProposedMove['phase'], reason: string) => {
    const from = c.seller_id;
    const sameSegment = serves(to, c.segment);
    if (from && load.has(from)) {
      load.set(from, load.get(from)! - c.workload);
      const list = givable.get(from)!.get(c.segment);
      const at = list ? firstAtLeast(list, c.workload, c.customer_id) : -1;
      if (list && list[at] === c) list.splice(at, 1);
      if (c.segment) segments.get(from)!.set(c.segment, segments.get(from)!.get(c.segment)! - 1);
    }
    load.set(to, load.get(to)! + c.workload);
    if (c.segment) segments.get(to)!.set(c.segment, (segments.get(to)!.get(c.segment) ?? 0) + 1);
    moves.push({
      step: moves.length + 1,
      phase,
      customer_id: c.customer_id,
      from_seller_id: from,
      to_seller_id: to,
      reason_pt: reason,
      is_same_segment: sameSegment,
      from_workload_after: from && load.has(from) ? load.get(from)! : null,
      to_workload_after: load.get(to)!,
      workload_cv_after: coefficientOfVariation([...load.values()]),
    });
  };

  const orphans = customers.filter((c) => c.orphan_reason).sort((a, b) => b.workload - a.workload || byCode(a.customer_id, b.customer_id));
  for (const c of orphans) {
    const peers = c.region ? byRegion.get(c.region) : undefined;
    if (!peers) continue;
    const mean = peers.reduce((sum, id) => sum + load.get(id)!, 0) / peers.length;
    const fits = (id: string) => serves(id, c.segment) && load.get(id)! <= mean + EPSILON;
    const to = first(peers, (a, b) => Number(fits(b)) - Number(fits(a)) || load.get(a)! - load.get(b)! || byCode(a, b));
    const where = fits(to) ? 'destino abaixo da média da região e já atende o segmento' : 'destino com a menor carga da região';
    give(c, to, 'orphaned', `${ORPHAN_REASONS[c.orphan_reason!] ?? c.orphan_reason}; ${where}`);
  }

  const maxMoves = Math.floor(rules.max_moved_share * customers.length);
  const regions = [...byRegion.entries()].filter(([, ids]) => ids.length > 1).sort(([a], [b]) => byCode(a, b));
  for (let balanced = 0; balanced < maxMoves; balanced++) {
    let best: { c: BalanceCustomer; to: string; reduction: number; reason: string } | null = null;
    for (const [, ids] of regions) {
      const a = first(ids, (x, y) => load.get(y)! - load.get(x)! || byCode(x, y));
      const b = first(ids, (x, y) => load.get(x)! - load.get(y)! || byCode(x, y));
      const mean = ids.reduce((sum, id) => sum + load.get(id)!, 0) / ids.length;
      if (a === b || load.get(a)! <= (1 + rules.overload_tolerance_share) * mean + EPSILON) continue;
      const gap = load.get(a)! - load.get(b)!;
      let pick: { c: BalanceCustomer; same: boolean; distance: number } | null = null;
      for (const [segment, list] of givable.get(a)!) {
        const found = closestToHalf(list, gap);
        if (!found) continue;
        const candidate = { c: found, same: serves(b, segment), distance: Math.abs(found.workload - gap / 2) };
        const order = !pick
          ? -1
          : Number(pick.same) - Number(candidate.same) || candidate.distance - pick.distance || byCode(candidate.c.customer_id, pick.c.customer_id);
        if (order < 0) pick = candidate;
      }
      if (!pick) continue;
      const reduction = 2 * pick.c.workload * (gap - pick.c.workload);
      if (!best || reduction > best.reduction + EPSILON) {
        const above = Math.round(100 * (load.get(a)! / mean - 1));
        best = { c: pick.c, to: b, reduction, reason: `Carteira ${above}% acima da média da região` };
      }
    }
    if (!best) break;
    give(best.c, best.to, 'balance', best.reason);
  }
  return moves;
}
