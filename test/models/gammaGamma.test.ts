import { describe, expect, it } from 'vitest';
import { Rng } from '../../pipelines/demo/random.ts';
import { expectedAverageValue, fitGammaGamma, gammaGammaLogLikelihood, type SpendSummary } from '../../pipelines/models/gammaGamma.ts';
import { simulateMeanOrderValue } from '../../pipelines/models/simulatePurchases.ts';
import { standardErrors } from './standardErrors.ts';

describe('Gamma-Gamma expected order value', () => {
  const params = { p: 6, q: 4, v: 15 };

  it('is the population mean p·v/(q − 1) for a customer without repeat purchases', () => {
    expect(expectedAverageValue(params, 0, 999)).toBeCloseTo((6 * 15) / 3, 12);
  });

  it('shrinks the customer mean towards the population: x = 2, m_x = 40 → 6·(15 + 80)/(12 + 3) = 38', () => {
    expect(expectedAverageValue(params, 2, 40)).toBeCloseTo(38, 12);
  });

  it('refuses q ≤ 1, where the population mean is infinite', () => {
    expect(() => expectedAverageValue({ p: 6, q: 1, v: 15 }, 2, 40)).toThrow(/needs q > 1/);
  });
});

describe('Gamma-Gamma parameter recovery (p = 6, q = 4, v = 15, 20,000 repeat buyers)', () => {
  const truth = { p: 6, q: 4, v: 15 };
  const rng = new Rng(99);
  const spends: SpendSummary[] = [];
  for (let i = 0; i < 20_000; i++) {
    const x = rng.int(1, 10);
    spends.push({ x, mx: simulateMeanOrderValue(rng, truth, x), count: 1 });
  }
  const fit = fitGammaGamma(spends);
  const estimate = [fit.p, fit.q, fit.v];
  const se = standardErrors((theta) => gammaGammaLogLikelihood({ p: theta[0]!, q: theta[1]!, v: theta[2]! }, spends), estimate);

  it('converges and recovers p, q and v within 3 standard errors', () => {
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(truth, spends));
    for (const [i, n] of (['p', 'q', 'v'] as const).entries()) expect(Math.abs(fit[n] - truth[n]), `${n}: ${fit[n]} ± ${se[i]}`).toBeLessThan(3 * se[i]!);
    for (const [i, s] of se.entries()) expect(s / estimate[i]!).toBeLessThan(0.1);
  });

  it('gives the same fit when equal customers are merged into one summary with a count', () => {
    const doubled = fitGammaGamma(spends.slice(0, 2000).map((s) => ({ ...s, count: 2 })));
    const repeated = fitGammaGamma([...spends.slice(0, 2000), ...spends.slice(0, 2000)]);
    expect(doubled.p).toBeCloseTo(repeated.p, 4);
    expect(doubled.q).toBeCloseTo(repeated.q, 4);
    expect(doubled.v).toBeCloseTo(repeated.v, 3);
  });

  it('rejects customers without repeat purchases or with a non-positive mean value', () => {
    expect(() => fitGammaGamma([{ x: 0, mx: 10, count: 1 }])).toThrow(/repeat buyer/);
    expect(() => fitGammaGamma([{ x: 2, mx: 0, count: 1 }])).toThrow(/positive mean value/);
  });
});

describe('Gamma-Gamma fit when every customer has the same mean order value', () => {
  // ν = 0.4 for everyone (q, v → ∞ with v/q = 2.5): order values ~ Gamma(p = 5, rate 0.4), mean 12.5.
  const rng = new Rng(7);
  const spends: SpendSummary[] = [];
  for (let i = 0; i < 5000; i++) {
    const x = rng.int(1, 6);
    spends.push({ x, mx: simulateMeanOrderValue(rng, { p: 5, q: 1e7, v: 2.5e7 }, x), count: 1 });
  }
  const fit = fitGammaGamma(spends);

  it('converges near the limit and predicts close to the common mean for everyone', () => {
    // Sampling noise may put the maximum at a large finite q rather than at infinity; either way the
    // search must stop, and the fit must say the customers barely differ.
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(2000);
    expect(fit.q).toBeGreaterThan(100);
    // The mean of ~17,500 values with CV 1/√5 has an SE of 0.3%.
    expect(Math.abs(expectedAverageValue(fit, 0, 0) / 12.5 - 1)).toBeLessThan(0.01);
    // A customer whose 3 repeat orders averaged 30 is moved less than a tenth of the way from 12.5 towards 30.
    expect(expectedAverageValue(fit, 3, 30) - 12.5).toBeLessThan(0.1 * (30 - 12.5));
  });
});
