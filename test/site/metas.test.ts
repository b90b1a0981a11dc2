import { describe, expect, it } from 'vitest';
import { monthRanking, suggestionsCsv } from '../../src/lib/metas.ts';
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
    projected_revenue_attainment_pct: null,
    revenue_attainment_rank: null,
    ranked_sellers: 0,
    sellers_met_revenue_target: 0,
    coverage_pct: null,
    coverage_target_pct: null,
    coverage_attainment_pct: null,
    new_customers: 0,
    new_customers_target: null,
    new_customers_attainment_pct: null,
    revenue_target_met: null,
    coverage_target_met: null,
    new_customers_target_met: null,
    targets_met: 0,
    targets_set: 0,
    as_of_date: asOf,
    ...values,
  };
}

describe('monthRanking', () => {
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
