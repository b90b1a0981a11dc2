/**
 * The Gaussian hypergeometric function ₂F₁ as a power series. No well-kept npm package has it, and the
 * BG/NBD only needs it for an argument in [0, 1), where the series converges; the guards below turn
 * every case outside that domain into an error that says so instead of a silent NaN.
 */

const MAX_TERMS = 1_000_000;
const RELATIVE_TOLERANCE = 1e-15;

function checkDomain(a: number, b: number, c: number, z: number): void {
  if (![a, b, c, z].every(Number.isFinite)) throw new Error(`₂F₁ needs finite arguments, got a=${a}, b=${b}, c=${c}, z=${z}`);
  if (!(z >= 0 && z < 1)) throw new Error(`₂F₁ series: the argument z must be in [0, 1), got ${z}`);
  if (!(c > -1)) throw new Error(`₂F₁ series: c must be above −1 (no c + k may vanish), got c=${c}`);
}

/**
 * c·(₂F₁(a, b; c; z) − 1)/b, summed as Σ_{k≥1} (a)_k (b+1)_{k−1} / ((c+1)_{k−1} k!) z^k.
 * Neither b nor c divides any term, so the sum stays exact as b → 0 or c → 0: that is what lets the BG/NBD
 * conditional expectation divide (a − 1) out analytically (its a close to 1) and take c = a + b − 1 ≤ 0
 * for customers without repeat purchases. Defined for c > −1 (so that no c + k vanishes) and z in [0, 1).
 */
export function hyp2f1Remainder(a: number, b: number, c: number, z: number): number {
  checkDomain(a, b, c, z);
  if (z === 0) return 0;
  let term = a * z;
  let sum = term;
  for (let k = 1; k < MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (!Number.isFinite(sum)) throw new Error(`₂F₁ series overflowed at term ${k} (a=${a}, b=${b}, c=${c}, z=${z}); transform the arguments first`);
    // Once a + k and b + k are positive the ratios tend to z from one side, so max(ratio, z) bounds the
    // rest as a geometric series: stop when that bound is below the tolerance.
    const bound = Math.max(ratio, z);
    const pastSignChanges = a + k > 0 && b + k > 0;
    if (pastSignChanges && bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= RELATIVE_TOLERANCE * Math.abs(sum)) return sum;
    if (term === 0) return sum;
  }
  throw new Error(`₂F₁ series did not converge in ${MAX_TERMS} terms (a=${a}, b=${b}, c=${c}, z=${z}): z is too close to 1`);
}

/**
 * log of hyp2f1Remainder(a, b, c, z) when a > 0 and b > 0, so that every term is positive: summed in
 * log space, for sums beyond the range of doubles (the BG/NBD needs e^700 and more when λ barely varies).
 */
export function logHyp2f1Remainder(a: number, b: number, c: number, z: number): number {
  checkDomain(a, b, c, z);
  if (!(a > 0 && b > 0)) throw new Error(`₂F₁ log-space series needs a > 0 and b > 0 (positive terms), got a=${a}, b=${b}`);
  if (z === 0) return -Infinity;
  const logZ = Math.log(z);
  let logTerm = Math.log(a) + logZ;
  let logSum = logTerm;
  for (let k = 1; k < MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    logTerm += Math.log(ratio);
    logSum += Math.log1p(Math.exp(logTerm - logSum));
    const bound = Math.max(ratio, z);
    if (bound < 1 && logTerm + Math.log(bound / (1 - bound)) <= Math.log(RELATIVE_TOLERANCE) + logSum) return logSum;
  }
  throw new Error(`₂F₁ series did not converge in ${MAX_TERMS} terms (a=${a}, b=${b}, c=${c}, z=${z}): z is too close to 1`);
}

/** ₂F₁(a, b; c; z) for z in [0, 1) and c > 0, by its power series; throws outside that domain or without convergence. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(c > 0)) throw new Error(`₂F₁ series: c must be positive, got c=${c}`);
  if (b === 0) return 1;
  return 1 + (b / c) * hyp2f1Remainder(a, b, c, z);
}
