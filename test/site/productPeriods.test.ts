import { describe, expect, it } from 'vitest';
import { periodStart } from '../../src/lib/reportPeriods.ts';

const day = (text: string): Date => new Date(`${text}T00:00:00Z`);

describe('periodStart', () => {
  it('starts the 3 months to 20/11/2026 on 21/08/2026, as date − to_months(3) + 1 day does in DuckDB', () => {
    expect(periodStart(day('2026-11-20'), 3)).toEqual(day('2026-08-21'));
  });

  it('starts the 12 months to 20/11/2026 on 21/11/2025', () => {
    expect(periodStart(day('2026-11-20'), 12)).toEqual(day('2025-11-21'));
  });

  it('clamps a month end as DuckDB does: 3 months before 31/05 is 28/02, so the period starts on 01/03', () => {
    expect(periodStart(day('2026-05-31'), 3)).toEqual(day('2026-03-01'));
  });
});
