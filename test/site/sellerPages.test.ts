import { describe, expect, it } from 'vitest';
import { rollUpSellerMonths } from '../../src/lib/sellerRollup.ts';
import { sellerSlugs, shortHash, slugBase } from '../../src/lib/sellerSlugs.ts';
import type { MartRow } from '../../src/lib/martRows.ts';

type SellerMonthRow = MartRow<'sellers_monthly'>;

const month = (text: string): Date => new Date(`${text}-01T00:00:00Z`);
const sellerMonth = (overrides: Partial<SellerMonthRow>): SellerMonthRow => ({
  seller_id: 'V1',
  team: 'Sul',
  month: month('2026-01'),
  is_partial_month: false,
  portfolio_customers: 0,
  portfolio_buying_customers: 0,
  buying_customers: 0,
  coverage_pct: null,
  coverage_target_pct: null,
  revenue: 0,
  gross_margin: null,
  revenue_target: null,
  target_pct: null,
  orders: 0,
  avg_ticket: null,
  new_customers: 0,
  new_customers_target: null,
  active_start: 0,
  reactivated: 0,
  churned: 0,
  at_risk: 0,
  active_end: 0,
  retention_rate: null,
  mix: null,
  leads_won: null,
  leads_closed: null,
  conversion_rate: null,
  as_of_date: month('2026-06'),
  ...overrides,
});

describe('sellerSlugs', () => {
  it('keeps plain codes readable, in lowercase', () => {
    expect([...sellerSlugs(['V001', 'V002']).entries()]).toEqual([
      ['V001', 'v001'],
      ['V002', 'v002'],
    ]);
  });

  it('folds accents and turns anything else into single dashes', () => {
    expect(slugBase('São Paulo / Equipe 01')).toBe('sao-paulo-equipe-01');
  });

  it('never lets an id leave /vendedores/ or carry markup', () => {
    const slugs = sellerSlugs(['../../etc/passwd', '<script>alert(1)</script>', 'a?b#c', ' ', '%2e%2e']);
    for (const slug of slugs.values()) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugs.get('../../etc/passwd')).toBe('etc-passwd');
  });

  it('gives an id with nothing readable a hashed slug', () => {
    expect(sellerSlugs(['!!!']).get('!!!')).toBe(`vendedor-${shortHash('!!!')}`);
  });

  it('gives ids that fold alike distinct hashed slugs, whatever else is in the set', () => {
    const slugs = sellerSlugs(['José 1', 'jose-1', 'V9']);
    expect(slugs.get('José 1')).toBe(`jose-1-${shortHash('José 1')}`);
    expect(slugs.get('jose-1')).toBe(`jose-1-${shortHash('jose-1')}`);
    expect(slugs.get('V9')).toBe('v9');
  });

  it('never gives a seller the address of a report page under /vendedores/ (a seller coded "Equilíbrio")', () => {
    expect(sellerSlugs(['Equilíbrio']).get('Equilíbrio')).toBe(`equilibrio-${shortHash('Equilíbrio')}`);
  });
});

describe('rollUpSellerMonths', () => {
  // Worked by hand: January 6 of 10 bought (60%), February 8 of 20 (40%). Pooled: 14 of 30 = 46.67%,
  // not the 50% an average of the two percentages would give.
  const rows = [
    sellerMonth({
      month: month('2026-01'),
      portfolio_customers: 10,
      portfolio_buying_customers: 6,
      buying_customers: 5,
      revenue: 1000,
      orders: 4,
      revenue_target: 800,
      coverage_target_pct: 50,
      mix: 2,
      churned: 1,
      active_end: 9,
      at_risk: 1,
      leads_won: 1,
      leads_closed: 2,
    }),
    sellerMonth({
      month: month('2026-02'),
      portfolio_customers: 20,
      portfolio_buying_customers: 8,
      buying_customers: 10,
      revenue: 3000,
      orders: 6,
      coverage_target_pct: 60,
      mix: 3,
      churned: 2,
      reactivated: 1,
      active_end: 18,
      at_risk: 3,
    }),
  ];
  const period = rollUpSellerMonths(rows);

  it('pools coverage over the months instead of averaging the monthly percentages', () => {
    expect(period.coveragePct).toBeCloseTo((14 / 30) * 100, 10);
  });

  it('weighs the coverage target by each month’s portfolio: (5 + 12) ÷ 30 customers', () => {
    expect(period.coverageTargetPct).toBeCloseTo((17 / 30) * 100, 10);
  });

  it('measures attainment only over the months that have a revenue target', () => {
    expect(period.revenue).toBe(4000);
    expect(period.revenueTarget).toBe(800);
    expect(period.targetPct).toBeCloseTo(125, 10);
  });

  it('divides summed revenue by summed orders for the ticket, and pools the mix over buyers', () => {
    expect(period.avgTicket).toBe(400);
    expect(period.mix).toBeCloseTo(40 / 15, 10);
  });

  it('adds flows and takes stocks from the last month', () => {
    expect([period.churned, period.reactivated, period.portfolio, period.activeEnd, period.atRisk]).toEqual([3, 1, 20, 18, 3]);
  });

  it('computes conversion from the months with lead data only', () => {
    expect([period.leadsWon, period.leadsClosed, period.conversionRate]).toEqual([1, 2, 0.5]);
  });

  it('leaves ratios empty when there is nothing to divide', () => {
    const empty = rollUpSellerMonths([sellerMonth({})]);
    expect([empty.coveragePct, empty.avgTicket, empty.targetPct, empty.mix, empty.conversionRate]).toEqual([null, null, null, null, null]);
  });
});
