import { hyp2f1Remainder, logHyp2f1Remainder } from './hypergeometric.ts';
import { minimizeNelderMead } from './nelderMead.ts';

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"), with the
 * formulas in docs/customer-value.md. Time is in weeks; x counts repeat purchases (distinct purchase days after the first).
 */

/** Purchase rate λ ~ Gamma(r, rate α); dropout probability p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One distinct (x, t_x, T) combination and how many customers share it. */
export interface PurchaseSummary {
  x: number;
  tx: number;
  T: number;
  count: number;
}

/** The maximum-likelihood fit and how the search ended. */
export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  customers: number;
  /** Likelihood evaluations the search used (Nelder–Mead has no gradient steps to count). */
  iterations: number;
  converged: boolean;
}

/**
 * The summaries as columns, with each distinct x, t_x and T kept once: an evaluation of the likelihood
 * then takes logs per distinct x and per distinct time, and only plain arithmetic per combination, which is what keeps a million customers (~10⁵ combinations) at milliseconds per call.
 */
function compileSummaries(summaries: readonly PurchaseSummary[]) {
  const index = (values: Map<number, number>, v: number) => {
    let i = values.get(v);
    if (i === undefined) {
      i = values.size;
      values.set(v, i);
    }
    return i;
  };
  const xs = new Map<number, number>();
  const times = new Map<number, number>();
  const n = summaries.length;
  const xIndex = new Int32Array(n);
  const txIndex = new Int32Array(n);
  const TIndex = new Int32Array(n);
  const count = new Float64Array(n);
  const hasRepeat = new Uint8Array(n);
  summaries.forEach((s, i) => {
    if (!(Number.isInteger(s.x) && s.x >= 0 && s.tx >= 0 && s.T >= s.tx && s.count > 0) || (s.x === 0 && s.tx !== 0)) {
      throw new Error(`BG/NBD summary ${i} is invalid: expected an integer x ≥ 0, 0 ≤ t_x ≤ T (t_x = 0 when x = 0) and count > 0, got ${JSON.stringify(s)}`);
    }
    xIndex[i] = index(xs, s.x);
    txIndex[i] = index(times, s.tx);
    TIndex[i] = index(times, s.T);
    count[i] = s.count;
    hasRepeat[i] = s.x > 0 ? 1 : 0;
  });
  const distinctTimes = Float64Array.from(times.keys());
  const maxX = Math.max(0, ...xs.keys());
  const scratch = { logTime: new Float64Array(distinctTimes.length), logRising: new Float64Array(maxX + 1), logBetaRatio: new Float64Array(maxX + 1) };
  return { distinctX: [...xs.keys()], distinctTimes, maxX, ...scratch, xIndex, txIndex, TIndex, count, hasRepeat, n };
}

type Compiled = ReturnType<typeof compileSummaries>;

/**
 * Σ count · log L. The ratios of gamma and beta functions are taken as running sums over x,
 * log Γ(r + x)/Γ(r) = Σ_{j<x} log(r + j) and log B(a, b + x)/B(a, b) = Σ_{j<x} log((b + j)/(a + b + j)),
 * and r·log α − (r + x)·log(α + T) as −x·log α − (r + x)·log1p(T/α): exact for integer x, and free of the
 * cancellation that differences of log-gammas suffer when r, α (or a, b) grow large together, which is
 * where the maximum lies for customers who barely differ in rate (or in dropout).
 */
