import { Rng } from '../demo/random.ts';
import type { BgNbdParams, PurchaseSummary } from './bgnbd.ts';
import type { GammaGammaParams } from './gammaGamma.ts';

/**
 * The generative stories of the BG/NBD and Gamma-Gamma models, with a seeded generator: the
 * parameter-recovery tests and the fit benchmark draw customers from known parameters with them.
 */

/** A Gamma(shape, rate) draw: Marsaglia–Tsang, with shape < 1 boosted as Gamma(shape + 1)·U^(1/shape). */
export function drawGamma(rng: Rng, shape: number, rate: number): number {
  if (shape < 1) return drawGamma(rng, shape + 1, rate) * (1 - rng.float()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const n = rng.normal();
    const v = (1 + c * n) ** 3;
    if (v <= 0) continue;
    if (Math.log(1 - rng.float()) < 0.5 * n * n + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** A Beta(a, b) draw as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function drawBeta(rng: Rng, a: number, b: number): number {
  const x = drawGamma(rng, a, 1);
  return x / (x + drawGamma(rng, b, 1));
}

/**
 * One customer's repeat-purchase times (weeks after the first purchase at 0) up to T: λ ~ Gamma(r, rate α),
 * p ~ Beta(a, b), purchases as a Poisson process with rate λ, and after each repeat purchase (not the
 * first) the customer drops out with probability p.
 */
export function simulateRepeatPurchases(rng: Rng, { r, alpha, a, b }: BgNbdParams, T: number): number[] {
  const lambda = drawGamma(rng, r, alpha);
  const p = drawBeta(rng, a, b);
  const times: number[] = [];
  let t = 0;
  for (;;) {
    t += -Math.log(1 - rng.float()) / lambda;
    if (t > T) return times;
    times.push(t);
    if (rng.float() < p) return times;
  }
}

/** Simulated customers as distinct (x, t_x, T) summaries with counts; ages are drawn by ageOf. */
export function simulateBgNbdSummaries(params: BgNbdParams, customers: number, seed: number, ageOf: (rng: Rng) => number): PurchaseSummary[] {
  const rng = new Rng(seed);
  const byKey = new Map<string, PurchaseSummary>();
  for (let i = 0; i < customers; i++) {
    const T = ageOf(rng);
    const times = simulateRepeatPurchases(rng, params, T);
    const x = times.length;
    const tx = x > 0 ? times[x - 1]! : 0;
    const key = `${x}|${tx}|${T}`;
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { x, tx, T, count: 1 });
  }
  return [...byKey.values()];
}

/** The mean of x order values of one customer: ν ~ Gamma(q, rate v), each value ~ Gamma(p, rate ν). */
export function simulateMeanOrderValue(rng: Rng, { p, q, v }: GammaGammaParams, x: number): number {
  const nu = drawGamma(rng, q, v);
  let sum = 0;
  for (let i = 0; i < x; i++) sum += drawGamma(rng, p, nu);
  return sum / x;
}
