import { describe, expect, it } from 'vitest';
import { NOT_INFORMED, NO_FILTER } from '../../src/lib/filterParams.ts';
import { cellMatches, filterCells, salesTotals, totalsBy, totalsByMonth } from '../../src/lib/salesCubeTotals.ts';
import { decodeSalesFile, encodeSalesFile, sumOverSellers, type SalesCell, type SalesDictionaries } from '../../src/lib/salesFilterFile.ts';

const month = (iso: string) => new Date(`${iso}-01T00:00:00Z`);

const dictionaries: SalesDictionaries = {
  sellers: [{ key: 'V1', label: 'Ana' }, { key: 'V2', label: '<b>Bia</b>' }, { key: null, label: 'Sem vendedor' }],
  states: [
    { key: 'SP', label: 'São Paulo (SP)', name: 'São Paulo', region: 'sudeste' },
    { key: 'RS', label: 'Rio Grande do Sul (RS)', name: 'Rio Grande do Sul', region: 'sul' },
    { key: null, label: 'UF não informada', name: 'UF não informada', region: null },
  ],
  regions: [{ key: 'sudeste', label: 'Sudeste' }, { key: 'sul', label: 'Sul' }],
  segments: [{ key: 'Hotel', label: 'Hotel' }, { key: 'Padaria', label: 'Padaria' }, { key: null, label: 'Não informado' }],
};

// Four cells worked by hand. Revenue by month: jan 1.000,00 + 300,50 = 1.300,50 in 6 orders (ticket 216,75);
// fev 500,00 + 19,99 = 519,99 in 2 orders. Sul (RS): 300,50 + 500,00 = 800,50 in 3 orders.
const cells: SalesCell[] = [
  { month: month('2026-01'), seller: 'V1', state: 'SP', segment: 'Hotel', revenueCents: 100_000, orders: 4 },
  { month: month('2026-01'), seller: 'V2', state: 'RS', segment: 'Padaria', revenueCents: 30_050, orders: 2 },
  { month: month('2026-02'), seller: 'V1', state: 'RS', segment: 'Hotel', revenueCents: 50_000, orders: 1 },
  { month: month('2026-02'), seller: null, state: null, segment: null, revenueCents: 1_999, orders: 1 },
];
const file = encodeSalesFile(cells, dictionaries, month('2026-02'));
const cube = decodeSalesFile(JSON.parse(JSON.stringify(file)));
const both = [month('2026-01'), month('2026-02')];

