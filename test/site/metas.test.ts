import { describe, expect, it } from 'vitest';
import { monthRanking, suggestionsCsv, yearToDate } from '../../src/lib/metas.ts';
import type { TargetAttainmentRow, TargetSuggestionRow } from '../../src/lib/metas.ts';

const month = (m: number) => new Date(Date.UTC(2026, m - 1, 1));
const asOf = new Date(Date.UTC(2026, 2, 31));

/** A target_attainment row with only what a case needs; the rest empty. */
function row(seller_id: string, m: number, values: Partial<TargetAttainmentRow>): TargetAttainmentRow {
  return {
    seller_id,
    team: null,
    month: month(m),
    is_partial_month: false,
    revenue: 0,
    revenue_target: null,
    revenue_attainment_pct: null,
    revenue_attainment_rank: null,
    ranked_sellers: 0,
    coverage_pct: null,
    coverage_target_pct: null,
    coverage_attainment_pct: null,
    new_customers: 0,
    new_customers_target: null,
    new_customers_attainment_pct: null,
    targets_met: 0,
    targets_set: 0,
    as_of_date: asOf,
    ...values,
  };
}

describe('yearToDate', () => {
  // A: January 1.000 of 2.000, February 3.000 of 2.000, March 500 without a revenue target
  //    → 4.000 ÷ 4.000 = 100% (March's revenue is left out: it had no target);
  //    new customers 1 of 2 (Jan) + 2 of 2 (Mar) = 3 of 4 = 75%; coverage 60 ≥ 50 (Jan), 40 < 50 (Feb) → 1 of 2 months
  // B: February 1.500 of 1.000 = 150% → first; C: only a new-customer target → not ranked
  // December 2025 is another year and April is after the month asked for: both left out
  const rows = [
    row('A', 1, { revenue: 1000, revenue_target: 2000, new_customers: 1, new_customers_target: 2, coverage_pct: 60, coverage_target_pct: 50 }),
    row('A', 2, { revenue: 3000, revenue_target: 2000, coverage_pct: 40, coverage_target_pct: 50 }),
    row('A', 3, { revenue: 500, new_customers: 2, new_customers_target: 2 }),
    row('B', 2, { revenue: 1500, revenue_target: 1000 }),
    row('C', 3, { revenue: 9000, new_customers: 1, new_customers_target: 1 }),
    { ...row('B', 12, { revenue: 9999, revenue_target: 1 }), month: new Date(Date.UTC(2025, 11, 1)) },
    row('B', 4, { revenue: 9999, revenue_target: 1 }),
  ];

  it('sums each kind over the months that have that target and ranks by revenue attainment', () => {
    expect(
      yearToDate(rows, month(3)).map(
        ({
          seller_id,
          revenue,
          revenue_target,
          revenue_attainment_pct,
          new_customers,
          new_customers_target,
          new_customers_attainment_pct,
          coverage_months_met,
          coverage_months,
          rank,
        }) => ({
          seller_id,
          revenue,
          revenue_target,
          revenue_attainment_pct,
          new_customers,
          new_customers_target,
          new_customers_attainment_pct,
          coverage_months_met,
          coverage_months,
          rank,
        }),
      ),
    ).toEqual([
      {
        seller_id: 'B',
        revenue: 1500,
        revenue_target: 1000,
        revenue_attainment_pct: 150,
        new_customers: 0,
        new_customers_target: null,
        new_customers_attainment_pct: null,
        coverage_months_met: 0,
        coverage_months: 0,
        rank: 1,
      },
      {
        seller_id: 'A',
        revenue: 4000,
        revenue_target: 4000,
        revenue_attainment_pct: 100,
        new_customers: 3,
        new_customers_target: 4,
        new_customers_attainment_pct: 75,
        coverage_months_met: 1,
        coverage_months: 2,
        rank: 2,
      },
      {
        seller_id: 'C',
        revenue: 0,
        revenue_target: null,
        revenue_attainment_pct: null,
        new_customers: 1,
        new_customers_target: 1,
        new_customers_attainment_pct: 100,
        coverage_months_met: 0,
        coverage_months: 0,
        rank: null,
      },
    ]);
  });

  it('ranks a month as the mart does, sellers without a revenue target last', () => {
    const march = [
      row('X', 3, { revenue: 100, revenue_attainment_rank: null }),
      row('Y', 3, { revenue: 50, revenue_attainment_rank: 2 }),
      row('Z', 3, { revenue: 10, revenue_attainment_rank: 1 }),
    ];
    expect(monthRanking(march, month(3)).map((r) => r.seller_id)).toEqual(['Z', 'Y', 'X']);
  });
});

describe('suggestionsCsv', () => {
  it('writes the suggested targets for Brazilian Excel, with the seller name beside the code', () => {
    const suggestion: TargetSuggestionRow = {
      seller_id: 'V1',
      target_month: month(4),
      active_portfolio_customers: 2,
      model_customers: 0,
      expected_purchases: 2.5,
      expected_revenue: 1900,
      opportunity_value: 0,
      opportunity_customers: 0,
      suggested_revenue_target: 1900,
      existing_revenue_target: null,
      last_month: month(3),
      last_month_revenue_target: 2000,
      last_month_revenue: 1600,
      last_month_attainment_pct: 80,
      avg_revenue_3m: 1200.5,
      as_of_date: asOf,
    };
    const [, line] = suggestionsCsv([suggestion], () => 'Ana')
      .toString('utf8')
      .split('\r\n');
    expect(line).toBe('V1;Ana;01/04/2026;1900;1900;0;2;;01/03/2026;2000;1600;1200,5');
  });
});
