import { expectedPurchases, type BgNbdParams } from './bgnbd.ts';
import { expectedAverageValue, type GammaGammaParams } from './gammaGamma.ts';

/** A month of the CLV horizon, in the models' unit (weeks): 365.25/12 days. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

/** The horizon and the monthly discount rate d; month m is discounted by (1 + d)^−m. */
export interface ClvOptions {
  months?: number;
  monthlyDiscountRate?: number;
}

/**
 * Σ over months m = 1..months of (E[Y(m months)] − E[Y(m − 1 months)]) · (1 + d)^−m: the purchases
 * expected in each month, discounted to today. Multiplied by the expected order value it is the CLV;
 * kept apart so the pipeline computes it once per distinct (x, t_x, T) and the value per customer in SQL.
 */
export function discountedExpectedPurchases(params: BgNbdParams, x: number, tx: number, T: number, options: ClvOptions = {}): number {
  const { months = 12, monthlyDiscountRate = 0.01 } = options;
  if (!(Number.isInteger(months) && months >= 1)) throw new Error(`CLV horizon must be a whole number of months ≥ 1, got ${months}`);
  if (!(monthlyDiscountRate > -1)) throw new Error(`monthly discount rate must be above −1, got ${monthlyDiscountRate}`);
  let total = 0;
  let before = 0;
  for (let m = 1; m <= months; m++) {
    const upToMonthEnd = expectedPurchases(params, m * WEEKS_PER_MONTH, x, tx, T);
    total += (upToMonthEnd - before) * (1 + monthlyDiscountRate) ** -m;
    before = upToMonthEnd;
  }
  return total;
}

/** The customer's discounted value over the horizon: discounted expected purchases × Gamma-Gamma expected order value. */
export function customerLifetimeValue(
  purchases: BgNbdParams,
  spend: GammaGammaParams,
  customer: { x: number; tx: number; T: number; mx: number },
  options: ClvOptions = {},
): number {
  const { x, tx, T, mx } = customer;
  return discountedExpectedPurchases(purchases, x, tx, T, options) * expectedAverageValue(spend, x, mx);
}
