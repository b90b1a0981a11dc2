import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, expectedPurchases, pAlive, type BgNbdParams } from '../../pipelines/models/bgnbd.ts';
import { integrateUnitInterval } from './quadrature.ts';

// Fader, Hardie & Lee (2005), CDNOW calibration: the published estimates.
const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * The posterior of the generative story, integrated numerically. Given λ and p, a customer with x repeat
 * purchases by t_x is still alive with likelihood (1 − p)^x λ^x e^(−λT) and has dropped out at t_x with
 * p(1 − p)^(x−1) λ^x e^(−λ t_x); alive, it buys (1 − e^(−λpt))/p times in the next t. λ is integrated with
 * ∫ λ^(k−1) e^(−λs) dλ = Γ(k)/s^k, p by quadrature; no ₂F₁ and no closed form of the model is used.
 */
function byQuadrature({ r, alpha, a, b }: BgNbdParams, t: number, x: number, tx: number, T: number) {
  const k = r + x;
  const deadOverAlive = Math.exp(k * Math.log1p((T - tx) / (alpha + tx))); // (α + t_x)^−k relative to (α + T)^−k
  const alive = integrateUnitInterval((p, q) => p ** (a - 1) * q ** (b - 1 + x));
  const dead = x > 0 ? integrateUnitInterval((p, q) => p ** a * q ** (b + x - 2)) * deadOverAlive : 0;
  // (1 − ((α + T)/(α + T + pt))^k)/p, written so that it stays exact as p → 0.
  const boughtPerP = (p: number) => -Math.expm1(-k * Math.log1p((p * t) / (alpha + T))) / p;
  const purchases = integrateUnitInterval((p, q) => p ** (a - 1) * q ** (b - 1 + x) * boughtPerP(p));
  return { pAlive: alive / (alive + dead), expected: purchases / (alive + dead) };
}

describe('P(alive)', () => {
  it('is 1 for a customer without repeat purchases, whatever the age', () => {
    expect(pAlive(cdnow, 0, 0, 0)).toBe(1);
    expect(pAlive(cdnow, 0, 0, 500)).toBe(1);
  });

  it('is 1/(1 + a/(b + x − 1)) when the last purchase was just now', () => {
    // x = 2, t_x = T: 1/(1 + 0.793/3.426) = 3.426/4.219
    expect(pAlive(cdnow, 2, 40, 40)).toBeCloseTo(3.426 / 4.219, 14);
  });

  it('falls towards 0 as the silence since the last purchase grows', () => {
    const values = [40, 60, 100, 400, 4000].map((T) => pAlive(cdnow, 3, 40, T));
    for (const [i, v] of values.slice(1).entries()) expect(v).toBeLessThan(values[i]!);
    // T = 4000: 1/(1 + 0.793/4.426 · (4004.414/44.414)^3.243) ≈ 2.6e-6
    expect(values.at(-1)).toBeLessThan(1e-5);
  });

  it('matches the posterior integrated numerically', () => {
    for (const [x, tx, T] of [
      [1, 5, 30],
      [2, 30.43, 38.86],
      [7, 20, 52],
      [40, 90, 100],
    ] as const) {
      expect(pAlive(cdnow, x, tx, T)).toBeCloseTo(byQuadrature(cdnow, 1, x, tx, T).pAlive, 10);
    }
  });
});

