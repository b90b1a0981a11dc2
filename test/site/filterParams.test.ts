import { describe, expect, it } from 'vitest';
import { NOT_INFORMED, NO_FILTER, filterFromSearch, isFiltered, placeFromValue, placeValue, searchWithFilter } from '../../src/lib/filterParams.ts';
import { completeMonths, includesPartialMonth, periodChoices, periodWindow } from '../../src/lib/filterPeriods.ts';

const month = (iso: string) => new Date(`${iso}-01T00:00:00Z`);
/** Every month from nov/2024 to out/2026: 24 complete months. */
const complete = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2024, 10 + i, 1)));
const iso = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 7));

describe('the filter in the URL', () => {
  it('reads the Portuguese parameters of a shared link', () => {
    expect(filterFromSearch('?periodo=2025&regiao=sul&vendedor=V001&segmento=Hotel')).toEqual({
      period: '2025',
      region: 'sul',
      state: '',
      seller: 'V001',
      segment: 'Hotel',
    });
  });

  it('keeps the UF and drops the region when a link has both, since the bar picks one place', () => {
    expect(filterFromSearch('?regiao=sul&uf=SP')).toMatchObject({ region: '', state: 'SP' });
  });

  it('writes only the fields that are set and keeps the other parameters of the page', () => {
    const filter = { ...NO_FILTER, seller: 'V 01&2', segment: NOT_INFORMED };
    expect(searchWithFilter('?utm=mail&vendedor=old&periodo=12m', filter)).toBe('?utm=mail&vendedor=V+01%262&segmento=nao-informado');
    expect(filterFromSearch(searchWithFilter('', filter))).toEqual(filter);
  });

  it('leaves no query at all when the filter is cleared', () => {
    expect(searchWithFilter('?periodo=3m&uf=RS', NO_FILTER)).toBe('');
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, period: '3m' })).toBe(true);
  });

  it('encodes the place select as uf:XX or regiao:key and back', () => {
    expect(placeValue({ region: '', state: 'SP' })).toBe('uf:SP');
    expect(placeValue({ region: 'centro_oeste', state: '' })).toBe('regiao:centro_oeste');
    expect(placeValue({ region: '', state: '' })).toBe('');
    expect(placeFromValue('uf:nao-informado')).toEqual({ region: '', state: NOT_INFORMED });
    expect(placeFromValue('regiao:sul')).toEqual({ region: 'sul', state: '' });
    expect(placeFromValue('')).toEqual({ region: '', state: '' });
  });
});

describe('the period choices', () => {
  it('offers the whole history, the last 12 and 3 months and each year, newest first', () => {
    expect(periodChoices(complete).map((c) => c.value)).toEqual(['tudo', '12m', '3m', '2026', '2025', '2024']);
    expect(periodChoices([])).toEqual([]);
  });

  it('covers nov/2025 to out/2026 for the last 12 months and ago to out/2026 for the last 3', () => {
    expect(iso(periodWindow('12m', complete)!.months)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(iso(periodWindow('3m', complete)!.months)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('covers only the months a year has data for, and fills a gap inside them', () => {
    expect(iso(periodWindow('2024', complete)!.months)).toEqual(['2024-11', '2024-12']);
    const withGap = [month('2025-01'), month('2025-04')];
    expect(iso(periodWindow('2025', withGap)!.months)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(periodWindow('tudo', withGap)!.months).toHaveLength(4);
  });

  it('falls back to the page default for an empty, unknown or data-less period', () => {
    expect(periodWindow('', complete)).toBeNull();
    expect(periodWindow('6m', complete)).toBeNull();
    expect(periodWindow('2019', complete)).toBeNull();
    expect(periodWindow('tudo', [])).toBeNull();
  });

  it('adds the month still running only to the whole history and to its own year', () => {
    const partial = month('2026-11');
    expect(includesPartialMonth('tudo', partial)).toBe(true);
    expect(includesPartialMonth('2026', partial)).toBe(true);
    expect(includesPartialMonth('2025', partial)).toBe(false);
    expect(includesPartialMonth('12m', partial)).toBe(false);
    expect(includesPartialMonth('tudo', null)).toBe(false);
  });

  it('leaves the month still running out of the complete months', () => {
    expect(iso(completeMonths([month('2026-09'), month('2026-10'), month('2026-11')], month('2026-11')))).toEqual(['2026-09', '2026-10']);
    expect(completeMonths([month('2026-10')], null)).toHaveLength(1);
  });
});
