/**
 * Nelder–Mead simplex minimisation with restarts. Hand-written because the models only need three or
 * four unconstrained parameters (on the log scale, so every value is admissible) and a method without
 * derivatives, and the npm candidates are unmaintained (fmin 0.0.x, untyped; numeric 1.2.6 from 2012).
 * Restarting from the best point with a fresh simplex is the standard remedy for a simplex that collapsed
 * early (Numerical Recipes §10.5); the search ends when a restart no longer improves the value.
 */

/** What the search found and whether it met the tolerances. */
export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
}

/**
 * A pass stops when the values at the simplex's vertices differ by less than valueTolerance (relative).
 * No tolerance on the simplex size: when the maximum lies at infinity (a model's limit case, such as no
 * heterogeneity) the simplex never shrinks, while the values flatten; a restart then confirms the stop.
 */
export interface NelderMeadOptions {
  step?: number;
  valueTolerance?: number;
  maxEvaluations?: number;
  maxRestarts?: number;
}

/** Minimises f from start; non-finite values count as +∞, so f may return NaN outside its domain. */
export function minimizeNelderMead(f: (x: number[]) => number, start: number[], options: NelderMeadOptions = {}): Minimum {
  const { step = 0.5, valueTolerance = 1e-11, maxEvaluations = 20_000, maxRestarts = 20 } = options;
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: start, value: value(start) };
  let converged = false;
  let restarts = 0;
  for (; restarts <= maxRestarts && evaluations < maxEvaluations; restarts++) {
    const pass = simplexPass(value, best.x, restarts === 0 ? step : step / 10, valueTolerance, () => evaluations < maxEvaluations);
    const improved = best.value - pass.value > valueTolerance * (Math.abs(best.value) + valueTolerance);
    if (pass.value <= best.value) best = pass;
    if (pass.converged && !improved && restarts > 0) {
      converged = true;
      break;
    }
  }
  return { x: best.x, value: best.value, evaluations, restarts, converged };
}

function simplexPass(value: (x: number[]) => number, start: number[], step: number, valueTolerance: number, budgetLeft: () => boolean) {
  const n = start.length;
  const points = [start, ...start.map((_, i) => start.map((s, j) => (i === j ? s + step : s)))];
  const values = points.map(value);
  const combine = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i]! - v));
  for (;;) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const sorted = order.map((i) => points[i]!);
    const sortedValues = order.map((i) => values[i]!);
    points.splice(0, n + 1, ...sorted);
    values.splice(0, n + 1, ...sortedValues);
    const spread = values[n]! - values[0]!;
    const converged = spread <= valueTolerance * (Math.abs(values[0]!) + valueTolerance);
    if (converged || !budgetLeft()) return { x: points[0]!, value: values[0]!, converged };
    const centroid = start.map((_, i) => points.slice(0, n).reduce((s, p) => s + p[i]!, 0) / n);
    const worst = points[n]!;
    const reflected = combine(centroid, worst, -1);
    const fr = value(reflected);
    if (fr < values[0]!) {
      const expanded = combine(centroid, worst, -2);
      const fe = value(expanded);
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [points[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n]! ? combine(centroid, worst, -0.5) : combine(centroid, worst, 0.5);
      const fc = value(contracted);
      if (fc < Math.min(fr, values[n]!)) {
        [points[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          points[i] = combine(points[0]!, points[i]!, 0.5);
          values[i] = value(points[i]!);
        }
      }
    }
  }
}