describe('expected purchases E[Y(t) | x, t_x, T]', () => {
  it('reproduces the 1.226 of Fader, Hardie & Lee for CDNOW customer 0001 (x = 2, t_x = 30.43, T = 38.86, t = 39)', () => {
    expect(expectedPurchases(cdnow, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    expect(byQuadrature(cdnow, 39, 2, 30.43, 38.86).expected).toBeCloseTo(1.226, 3);
  });

  it('matches the posterior integrated numerically, including x = 0, a = 1, a + b < 1 and hundreds of purchases', () => {
    const cases: [BgNbdParams, number, number, number, number][] = [
      [cdnow, 39, 2, 30.43, 38.86],
      [cdnow, 12.857, 0, 0, 20],
      [cdnow, 12.857, 0, 0, 0],
      [cdnow, 52, 12, 70, 78],
      [{ r: 0.8, alpha: 2, a: 1, b: 3 }, 26, 3, 10, 40],
      [{ r: 0.8, alpha: 2, a: 0.3, b: 0.4 }, 26, 0, 0, 15],
      [{ r: 2.5, alpha: 12, a: 2.2, b: 0.7 }, 13, 5, 30, 31],
      [{ r: 0.5, alpha: 3, a: 0.9, b: 2 }, 13, 300, 599, 600],
      // Purchase rates that barely vary (r large) over a long horizon, on both sides of the switch
      // between the two series, and with a close to 1 there too.
      [{ r: 1e4, alpha: 1e4, a: 0.8, b: 2.5 }, 52, 30, 28, 30],
      [{ r: 1e8, alpha: 2e8, a: 1.5, b: 4 }, 52, 12, 25, 30],
      [{ r: 12, alpha: 20, a: 0.8, b: 2.5 }, 52, 3, 10, 26],
      [{ r: 30, alpha: 20, a: 0.8, b: 2.5 }, 52, 3, 10, 26],
      [{ r: 500, alpha: 250, a: 1 + 1e-6, b: 2 }, 52, 10, 20, 26],
    ];
    for (const [params, t, x, tx, T] of cases) {
      const reference = byQuadrature(params, t, x, tx, T).expected;
      expect(Math.abs(expectedPurchases(params, t, x, tx, T) - reference), JSON.stringify({ params, t, x, tx, T, reference })).toBeLessThan(
        1e-9 * Math.max(1, reference),
      );
    }
  });

  it('matches the posterior integrated numerically across a grid of parameters, ages and purchase counts', () => {
    let worst = 0;
    for (const r of [0.1, 1, 12, 25, 1e3, 1e6])
      for (const rate of [0.05, 1])
        for (const x of [0, 1, 50, 500]) {
          for (const a of [0.3, 1, 1.0005, 2])
            for (const b of [0.5, 3])
              for (const T of [0, 150]) {
                const params = { r, alpha: r / rate, a, b };
                const reference = byQuadrature(params, 52, x, 0.8 * T, T).expected;
                worst = Math.max(worst, Math.abs(expectedPurchases(params, 52, x, 0.8 * T, T) / reference - 1));
              }
        }
    expect(worst).toBeLessThan(1e-8);
  });

  it('is 0 for a horizon of 0 and grows like P(alive)·(r + x)/(α + T)·t for a short one', () => {
    expect(expectedPurchases(cdnow, 0, 2, 30.43, 38.86)).toBe(0);
    const t = 1e-6;
    const slope = (pAlive(cdnow, 2, 30.43, 38.86) * (cdnow.r + 2)) / (cdnow.alpha + 38.86);
    expect(expectedPurchases(cdnow, t, 2, 30.43, 38.86) / t).toBeCloseTo(slope, 6);
  });

  it('is continuous in a across a = 1, where the closed form divides by a − 1', () => {
    const at = (a: number) => expectedPurchases({ ...cdnow, a }, 13, 3, 20, 30);
    expect(at(1)).toBeCloseTo(at(1 + 1e-9), 8);
    expect(at(1)).toBeCloseTo(at(1 - 1e-9), 8);
  });
});

describe('the BG/NBD log-likelihood', () => {
  it('is r·log(α/(α + T)) for a customer without repeat purchases', () => {
    expect(bgNbdLogLikelihood(cdnow, [{ x: 0, tx: 0, T: 30, count: 1 }])).toBeCloseTo(0.243 * Math.log(4.414 / 34.414), 12);
  });

  it('is log(b/(a + b)·rα^r/(α + T)^(r+1) + a/(a + b)·rα^r/(α + t_x)^(r+1)) for one repeat purchase, weighted by count', () => {
    const { r, alpha, a, b } = cdnow;
    const one = Math.log(((b / (a + b)) * r * alpha ** r) / (alpha + 30) ** (r + 1) + ((a / (a + b)) * r * alpha ** r) / (alpha + 12) ** (r + 1));
    expect(bgNbdLogLikelihood(cdnow, [{ x: 1, tx: 12, T: 30, count: 3 }])).toBeCloseTo(3 * one, 10);
  });

  it('stays finite for a customer with 500 or 1,000 repeat purchases and a long age, with P(alive) in [0, 1]', () => {
    for (const [x, tx, T] of [
      [500, 999.9, 1000],
      [500, 10, 5000],
      [1000, 2999, 3000],
      [1000, 1, 1e5],
    ] as const) {
      const ll = bgNbdLogLikelihood(cdnow, [{ x, tx, T, count: 1_000_000 }]);
      expect(Number.isFinite(ll)).toBe(true);
      const alive = pAlive(cdnow, x, tx, T);
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
      const expected = expectedPurchases(cdnow, 52, x, tx, T);
      expect(Number.isFinite(expected) && expected >= 0).toBe(true);
    }
  });

  it('rejects summaries that cannot come from a purchase history', () => {
    expect(() => bgNbdLogLikelihood(cdnow, [{ x: 2, tx: 40, T: 30, count: 1 }])).toThrow(/0 ≤ t_x ≤ T/);
    expect(() => bgNbdLogLikelihood(cdnow, [{ x: 1.5, tx: 4, T: 30, count: 1 }])).toThrow(/integer x/);
  });
});
