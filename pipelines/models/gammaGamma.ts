import betaln from '@stdlib/math-base-special-betaln';
import { minimizeNelderMead } from './nelderMead.ts';

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV", and Fader & Hardie's note
 * "The Gamma-Gamma Model of Monetary Value"): each order value z ~ Gamma(p, rate ν) around the customer's
 * own ν ~ Gamma(q, rate v). Fitted on repeat buyers only, x = repeat purchases and m_x = their mean value.
 */

/** Shape p of the order values, shape q and rate v of the customers' ν. */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** One distinct (x, m_x) pair of a repeat buyer and how many customers share it. */
export interface SpendSummary {
  x: number;
  mx: number;
  count: number;
}

/** The maximum-likelihood fit and how the search ended. */
export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  customers: number;
  /** Likelihood evaluations the search used (Nelder–Mead has no gradient steps to count). */
  iterations: number;
  converged: boolean;
}

function checkSpend(summaries: readonly SpendSummary[]): void {
  summaries.forEach((s, i) => {
    if (!(Number.isInteger(s.x) && s.x >= 1 && s.mx > 0 && Number.isFinite(s.mx) && s.count > 0)) {
      throw new Error(
        `Gamma-Gamma summary ${i} is invalid: expected a repeat buyer (integer x ≥ 1), a positive mean value m_x and count > 0, got ${JSON.stringify(s)}`,
      );
    }
  });
}

/**
 * Per customer, Γ(px + q)/(Γ(px) Γ(q)) · v^q · m_x^(px−1) · x^(px) / (v + x·m_x)^(px+q): x·m_x ~ Gamma(px, rate ν)
 * given ν, with ν ~ Gamma(q, rate v) integrated out. The terms in m_x and x alone are summed once here and
 * the log-betas taken per distinct x, so an evaluation costs one log per summary.
 */
function compileSpend(summaries: readonly SpendSummary[]) {
  const n = summaries.length;
  const x = new Float64Array(n);
  const total = new Float64Array(n);
  const count = new Float64Array(n);
  const countByX = new Map<number, number>();
  let customers = 0;
  let sumXLogMean = 0; // Σ count · x · (log m_x + log x)
  let sumLogMean = 0; // Σ count · log m_x
  summaries.forEach((summary, i) => {
    x[i] = summary.x;
    total[i] = summary.x * summary.mx;
    count[i] = summary.count;
    countByX.set(summary.x, (countByX.get(summary.x) ?? 0) + summary.count);
    customers += summary.count;
    sumXLogMean += summary.count * summary.x * (Math.log(summary.mx) + Math.log(summary.x));
    sumLogMean += summary.count * Math.log(summary.mx);
  });
  return { n, x, total, count, countByX: [...countByX], customers, sumXLogMean, sumLogMean };
}

function logLikelihoodOf({ p, q, v }: GammaGammaParams, data: ReturnType<typeof compileSpend>): number {
  // log Γ(px + q) − log Γ(px) − log Γ(q) = −log B(px, q), and q·log v − (px + q)·log(v + x·m_x) =
  // −px·log v − (px + q)·log1p(x·m_x/v): both forms stay exact when q and v grow large together (customers
  // with nearly equal mean spend), where the plain log-gammas and logs would cancel to noise.
  const logV = Math.log(v);
  let ll = p * data.sumXLogMean - data.sumLogMean;
  for (const [x, count] of data.countByX) ll -= count * (betaln(p * x, q) + p * x * logV);
  for (let i = 0; i < data.n; i++) ll -= data.count[i]! * (p * data.x[i]! + q) * Math.log1p(data.total[i]! / v);
  return ll;
}

/** The log-likelihood of the repeat buyers' mean order values (each pair weighted by its count). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, summaries: readonly SpendSummary[]): number {
  checkSpend(summaries);
  return logLikelihoodOf(params, compileSpend(summaries));
}

/**
 * Maximum-likelihood fit of p, q, v on repeat buyers. The search runs on log p, log q and log(v/q): when
 * customers barely differ in their mean spend the maximum lies at q, v → ∞ with v/q (the mean of 1/ν)
 * fixed, and in these coordinates that ridge is one axis, which the simplex follows in a few expansions.
 */
export function fitGammaGamma(summaries: readonly SpendSummary[]): GammaGammaFit {
  checkSpend(summaries);
  const data = compileSpend(summaries);
  const customers = data.customers;
  const weightedMean = summaries.reduce((sum, s) => sum + s.count * s.mx, 0);
  if (customers === 0) throw new Error('Gamma-Gamma fit needs at least one repeat buyer');
  // Start at p = 1, q = 3 and v so that the population mean p·v/(q − 1) equals the observed mean.
  const start = [0, Math.log(3), Math.log((2 * weightedMean) / customers / 3)];
  const unpack = (u: number[]): GammaGammaParams => ({ p: Math.exp(u[0]!), q: Math.exp(u[1]!), v: Math.exp(u[1]! + u[2]!) });
  const minimum = minimizeNelderMead((u) => (u.some((w) => Math.abs(w) > 40) ? Infinity : -logLikelihoodOf(unpack(u), data) / customers), start);
  return { ...unpack(minimum.x), logLikelihood: -minimum.value * customers, customers, iterations: minimum.evaluations, converged: minimum.converged };
}

/**
 * E[M | x, m_x] = p·(v + x·m_x)/(p·x + q − 1): the customer's mean and the population mean p·v/(q − 1),
 * weighted by how many repeat orders were seen (x = 0 gives the population mean). Needs q > 1.
 */
export function expectedAverageValue({ p, q, v }: GammaGammaParams, x: number, mx: number): number {
  if (!(q > 1)) throw new Error(`the Gamma-Gamma expected order value needs q > 1 (the population mean is infinite otherwise), got q=${q}`);
  if (x === 0) return (p * v) / (q - 1);
  return (p * (v + x * mx)) / (p * x + q - 1);
}