describe('the sales filter file', () => {
  it('stores each dimension once and the cells as positions into it', () => {
    expect(file.months).toEqual(['2026-01-01', '2026-02-01']);
    expect(file.cells).toEqual({
      month: [0, 0, 1, 1], seller: [0, 1, 0, 2], state: [0, 1, 1, 2], segment: [0, 1, 0, 2],
      revenueCents: [100_000, 30_050, 50_000, 1_999], orders: [4, 2, 1, 1],
    });
  });

  it('decodes months as UTC midnight and looks up the region of each UF', () => {
    expect(cube.cells[0]!.month.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(cube.partialMonth?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(cube.cells.map((c) => c.region)).toEqual(['sudeste', 'sul', 'sul', null]);
    expect(cube.cells[3]).toMatchObject({ seller: null, state: null, segment: null });
  });

  it('refuses a key missing from its dictionary and a file of another version', () => {
    expect(() => encodeSalesFile([{ ...cells[0]!, seller: 'V9' }], dictionaries, null)).toThrow(/seller "V9"/);
    expect(() => decodeSalesFile({ ...file, version: 1 as 2 })).toThrow(/version/);
  });
});

describe('the smaller cuts of the file', () => {
  it('sums over sellers to one cell per month × UF × segment, with no seller column and no sellers', () => {
    const twoSellers: SalesCell[] = [...cells, { month: month('2026-01'), seller: 'V2', state: 'SP', segment: 'Hotel', revenueCents: 2_500, orders: 1 }];
    const summed = sumOverSellers(twoSellers);
    // jan SP Hotel: V1 1.000,00 in 4 + V2 25,00 in 1 = 1.025,00 in 5; the other three cells stay as they were.
    expect(summed.map((c) => [c.month.toISOString().slice(0, 7), c.seller, c.state, c.segment, c.revenueCents, c.orders])).toEqual([
      ['2026-01', null, 'SP', 'Hotel', 102_500, 5],
      ['2026-01', null, 'RS', 'Padaria', 30_050, 2],
      ['2026-02', null, 'RS', 'Hotel', 50_000, 1],
      ['2026-02', null, null, null, 1_999, 1],
    ]);
    expect(twoSellers[0]!.revenueCents).toBe(100_000);
    const encoded = encodeSalesFile(summed, dictionaries, null, { sellersSummed: true });
    expect(encoded.sellers).toEqual([]);
    expect('seller' in encoded.cells).toBe(false);
    const decoded = decodeSalesFile(JSON.parse(JSON.stringify(encoded)));
    expect(decoded.sellersSummed).toBe(true);
    expect(salesTotals(filterCells(decoded, { ...NO_FILTER, state: 'SP' }, both))).toEqual({ revenue: 1025, orders: 5, avgTicket: 205 });
    expect(() => filterCells(decoded, { ...NO_FILTER, seller: 'V1' }, both)).toThrow(/summed over sellers/);
  });

  it("keeps every month of the report in one seller's file, even the months the seller sold nothing", () => {
    const v2 = encodeSalesFile([cells[1]!], { ...dictionaries, sellers: [dictionaries.sellers[1]!] }, month('2026-02'), { months: both });
    expect(v2.months).toEqual(['2026-01-01', '2026-02-01']);
    expect(v2.cells).toEqual({ month: [0], seller: [0], state: [1], segment: [1], revenueCents: [30_050], orders: [2] });
    expect(() => encodeSalesFile([cells[2]!], dictionaries, null, { months: [month('2026-01')] })).toThrow(/month 2026-02-01/);
  });
});

describe('re-aggregating the cube', () => {
  it('adds revenue and orders by month and divides the ticket from the sums', () => {
    const months = [month('2025-12'), ...both];
    expect(totalsByMonth(filterCells(cube, NO_FILTER, months), months)).toEqual([
      { month: month('2025-12'), revenue: 0, orders: 0, avgTicket: null },
      { month: month('2026-01'), revenue: 1300.5, orders: 6, avgTicket: 216.75 },
      { month: month('2026-02'), revenue: 519.99, orders: 2, avgTicket: 259.995 },
    ]);
  });

  it('filters a region through the UFs in it', () => {
    const sul = filterCells(cube, { ...NO_FILTER, region: 'sul' }, both);
    expect(salesTotals(sul)).toEqual({ revenue: 800.5, orders: 3, avgTicket: 800.5 / 3 });
  });

  it('lets a UF win over a region and reads nao-informado as the NULL key', () => {
    expect(cellMatches(cube.cells[0]!, { ...NO_FILTER, region: 'sul', state: 'SP' })).toBe(true);
    expect(filterCells(cube, { ...NO_FILTER, seller: NOT_INFORMED }, both)).toEqual([cube.cells[3]]);
    expect(filterCells(cube, { ...NO_FILTER, state: NOT_INFORMED }, both)).toEqual([cube.cells[3]]);
    expect(filterCells(cube, { ...NO_FILTER, segment: 'Hotel', seller: 'V1' }, [month('2026-02')])).toEqual([cube.cells[2]]);
  });

  it('leaves out the months outside the period', () => {
    expect(salesTotals(filterCells(cube, NO_FILTER, [month('2026-01')]))).toEqual({ revenue: 1300.5, orders: 6, avgTicket: 216.75 });
  });

  it('sums in cents, so 0,10 + 0,20 is exactly 0,30', () => {
    const tiny = decodeSalesFile(encodeSalesFile([{ ...cells[0]!, revenueCents: 10 }, { ...cells[1]!, revenueCents: 20 }], dictionaries, null));
    expect(salesTotals(tiny.cells).revenue).toBe(0.3);
  });

  it('ranks sellers by revenue with their ticket and share of the revenue', () => {
    const bySeller = totalsBy(filterCells(cube, NO_FILTER, both), (c) => c.seller);
    expect(bySeller.map((s) => [s.key, s.revenue, s.orders, s.avgTicket])).toEqual([
      ['V1', 1500, 5, 300],
      ['V2', 300.5, 2, 150.25],
      [null, 19.99, 1, 19.99],
    ]);
    expect(bySeller[0]!.revenueShare).toBeCloseTo(1500 / 1820.49, 10);
  });
});
