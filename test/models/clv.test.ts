import { describe, expect, it } from 'vitest';
import { expectedPurchases } from '../../pipelines/models/bgnbd.ts';
import { customerLifetimeValue, discountedExpectedPurchases, WEEKS_PER_MONTH } from '../../pipelines/models/clv.ts';
import { expectedAverageValue } from '../../pipelines/models/gammaGamma.ts';

const purchases = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spend = { p: 6, q: 4, v: 15 };

describe('12-month CLV', () => {
  it('counts months of 365.25/12 days, in weeks', () => {
    expect(WEEKS_PER_MONTH * 12 * 7).toBeCloseTo(365.25, 12);
  });

  it('without discounting, adds the monthly purchases up to the expected purchases of the whole year', () => {
    const year = expectedPurchases(purchases, 12 * WEEKS_PER_MONTH, 3, 20, 30);
    expect(discountedExpectedPurchases(purchases, 3, 20, 30, { monthlyDiscountRate: 0 })).toBeCloseTo(year, 12);
  });

  it('discounts month m by (1 + d)^−m: one month at 1% is E[Y(1 month)]/1.01', () => {
    const month = expectedPurchases(purchases, WEEKS_PER_MONTH, 3, 20, 30);
    expect(discountedExpectedPurchases(purchases, 3, 20, 30, { months: 1 })).toBeCloseTo(month / 1.01, 12);
  });

  it('lies between the year discounted by a full year and by one month', () => {
    const year = expectedPurchases(purchases, 12 * WEEKS_PER_MONTH, 3, 20, 30);
    const discounted = discountedExpectedPurchases(purchases, 3, 20, 30);
    expect(discounted).toBeGreaterThan(year / 1.01 ** 12);
    expect(discounted).toBeLessThan(year / 1.01);
  });

  it('is the discounted purchases times the expected order value', () => {
    const customer = { x: 3, tx: 20, T: 30, mx: 42 };
    expect(customerLifetimeValue(purchases, spend, customer)).toBeCloseTo(
      discountedExpectedPurchases(purchases, 3, 20, 30) * expectedAverageValue(spend, 3, 42),
      10,
    );
  });
});
