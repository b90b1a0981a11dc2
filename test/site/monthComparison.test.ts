import { describe, expect, it } from 'vitest';
import { headlineIndex, monthChange, rowAt } from '../../src/lib/monthComparison.ts';

const month = (iso: string) => new Date(`${iso}-01T00:00:00Z`);

describe('the headline month', () => {
  it('is the last complete month when the as-of month is still running', () => {
    expect(headlineIndex([{ is_partial_month: false }, { is_partial_month: false }, { is_partial_month: true }])).toBe(1);
  });

  it('is the as-of month itself when the as-of date is its last day', () => {
    expect(headlineIndex([{ is_partial_month: false }, { is_partial_month: false }])).toBe(1);
  });

  it('does not exist when only a partial month is known', () => {
    expect(headlineIndex([{ is_partial_month: true }])).toBe(-1);
  });

  it('finds the previous month and the same month a year before across a year boundary', () => {
    const rows = [month('2025-01'), month('2025-12'), month('2026-01')].map((m) => ({ month: m }));
    expect(rowAt(rows, month('2026-01'), -1)?.month).toEqual(month('2025-12'));
    expect(rowAt(rows, month('2026-01'), -12)?.month).toEqual(month('2025-01'));
    expect(rowAt(rows, month('2026-01'), -2)).toBeUndefined();
  });
});

describe('monthChange', () => {
  it('reads a revenue rise from 100 to 110 as +10,0%, good news', () => {
    expect(monthChange(110, 100, month('2026-09'), 'relative', 'up')).toEqual({
      reference: month('2026-09'),
      text: '+10,0%',
      direction: 'up',
      tone: 'good',
      against: 'vs set/2026',
    });
  });

  it('reads churn falling from 2,0% to 1,7% as −0,3 p.p., good news when lower is better', () => {
    const change = monthChange(0.017, 0.02, month('2025-10'), 'points', 'down', 100);
    expect(change?.text).toBe('−0,3 p.p.');
    expect(change?.tone).toBe('good');
  });

  it('reads coverage falling 2,6 points as bad news', () => {
    const change = monthChange(66.5, 69.1, month('2025-10'), 'points', 'up');
    expect(change?.text).toBe('−2,6 p.p.');
    expect(change?.tone).toBe('bad');
  });

  it('calls a change that rounds to zero stable, with no colour', () => {
    expect(monthChange(100.01, 100, month('2026-09'), 'relative', 'up')).toMatchObject({ text: 'estável', direction: 'flat', tone: 'neutral' });
  });

  it('keeps concentration neutral either way', () => {
    expect(monthChange(0.72, 0.7, month('2026-09'), 'points', 'neutral', 100)?.tone).toBe('neutral');
  });

  it('gives no change without a reference value or against zero', () => {
    expect(monthChange(10, null, month('2026-09'), 'relative', 'up')).toBeNull();
    expect(monthChange(10, 0, month('2026-09'), 'relative', 'up')).toBeNull();
  });
});
