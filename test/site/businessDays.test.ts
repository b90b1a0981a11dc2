import { describe, expect, it } from 'vitest';
import { businessDaysBetween, businessDaysInMonth, easterSunday, isBusinessDay, projectMonth } from '../../src/lib/businessDays.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('business days in Brazil', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    expect(easterSunday(2025).toISOString().slice(0, 10)).toBe('2025-04-20');
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe('2024-03-31');
  });

  it('skips weekends, national holidays and Good Friday but not Carnival', () => {
    expect(isBusinessDay(day('2026-11-21'))).toBe(false); // Saturday
    expect(isBusinessDay(day('2026-11-02'))).toBe(false); // Finados, a Monday
    expect(isBusinessDay(day('2026-04-03'))).toBe(false); // Sexta-feira Santa
    expect(isBusinessDay(day('2026-02-17'))).toBe(true); // Carnival Tuesday: optional day off
    expect(isBusinessDay(day('2026-11-20'))).toBe(false); // Consciência Negra, national since 2024
    expect(isBusinessDay(day('2023-11-20'))).toBe(true); // ... and not before
  });

  it('counts November 2026: 21 weekdays less Finados (Mon 2) and Consciência Negra (Fri 20)', () => {
    expect(businessDaysInMonth(day('2026-11-01'))).toBe(19);
    // Weeks of 2-6, 9-13 and 16-20 are 15 weekdays; two of them are holidays.
    expect(businessDaysBetween(day('2026-11-01'), day('2026-11-20'))).toBe(13);
  });

  it('projects a month by business days and by calendar days, the as-of day counted as elapsed', () => {
    const projection = projectMonth(day('2026-11-01'), day('2026-11-20'), 1_300_000);
    expect(projection).toEqual({
      elapsedBusinessDays: 13,
      businessDays: 19,
      byBusinessDays: 1_900_000, // 1.300.000 ÷ 13 × 19
      elapsedDays: 20,
      days: 30,
      byCalendarDays: 1_950_000, // 1.300.000 ÷ 20 × 30
    });
  });

  it('has no business-day projection before the first business day', () => {
    // 1 November 2026 is a Sunday.
    expect(projectMonth(day('2026-11-01'), day('2026-11-01'), 5_000).byBusinessDays).toBeNull();
  });
});
