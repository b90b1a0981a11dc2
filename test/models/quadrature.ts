/**
 * ∫₀¹ f(p, 1 − p) dp by tanh-sinh (double-exponential) quadrature, which converges fast even with the
 * algebraic end-point singularities of Beta densities. p and 1 − p are both passed, each computed
 * without cancellation, so (1 − p)^k stays accurate next to 1.
 */
export function integrateUnitInterval(f: (p: number, q: number) => number, step = 1 / 64, halfWidth = 6): number {
  let sum = 0;
  for (let t = -halfWidth; t <= halfWidth + 1e-12; t += step) {
    const s = Math.PI * Math.sinh(t);
    const p = 1 / (1 + Math.exp(-s));
    const q = 1 / (1 + Math.exp(s));
    if (p === 0 || q === 0) continue;
    sum += f(p, q) * (Math.PI / 2) * Math.cosh(t) * p * q;
  }
  return sum * step;
}
