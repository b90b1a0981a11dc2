import { describe, expect, it } from 'vitest';
import { hyp2f1, hyp2f1Remainder, logHyp2f1Remainder } from '../../pipelines/models/hypergeometric.ts';

describe('the ₂F₁ power series', () => {
  it('matches closed forms: −log(1 − z)/z, (1 − z)^−a and arcsin(√z)/√z', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log1p(-z) / z, 12);
      expect(hyp2f1(2.5, 0.7, 0.7, z)).toBeCloseTo((1 - z) ** -2.5, 9);
      expect(hyp2f1(0.5, 0.5, 1.5, z)).toBeCloseTo(z === 0 ? 1 : Math.asin(Math.sqrt(z)) / Math.sqrt(z), 12);
    }
  });

  it('terminates for a negative integer parameter: ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b + 1)z²/(c(c + 1))', () => {
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / (4 * 5), 14);
  });

  it('keeps c(₂F₁ − 1)/b exact as b → 0 and for c in (−1, 0]', () => {
    // c(F − 1)/b → c · Σ (a)_k (k − 1)!/((c)_k k!) z^k as b → 0; for a = 1, c = 1: Σ z^k/k = −log(1 − z).
    expect(hyp2f1Remainder(1, 0, 1, 0.5)).toBeCloseTo(Math.log(2), 14);
    expect(hyp2f1Remainder(1, 1e-12, 1, 0.5)).toBeCloseTo(Math.log(2), 10);
    // c = 0: only the terms' numerators remain: Σ_k (a)_k (b + 1)_{k−1}/((1)_{k−1} k!) z^k, with a = 1, b = 0: Σ z^k = z/(1 − z).
    expect(hyp2f1Remainder(1, 0, 0, 0.25)).toBeCloseTo(1 / 3, 14);
  });

  it('sums in log space past the range of doubles: with b = c the remainder is (1 − z)^−a − 1', () => {
    expect(logHyp2f1Remainder(3, 1.5, 1.5, 0.5)).toBeCloseTo(Math.log(2 ** 3 - 1), 13);
    // (1 − 0.5)^−2000 − 1 ≈ 2^2000, about 10^602.
    expect(logHyp2f1Remainder(2000, 1.5, 1.5, 0.5) / (2000 * Math.LN2)).toBeCloseTo(1, 13);
    expect(() => logHyp2f1Remainder(-1, 1.5, 1.5, 0.5)).toThrow(/positive terms/);
  });

  it('refuses arguments outside its domain, naming the bad one', () => {
    expect(() => hyp2f1(1, 1, 0, 0.5)).toThrow(/c must be positive, got c=0/);
    expect(() => hyp2f1(1, 1, -0.5, 0.5)).toThrow(/c must be positive/);
    expect(() => hyp2f1Remainder(1, 1, -1, 0.5)).toThrow(/c must be above −1/);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z must be in \[0, 1\), got 1/);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(/z must be in \[0, 1\)/);
    expect(() => hyp2f1(Number.NaN, 1, 2, 0.5)).toThrow(/finite arguments/);
  });

  it('reports non-convergence instead of returning a truncated sum when z is too close to 1', () => {
    expect(() => hyp2f1(1, 1, 1.5, 1 - 1e-9)).toThrow(/did not converge/);
  });
});
