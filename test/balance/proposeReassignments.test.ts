import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, proposeReassignments, type BalanceCustomer, type BalanceSeller } from '../../pipelines/balance/proposeReassignments.ts';

const customer = (customer_id: string, seller_id: string | null, workload: number, extra: Partial<BalanceCustomer> = {}): BalanceCustomer => ({
  customer_id,
  seller_id,
  workload,
  segment: 'Bar',
  region: 'sudeste',
  orphan_reason: null,
  ...extra,
});
const seller = (seller_id: string, region: string | null, is_eligible = true): BalanceSeller => ({ seller_id, region, is_eligible });
const rules = { max_moved_share: 1, overload_tolerance_share: 0.2 };

describe('proposeReassignments', () => {
  it('moves the customer closest to half the gap, so one move evens two sellers', () => {
    // A carries 0.2 + 0.5 + 0.9 = 1.6, B 0.4: mean 1.0, A is 60% above it; gap 1.2, half 0.6 → the 0.5 customer.
    // After: A 1.1, B 0.9 → A is 10% above the mean, within the 20% tolerance: stop.
    const moves = proposeReassignments(
      [customer('C1', 'A', 0.2), customer('C2', 'A', 0.5), customer('C3', 'A', 0.9), customer('C4', 'B', 0.4)],
      [seller('A', 'sudeste'), seller('B', 'sudeste')],
      rules,
    );
    expect(
      moves.map((m) => [m.customer_id, m.from_seller_id, m.to_seller_id, m.reason_pt, +m.from_workload_after!.toFixed(4), +m.to_workload_after.toFixed(4)]),
    ).toEqual([['C2', 'A', 'B', 'Carteira 60% acima da média da região', 1.1, 0.9]]);
    // 1.1 and 0.9: standard deviation 0.1 over mean 1.0
    expect(moves[0]!.workload_cv_after).toBeCloseTo(0.1, 10);
  });

  it('never moves a customer heavier than the gap, which would only swap who is overloaded', () => {
    // A 1.5 (one customer), B 0.5: gap 1.0 < 1.5 → no move lowers the spread
    const moves = proposeReassignments([customer('C1', 'A', 1.5), customer('C2', 'B', 0.5)], [seller('A', 'sudeste'), seller('B', 'sudeste')], rules);
    expect(moves).toEqual([]);
  });

  it('leaves a seller alone in its region out of the balancing, however loaded', () => {
    const moves = proposeReassignments(
      [customer('C1', 'A', 1), customer('C2', 'A', 1), customer('C3', 'B', 0.1, { region: 'sul' })],
      [seller('A', 'sudeste'), seller('B', 'sul')],
      rules,
    );
    expect(moves).toEqual([]);
  });

  it('gives the same proposal whatever order the rows arrive in', () => {
    const customers = [
      customer('C1', 'A', 0.3),
      customer('C2', 'A', 0.3),
      customer('C3', 'A', 0.3),
      customer('C4', 'X', 0.3, { orphan_reason: 'departed' }),
      customer('C5', 'B', 0.1),
    ];
    const sellers = [seller('A', 'sudeste'), seller('B', 'sudeste'), seller('X', 'sudeste', false)];
    const forward = proposeReassignments(customers, sellers, rules);
    const backward = proposeReassignments([...customers].reverse(), [...sellers].reverse(), rules);
    expect(backward).toEqual(forward);
    // C4 (orphaned) to B, the least loaded; then A 0.9 vs B 0.4 (mean 0.65, A 38% above): gap 0.5, C1 by code
    expect(forward.map((m) => `${m.customer_id}:${m.to_seller_id}`)).toEqual(['C4:B', 'C1:B']);
  });

  it('measures the coefficient of variation with the population standard deviation', () => {
    // 15, 3, 3: mean 7, deviations 8, −4, −4, variance 96/3 = 32, CV √32/7
    expect(coefficientOfVariation([15, 3, 3])).toBeCloseTo(Math.sqrt(32) / 7, 12);
    expect(coefficientOfVariation([])).toBe(0);
  });
});
