import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeHostileCases, readParquet, type CaseDirs, type HostileCase } from './hostileCase.ts';

/**
 * A Superstore-like flat "vendas por item" report: one line per item with order, customer and product
 * columns, UTF-8 with BOM, m/d/yyyy dates, US states, Sales as the line total and Discount as a 0-1
 * fraction. Claire Gute's latest order (9/7/2017, line 4) is not her last line in the file; Darrin Van
 * Huff's last line in the file (line 8) is his earliest order. Σ Sales = 261.96 + 731.94 + 377.97 +
 * 957.58 + 22.37 + 14.62 + 48.86 = 2415.30.
 */
const SUPERSTORE = '\uFEFF' + [
  'Row ID,Order ID,Order Date,Ship Date,Customer ID,Customer Name,Segment,City,State,Product ID,Category,Product Name,Sales,Quantity,Discount,Profit',
  '1,CA-2016-152156,11/8/2016,11/11/2016,CG-12520,Claire Gute,Consumer,Henderson,Kentucky,FUR-BO-10001798,Furniture,Bush Somerset Collection Bookcase,261.96,2,0,41.9136',
  '2,CA-2016-152156,11/8/2016,11/11/2016,CG-12520,Claire Gute,Consumer,Henderson,Kentucky,FUR-CH-10000454,Furniture,"Hon Deluxe Fabric Upholstered Stacking Chairs, Rounded Back",731.94,3,0,219.582',
  '3,CA-2017-100006,9/7/2017,9/13/2017,CG-12520,Claire Gute,Home Office,Louisville,Kentucky,TEC-PH-10002075,Technology,AT&T EL51110 DECT,377.97,3,0,109.6113',
  '4,US-2015-108966,10/11/2015,10/18/2015,SO-20335,Sean O\'Donnell,Consumer,Fort Lauderdale,Florida,FUR-TA-10000577,Furniture,Bretford CR4500 Series Slim Rectangular Table,957.58,5,0.45,-383.031',
  '5,US-2015-108966,10/11/2015,10/18/2015,SO-20335,Sean O\'Donnell,Consumer,Fort Lauderdale,Florida,OFF-ST-10000760,Office Supplies,Eldon Fold \'N Roll Cart System,22.37,2,0.2,2.5164',
  '6,CA-2016-138688,6/12/2016,6/16/2016,DV-13045,Darrin Van Huff,Corporate,Los Angeles,California,OFF-LA-10000240,Office Supplies,Self-Adhesive Address Labels,14.62,2,0,6.8714',
  '7,CA-2015-115812,6/9/2015,6/14/2015,DV-13045,Darrin Van Huff,Consumer,Seattle,Washington,OFF-LA-10000240,Office Supplies,Self-Adhesive Address Labels,48.86,7,0,14.1694',
].join('\r\n') + '\r\n';

/** The mapping that loads it: four entities from one file, dates m/d/yyyy, Sales as line_total, Discount unused. */
const SUPERSTORE_MAPPING = {
  files: [
    {
      match: 'superstore.csv', entity: 'orders',
      columns: {
        order_id: { from: 'Order ID' }, customer_id: { from: 'Customer ID' },
        order_date: { from: 'Order Date', date_format: '%m/%d/%Y' }, channel: { constant: 'loja online' },
      },
    },
    {
      match: 'superstore.csv', entity: 'order_items',
      columns: {
        order_id: { from: 'Order ID' }, product_id: { from: 'Product ID' }, quantity: { from: 'Quantity' },
        line_total: { from: 'Sales' }, line_number: { from: 'Row ID' },
        unit_cost: { expr: '("Sales" - "Profit") / "Quantity"' },
      },
    },
    {
      match: 'superstore.csv', entity: 'customers',
      columns: { 'Customer ID': 'customer_id', 'Customer Name': 'name', segment: { from: 'Segment' }, city: { from: 'City' } },
    },
    {
      match: 'superstore.csv', entity: 'products',
      columns: { product_id: { from: 'Product ID' }, name: { from: 'Product Name' }, category: { from: 'Category' } },
    },
  ],
};

/** The default flags plus a mapping file written beside the exports. */
const withMapping = (mapping: unknown, extra: string[] = []) => (d: CaseDirs) => {
  const path = join(d.root, 'mapping.json');
  writeFileSync(path, JSON.stringify(mapping, null, 2));
  return ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--mapping', path, ...extra];
};

/** Counts of one file and entity in load_summary.parquet. */
async function summaryOf(d: CaseDirs, file: string, entity: string) {
  const [row] = await readParquet<Record<string, string>>(join(d.out, 'load_summary.parquet'), `select read, loaded, rejected, collapsed from t where file = '${file}' and entity = '${entity}'`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

const cases: HostileCase[] = [
  {
    name: 'a flat Superstore report loads through a mapping file alone, and its revenue is Σ Sales to the cent, never using the Discount fraction',
    exports: { 'superstore.csv': SUPERSTORE },
    args: withMapping(SUPERSTORE_MAPPING),
    expect: {
      exit: 0,
      check: async (d) => {
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), 'select cast(sum(revenue) as VARCHAR) as revenue from t');
        expect(Number(kpis?.revenue)).toBe(2415.3);
        const [cube] = await readParquet<{ revenue: string }>(join(d.out, 'sales_cube.parquet'), 'select cast(sum(revenue) as VARCHAR) as revenue from t');
        expect(Number(cube?.revenue)).toBe(2415.3);
        // 7 lines: 5 orders, 3 customers, 6 products; the other lines collapse into the id's latest line
        expect(await summaryOf(d, 'superstore.csv', 'orders')).toEqual({ read: 7, loaded: 5, rejected: 0, collapsed: 2 });
        expect(await summaryOf(d, 'superstore.csv', 'order_items')).toEqual({ read: 7, loaded: 7, rejected: 0, collapsed: 0 });
        expect(await summaryOf(d, 'superstore.csv', 'customers')).toEqual({ read: 7, loaded: 3, rejected: 0, collapsed: 4 });
        expect(await summaryOf(d, 'superstore.csv', 'products')).toEqual({ read: 7, loaded: 6, rejected: 0, collapsed: 1 });
        const customers = await readParquet<{ customer_id: string; segment: string }>(join(d.out, 'customers.parquet'), 'select customer_id, segment from t order by customer_id');
        expect(customers).toEqual([
          { customer_id: 'CG-12520', segment: 'Home Office' },
          { customer_id: 'DV-13045', segment: 'Corporate' },
          { customer_id: 'SO-20335', segment: 'Consumer' },
        ]);
        const rejects = await readParquet(join(d.out, 'rejects.parquet'), "select * from t where severity = 'reject'");
        expect(rejects).toEqual([]);
      },
    },
  },
];

describeHostileCases('mapping files for flat reports and joined exports', cases);
