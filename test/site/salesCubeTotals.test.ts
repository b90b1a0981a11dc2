import { describe, expect, it } from 'vitest';
import { NOT_INFORMED, NO_FILTER } from '../../src/lib/filterParams.ts';
import {
  cellMatches,
  customerTotals,
  filterCells,
  filterCustomerCells,
  filteredKpiMonths,
  salesTotals,
  totalsBy,
  totalsByMonth,
} from '../../src/lib/salesCubeTotals.ts';
import { decodeSalesFile, encodeSalesFile, type CustomerCell, type SalesCell, type SalesDictionaries } from '../../src/lib/salesFilterFile.ts';

const month = (iso: string) => new Date(`${iso}-01T00:00:00Z`);

const dictionaries: SalesDictionaries = {
  sellers: [
    { key: 'V1', label: 'Ana' },
    { key: 'V2', label: '<b>Bia</b>' },
    { key: null, label: 'Sem vendedor' },
  ],
  states: [
    { key: 'SP', label: 'São Paulo (SP)', name: 'São Paulo', region: 'sudeste' },
    { key: 'RS', label: 'Rio Grande do Sul (RS)', name: 'Rio Grande do Sul', region: 'sul' },
    { key: null, label: 'UF não informada', name: 'UF não informada', region: null },
  ],
  regions: [
    { key: 'sudeste', label: 'Sudeste' },
    { key: 'sul', label: 'Sul' },
  ],
  segments: [
    { key: 'Hotel', label: 'Hotel' },
    { key: 'Padaria', label: 'Padaria' },
    { key: null, label: 'Não informado' },
  ],
};

// Four cells worked by hand. Revenue by month: jan 1.000,00 + 300,50 = 1.300,50 in 6 orders (ticket 216,75);
// fev 500,00 + 19,99 = 519,99 in 2 orders (ticket 259,995, rounded to the cent 260,00). Sul (RS): 300,50 +
// 500,00 = 800,50 in 3 orders (266,8333 → 266,83). Margin: jan unknown (V2's cell has an order without
// cost); fev 200,00 + 5,00 = 205,00.
const cells: SalesCell[] = [
  { month: month('2026-01'), seller: 'V1', state: 'SP', segment: 'Hotel', revenueCents: 100_000, orders: 4, marginCents: 40_000 },
  { month: month('2026-01'), seller: 'V2', state: 'RS', segment: 'Padaria', revenueCents: 30_050, orders: 2, marginCents: null },
  { month: month('2026-02'), seller: 'V1', state: 'RS', segment: 'Hotel', revenueCents: 50_000, orders: 1, marginCents: 20_000 },
  { month: month('2026-02'), seller: null, state: null, segment: null, revenueCents: 1_999, orders: 1, marginCents: 500 },
];
// Customer counts by the customer's own seller, UF and segment. V2 keeps customers in RS in fev without selling there.
const customers: CustomerCell[] = [
  {
    month: month('2026-01'),
    seller: 'V1',
    state: 'SP',
    segment: 'Hotel',
    activeStart: 10,
    activeEnd: 12,
    churned: 1,
    newCustomers: 3,
    portfolio: 14,
    portfolioBuying: 7,
  },
  {
    month: month('2026-01'),
    seller: 'V2',
    state: 'RS',
    segment: 'Padaria',
    activeStart: 5,
    activeEnd: 4,
    churned: 2,
    newCustomers: 1,
    portfolio: 6,
    portfolioBuying: 3,
  },
  {
    month: month('2026-02'),
    seller: 'V1',
    state: 'SP',
    segment: 'Hotel',
    activeStart: 12,
    activeEnd: 11,
    churned: 2,
    newCustomers: 1,
    portfolio: 15,
    portfolioBuying: 6,
  },
  {
    month: month('2026-02'),
    seller: 'V2',
    state: 'RS',
    segment: 'Padaria',
    activeStart: 4,
    activeEnd: 5,
    churned: 0,
    newCustomers: 1,
    portfolio: 5,
    portfolioBuying: 4,
  },
];
const file = encodeSalesFile(cells, dictionaries, month('2026-02'), { customers });
const cube = decodeSalesFile(JSON.parse(JSON.stringify(file)));
const both = [month('2026-01'), month('2026-02')];