function logLikelihoodOf(params: BgNbdParams, data: Compiled): number {
  const { r, alpha, a, b } = params;
  const { logRising, logBetaRatio, logTime, distinctTimes, xIndex, TIndex, txIndex, hasRepeat, count } = data;
  for (let j = 0; j < data.maxX; j++) {
    logRising[j + 1] = logRising[j]! + Math.log(r + j);
    logBetaRatio[j + 1] = logBetaRatio[j]! + Math.log1p(-a / (a + b + j));
  }
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  // Per distinct x: the parts of both terms that do not depend on time, and the exponent r + x.
  const alive = new Float64Array(data.distinctX.length);
  const dropped = new Float64Array(data.distinctX.length);
  const power = new Float64Array(data.distinctX.length);
  data.distinctX.forEach((x, k) => {
    const common = logRising[x]! - x * logAlpha;
    alive[k] = common + logBetaRatio[x]!;
    dropped[k] = x > 0 ? common + logA - Math.log(a + b + x - 1) + logBetaRatio[x - 1]! : -Infinity;
    power[k] = r + x;
  });
  for (let j = 0; j < distinctTimes.length; j++) logTime[j] = Math.log1p(distinctTimes[j]! / alpha);
  let total = 0;
  for (let i = 0; i < data.n; i++) {
    const k = xIndex[i]!;
    const termAlive = alive[k]! - power[k]! * logTime[TIndex[i]!]!;
    let ll = termAlive;
    if (hasRepeat[i]) {
      // log(e^u + e^v) taken around the larger term, so neither exponential overflows.
      const termDropped = dropped[k]! - power[k]! * logTime[txIndex[i]!]!;
      ll = termAlive > termDropped ? termAlive + Math.log1p(Math.exp(termDropped - termAlive)) : termDropped + Math.log1p(Math.exp(termAlive - termDropped));
    }
    total += count[i]! * ll;
  }
  return total;
}

/** The log-likelihood of the summaries (each combination weighted by its count), in log space throughout. */
export function bgNbdLogLikelihood(params: BgNbdParams, summaries: readonly PurchaseSummary[]): number {
  return logLikelihoodOf(params, compileSummaries(summaries));
}

/**
 * Maximum-likelihood fit on the distinct (x, t_x, T) combinations. The search runs on log r, log(α/r),
 * log(a/b) and log(a + b): when customers barely differ in purchase rate (or in dropout) the maximum lies
 * at r, α → ∞ with r/α fixed (or a + b → ∞ with a/b fixed), and in these coordinates each such ridge is
 * one axis, which the simplex follows in a few expansions instead of creeping along a diagonal.
 */
export function fitBgNbd(summaries: readonly PurchaseSummary[]): BgNbdFit {
  const data = compileSummaries(summaries);
  let customers = 0;
  let weightedX = 0;
  let weightedT = 0;
  for (let i = 0; i < data.n; i++) {
    customers += data.count[i]!;
    weightedX += data.count[i]! * summaries[i]!.x;
    weightedT += data.count[i]! * summaries[i]!.T;
  }
  if (customers === 0) throw new Error('BG/NBD fit needs at least one customer');
  // Start from r = 1 with α matching the mean purchase rate, a = 1, b = 3. The search works on the mean
  // log-likelihood per customer, so its tolerances mean the same for 100 customers as for a million.
  const meanRate = (weightedX + 1) / (weightedT + 1);
  const start = [0, Math.log(1 / meanRate), Math.log(1 / 3), Math.log(4)];
  const unpack = (v: number[]): BgNbdParams => {
    const concentration = Math.exp(v[3]!);
    const dropoutMean = 1 / (1 + Math.exp(-v[2]!));
    return { r: Math.exp(v[0]!), alpha: Math.exp(v[0]! + v[1]!), a: concentration * dropoutMean, b: concentration * (1 - dropoutMean) };
  };
  const minimum = minimizeNelderMead((v) => (v.some((u) => Math.abs(u) > 25) ? Infinity : -logLikelihoodOf(unpack(v), data) / customers), start);
  const params = unpack(minimum.x);
  return { ...params, logLikelihood: -minimum.value * customers, customers, iterations: minimum.evaluations, converged: minimum.converged };
}

/**
 * log of a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x): the odds that a customer with x > 0 has dropped out.
 * The ratio's log is log1p((T − t_x)/(α + t_x)), which keeps its digits when α is large.
 */
const logDropoutOdds = ({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number) =>
  Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));

/** P(alive | x, t_x, T): 1 when x = 0, else 1/(1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)). */
export function pAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(logDropoutOdds(params, x, tx, T)));
}

