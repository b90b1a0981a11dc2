import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd, type BgNbdParams } from '../../pipelines/models/bgnbd.ts';
import { simulateBgNbdSummaries } from '../../pipelines/models/simulatePurchases.ts';
import { standardErrors } from './standardErrors.ts';

const CUSTOMERS = 50_000;
// Ages spread over one to three years: long enough for the dropout process to show, as a BG/NBD fit needs.
const ageInWeeks = (rng: { float(): number }) => 52 + rng.float() * 104;

const cases: { name: string; truth: BgNbdParams; seed: number }[] = [
  { name: 'CDNOW-like (r = 0.25, α = 4, a = 0.8, b = 2.5)', truth: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, seed: 20260630 },
  { name: 'frequent buyers with low dropout (r = 1.2, α = 10, a = 0.5, b = 4)', truth: { r: 1.2, alpha: 10, a: 0.5, b: 4 }, seed: 41 },
];

describe.each(cases)('BG/NBD parameter recovery, $name', ({ truth, seed }) => {
  const summaries = simulateBgNbdSummaries(truth, CUSTOMERS, seed, ageInWeeks);
  const fit = fitBgNbd(summaries);
  const names = ['r', 'alpha', 'a', 'b'] as const;
  const estimate = names.map((n) => fit[n]);
  const se = standardErrors((theta) => bgNbdLogLikelihood({ r: theta[0]!, alpha: theta[1]!, a: theta[2]!, b: theta[3]! }, summaries), estimate);

  it('converges to a maximum at least as likely as the true parameters', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(CUSTOMERS);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(truth, summaries));
  });

  it('recovers every parameter within 3 standard errors (from the Hessian of the log-likelihood)', () => {
    for (const [i, n] of names.entries()) expect(Math.abs(fit[n] - truth[n]), `${n}: estimate ${fit[n]}, SE ${se[i]}`).toBeLessThan(3 * se[i]!);
  });

  it('recovers r and α within 5% and has standard errors small enough for those checks to bite', () => {
    expect(Math.abs(fit.r / truth.r - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.alpha / truth.alpha - 1)).toBeLessThan(0.05);
    // Relative SEs: r and α are pinned within a few %, the weakly identified a and b within ~5%.
    expect(se[0]! / truth.r).toBeLessThan(0.02);
    expect(se[1]! / truth.alpha).toBeLessThan(0.02);
    expect(se[2]! / truth.a).toBeLessThan(0.05);
    expect(se[3]! / truth.b).toBeLessThan(0.05);
  });
});

describe('BG/NBD fit when every customer has the same purchase rate and dropout probability', () => {
  // λ ~ Gamma(10⁶, rate 10⁷) and p ~ Beta(2·10⁵, 8·10⁵) are λ = 0.1 and p = 0.2 for everyone: the likelihood
  // is highest in the limit r, α, a, b → ∞, which the search must approach and stop at, not wander along.
  const truth = { r: 1e6, alpha: 1e7, a: 2e5, b: 8e5 };
  const summaries = simulateBgNbdSummaries(truth, 20_000, 3, ageInWeeks);
  const fit = fitBgNbd(summaries);

  it('converges, with the mean rate r/α and the mean dropout a/(a + b) of the population', () => {
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(2000);
    expect(Math.abs(fit.r / fit.alpha / 0.1 - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.a / (fit.a + fit.b) / 0.2 - 1)).toBeLessThan(0.05);
    expect(fit.r).toBeGreaterThan(100);
  });
});