describe('the sales filter file', () => {
  it('stores each dimension once and the cells as positions into it', () => {
    expect(file.months).toEqual(['2026-01-01', '2026-02-01']);
    expect(file.cells).toEqual({
      month: [0, 0, 1, 1],
      seller: [0, 1, 0, 2],
      state: [0, 1, 1, 2],
      segment: [0, 1, 0, 2],
      revenueCents: [100_000, 30_050, 50_000, 1_999],
      orders: [4, 2, 1, 1],
      marginCents: [40_000, null, 20_000, 500],
    });
    expect(file.customers.seller).toEqual([0, 1, 0, 1]);
    expect(file.customers.activeEnd).toEqual([12, 4, 11, 5]);
  });

  it('decodes months as UTC midnight and looks up the region of each UF', () => {
    expect(cube.cells[0]!.month.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(cube.partialMonth?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(cube.cells.map((c) => c.region)).toEqual(['sudeste', 'sul', 'sul', null]);
    expect(cube.cells[3]).toMatchObject({ seller: null, state: null, segment: null });
  });

  it('refuses a key missing from its dictionary and a file of another version', () => {
    expect(() => encodeSalesFile([{ ...cells[0]!, seller: 'V9' }], dictionaries, null)).toThrow(/seller "V9"/);
    expect(() => decodeSalesFile({ ...file, version: 2 as 3 })).toThrow(/version/);
  });
});

describe('the smaller cuts of the file', () => {
  it('writes cells summed over sellers (salesFilterData.ts sums them in SQL) with no seller column and no sellers', () => {
    // jan SP Hotel: V1 1.000,00 in 4 (margin 400,00) + V2 25,00 in 1 (margin 10,00) = 1.025,00 in 5; the other three cells as they were.
    const summed: SalesCell[] = [
      { month: month('2026-01'), seller: null, state: 'SP', segment: 'Hotel', revenueCents: 102_500, orders: 5, marginCents: 41_000 },
      { ...cells[1]!, seller: null },
      { ...cells[2]!, seller: null },
      { ...cells[3]!, seller: null },
    ];
    const encoded = encodeSalesFile(summed, dictionaries, null, { sellersSummed: true });
    expect(encoded.sellers).toEqual([]);
    expect('seller' in encoded.cells).toBe(false);
    const decoded = decodeSalesFile(JSON.parse(JSON.stringify(encoded)));
    expect(decoded.sellersSummed).toBe(true);
    // Margin jan SP Hotel: 400,00 + 10,00 = 410,00.
    expect(salesTotals(filterCells(decoded, { ...NO_FILTER, state: 'SP' }, both))).toEqual({ revenue: 1025, orders: 5, avgTicket: 205, grossMargin: 410 });
    expect(() => filterCells(decoded, { ...NO_FILTER, seller: 'V1' }, both)).toThrow(/summed over sellers/);
  });

  it("keeps every month of the report in one seller's file, even the months the seller sold nothing", () => {
    const v2 = encodeSalesFile([cells[1]!], { ...dictionaries, sellers: [dictionaries.sellers[1]!] }, month('2026-02'), { months: both });
    expect(v2.months).toEqual(['2026-01-01', '2026-02-01']);
    expect(v2.cells).toEqual({ month: [0], seller: [0], state: [1], segment: [1], revenueCents: [30_050], orders: [2], marginCents: [null] });
    expect(() => encodeSalesFile([cells[2]!], dictionaries, null, { months: [month('2026-01')] })).toThrow(/month 2026-02-01/);
  });
});

describe('re-aggregating the cube', () => {
  it('adds revenue and orders by month and divides the ticket from the sums', () => {
    const months = [month('2025-12'), ...both];
    expect(totalsByMonth(filterCells(cube, NO_FILTER, months), months)).toEqual([
      { month: month('2025-12'), revenue: 0, orders: 0, avgTicket: null, grossMargin: 0 },
      { month: month('2026-01'), revenue: 1300.5, orders: 6, avgTicket: 216.75, grossMargin: null },
      { month: month('2026-02'), revenue: 519.99, orders: 2, avgTicket: 260, grossMargin: 205 },
    ]);
  });

  it('filters a region through the UFs in it', () => {
    const sul = filterCells(cube, { ...NO_FILTER, region: 'sul' }, both);
    expect(salesTotals(sul)).toEqual({ revenue: 800.5, orders: 3, avgTicket: 266.83, grossMargin: null });
  });

  it('lets a UF win over a region and reads nao-informado as the NULL key', () => {
    expect(cellMatches(cube.cells[0]!, { ...NO_FILTER, region: 'sul', state: 'SP' })).toBe(true);
    expect(filterCells(cube, { ...NO_FILTER, seller: NOT_INFORMED }, both)).toEqual([cube.cells[3]]);
    expect(filterCells(cube, { ...NO_FILTER, state: NOT_INFORMED }, both)).toEqual([cube.cells[3]]);
    expect(filterCells(cube, { ...NO_FILTER, segment: 'Hotel', seller: 'V1' }, [month('2026-02')])).toEqual([cube.cells[2]]);
  });

  it('leaves out the months outside the period', () => {
    expect(salesTotals(filterCells(cube, NO_FILTER, [month('2026-01')]))).toEqual({ revenue: 1300.5, orders: 6, avgTicket: 216.75, grossMargin: null });
  });

  it('sums in cents, so 0,10 + 0,20 is exactly 0,30', () => {
    const tiny = decodeSalesFile(
      encodeSalesFile(
        [
          { ...cells[0]!, revenueCents: 10 },
          { ...cells[1]!, revenueCents: 20 },
        ],
        dictionaries,
        null,
      ),
    );
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

describe('the customer counts of the cube', () => {
  it('filters a seller by the customers it owns and derives positivação and churn from the sums', () => {
    // V2 in both months: active 4 + 5 at the ends; started 5 + 4 = 9, lost 2: churn 2/9; bought 3 + 4 of 6 + 5: 7/11.
    const v2 = customerTotals(filterCustomerCells(cube, { ...NO_FILTER, seller: 'V2' }, both));
    expect(v2).toMatchObject({ activeEnd: 9, activeStart: 9, churned: 2, newCustomers: 2, portfolio: 11, portfolioBuying: 7 });
    expect(v2.churnRate).toBeCloseTo(2 / 9, 12);
    expect(v2.coveragePct).toBeCloseTo(700 / 11, 12);
    expect(customerTotals([])).toMatchObject({ activeEnd: 0, coveragePct: null, churnRate: null });
  });

  it('gives every month the figures kpis_monthly has, for a region', () => {
    // Sul = RS. jan: sales 300,50 in 2 orders (ticket 150,25), margin unknown; customers active 4 of 5 at the
    // start, 2 churned (40%), 1 new, 3 of 6 bought (50%). fev: 500,00 in 1 order, margin 200,00; active 5,
    // started 4, none churned (0%), 1 new, 4 of 5 bought (80%); fev is the month still running.
    expect(filteredKpiMonths(cube, { ...NO_FILTER, region: 'sul' })).toEqual([
      {
        month: month('2026-01'),
        is_partial_month: false,
        revenue: 300.5,
        orders: 2,
        avg_ticket: 150.25,
        gross_margin: null,
        active_customers: 4,
        active_start: 5,
        churned: 2,
        churn_rate: 0.4,
        new_customers: 1,
        portfolio_customers: 6,
        portfolio_buying_customers: 3,
        coverage_pct: 50,
      },
      {
        month: month('2026-02'),
        is_partial_month: true,
        revenue: 500,
        orders: 1,
        avg_ticket: 500,
        gross_margin: 200,
        active_customers: 5,
        active_start: 4,
        churned: 0,
        churn_rate: 0,
        new_customers: 1,
        portfolio_customers: 5,
        portfolio_buying_customers: 4,
        coverage_pct: 80,
      },
    ]);
  });
});