/**
 * E[Y(t) | x, t_x, T], the expected purchases in the next t weeks:
 * (a + b + x − 1)/(a − 1) · [1 − (1 − z)^(r+x) ₂F₁(r + x, b + x; c; z)] / (1 + 1{x > 0} · dropout odds),
 * with c = a + b + x − 1 and z = t/(α + T + t), taken one of two ways so that no digits are lost.
 */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (!(t >= 0)) throw new Error(`expected purchases need a horizon t ≥ 0 weeks, got ${t}`);
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  const logOneMinusZ = -Math.log1p(t / (alpha + T));
  // The Euler-transformed series has terms up to about e^(|a + b − 1 − r|·z) that cancel: fine while
  // that exponent is small, which covers every population whose purchase rates really vary.
  const numerator = Math.abs(a + b - 1 - r) * z <= 10 ? eulerNumerator(params, x, z, logOneMinusZ) : positiveNumerator(params, x, z, logOneMinusZ);
  return x === 0 ? numerator : numerator / (1 + Math.exp(logDropoutOdds(params, x, tx, T)));
}

/**
 * For hundreds of purchases, (1 − z)^(r+x) underflows while ₂F₁(r + x, b + x; c; z) overflows. Euler's
 * transformation ₂F₁(α₁, β₁; c; z) = (1 − z)^(c−α₁−β₁) ₂F₁(c − α₁, c − β₁; c; z) turns their product into
 * (1 − z)^(a−1) · ₂F₁(a + b − 1 − r, a − 1; c; z), whose terms stay small. Writing that ₂F₁ as
 * 1 + (a − 1)/c · R (see hyp2f1Remainder) divides (a − 1)/c out of the numerator exactly:
 * c/(a − 1) · [1 − (1 − z)^(a−1) ₂F₁] = −c · expm1((a − 1) ln(1 − z))/(a − 1) − (1 − z)^(a−1) · R,
 * with the limit −c · ln(1 − z) at a = 1. So a close to 1 and c ≤ 0 (a + b < 1, x = 0) need no special case.
 */
function eulerNumerator({ r, a, b }: BgNbdParams, x: number, z: number, logOneMinusZ: number): number {
  const c = a + b + x - 1;
  const epsilon = a - 1;
  const expm1Ratio = epsilon === 0 ? logOneMinusZ : Math.expm1(epsilon * logOneMinusZ) / epsilon;
  return -c * expm1Ratio - Math.exp(epsilon * logOneMinusZ) * hyp2f1Remainder(a + b - 1 - r, epsilon, c, z);
}

/**
 * When r is large (purchase rates that barely vary) and the horizon long, the Euler series cancels, but
 * then the original series has only positive terms: with ₂F₁ = 1 + (b + x)/c · R, the numerator is
 * [c·(1 − P) − P·(b + x)·R]/(a − 1) with P = (1 − z)^(r+x), and P·R is formed in log space. Within 10⁻³
 * of a = 1 that difference cancels, so the value there is the cubic through a = 1 ± 10⁻³ and 1 ± 2·10⁻³
 * (the numerator is smooth in a); relative error about 10⁻⁷ at worst.
 */
function positiveNumerator(params: BgNbdParams, x: number, z: number, logOneMinusZ: number): number {
  const { a } = params;
  if (Math.abs(a - 1) >= 1e-3) return positiveNumeratorAt(params, x, z, logOneMinusZ);
  const nodes = [-2, -1, 1, 2].map((k) => 1 + k * 1e-3);
  return nodes.reduce((sum, node, i) => {
    const weight = nodes.reduce((w, other, j) => (i === j ? w : (w * (a - other)) / (node - other)), 1);
    return sum + weight * positiveNumeratorAt({ ...params, a: node }, x, z, logOneMinusZ);
  }, 0);
}

function positiveNumeratorAt({ r, a, b }: BgNbdParams, x: number, z: number, logOneMinusZ: number): number {
  const c = a + b + x - 1;
  const logP = (r + x) * logOneMinusZ;
  const pTimesR = Math.exp(logP + Math.log(b + x) + logHyp2f1Remainder(r + x, b + x, c, z));
  return (-c * Math.expm1(logP) - pTimesR) / (a - 1);
}
