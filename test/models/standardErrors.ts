/**
 * Standard errors of a maximum-likelihood fit from the observed information: the numerical Hessian of
 * −log L in the log-parameters (central differences), inverted; by the delta method SE(θ) = θ · SE(log θ).
 */
export function standardErrors(logLikelihood: (theta: number[]) => number, estimate: number[], step = 1e-3): number[] {
  const n = estimate.length;
  const f = (u: number[]) => -logLikelihood(u.map(Math.exp));
  const at = (shifts: [number, number][]) => f(estimate.map((t, i) => Math.log(t) + shifts.filter(([j]) => j === i).reduce((s, [, h]) => s + h, 0)));
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value =
        (at([
          [i, step],
          [j, step],
        ]) -
          at([
            [i, step],
            [j, -step],
          ]) -
          at([
            [i, -step],
            [j, step],
          ]) +
          at([
            [i, -step],
            [j, -step],
          ])) /
        (4 * step * step);
      hessian[i]![j] = value;
      hessian[j]![i] = value;
    }
  }
  const covariance = invert(hessian);
  return estimate.map((t, i) => {
    const variance = covariance[i]![i]!;
    if (!(variance > 0)) throw new Error(`the Hessian is not positive definite at the estimate (variance ${variance} for parameter ${i})`);
    return t * Math.sqrt(variance);
  });
}

/** Gauss–Jordan inverse with partial pivoting; small dense matrices only. */
function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const m = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (p === 0) throw new Error('singular Hessian');
    for (let k = 0; k < 2 * n; k++) m[col]![k]! /= p;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = m[row]![col]!;
      for (let k = 0; k < 2 * n; k++) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  return m.map((row) => row.slice(n));
}
