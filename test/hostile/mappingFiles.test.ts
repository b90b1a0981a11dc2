import { symlinkSync, writeFileSync } from 'node:fs';
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

/**
 * An Olist-like set of tables: customer ids are per order and resolve to the real customer
 * (customer_unique_id) through the customers table; statuses are English; items are one row per unit
 * with price and freight. Order o5's customer c9 is not in the customers table (an orphan: its
 * customer_id comes out empty, row 5 of the query), and item o9 belongs to no order. Invoiced: o1, o2,
 * o3 (o4 canceled): revenue = (29.99 + 8.72) + (118.70 + 22.76) + 2 × (159.90 + 19.22) = 538.41.
 */
const OLIST: Record<string, string> = {
  'olist_customers_dataset.csv': [
    '"customer_id","customer_unique_id","customer_zip_code_prefix","customer_city","customer_state"',
    '"c1","u1","14409","franca","SP"',
    '"c2","u2","09790","sao bernardo do campo","SP"',
    '"c3","u1","14409","franca","SP"',
    '"c4","u3","01151","sao paulo","SP"',
  ].join('\n') + '\n',
  'olist_orders_dataset.csv': [
    '"order_id","customer_id","order_status","order_purchase_timestamp","order_approved_at"',
    '"o1","c1","delivered","2017-10-02 10:56:33","2017-10-02 11:07:15"',
    '"o2","c2","shipped","2018-07-24 20:41:37","2018-07-26 03:24:27"',
    '"o3","c3","delivered","2018-08-08 08:38:49","2018-08-08 08:55:23"',
    '"o4","c4","canceled","2018-08-01 10:00:00",""',
    '"o5","c9","delivered","2018-08-05 09:00:00","2018-08-05 09:10:00"',
  ].join('\n') + '\n',
  'olist_order_items_dataset.csv': [
    '"order_id","order_item_id","product_id","seller_id","shipping_limit_date","price","freight_value"',
    '"o1",1,"p1","s1","2017-10-06 11:07:15",29.99,8.72',
    '"o2",1,"p2","s2","2018-07-30 03:24:27",118.70,22.76',
    '"o3",1,"p3","s1","2018-08-13 08:55:23",159.90,19.22',
    '"o3",2,"p3","s1","2018-08-13 08:55:23",159.90,19.22',
    '"o4",1,"p1","s1","2018-08-05 10:00:00",29.99,8.72',
    '"o5",1,"p2","s2","2018-08-09 09:10:00",118.70,22.76',
    '"o9",1,"p1","s1","2018-08-09 09:10:00",10.00,5.00',
  ].join('\n') + '\n',
  'olist_products_dataset.csv': '"product_id","product_category_name"\n"p1","cool_stuff"\n"p2","perfumaria"\n"p3","informatica_acessorios"\n',
};

const OLIST_MAPPING = {
  files: [
    {
      entity: 'customers',
      sql: "select customer_unique_id as customer_id, min(customer_city) as city, min(customer_state) as state from 'olist_customers_dataset.csv' group by customer_unique_id order by 1",
    },
    {
      entity: 'orders',
      sql: "select o.order_id, c.customer_unique_id as customer_id, o.order_purchase_timestamp as order_date, o.order_status from 'olist_orders_dataset.csv' o left join 'olist_customers_dataset.csv' c on c.customer_id = o.customer_id order by o.order_id",
      columns: { status: { from: 'order_status', values: { delivered: 'invoiced', shipped: 'invoiced', canceled: 'canceled', unavailable: 'canceled' } } },
    },
    {
      match: 'olist_order_items_dataset.csv', entity: 'order_items',
      columns: {
        order_id: { from: 'order_id' }, product_id: { from: 'product_id' }, line_number: { from: 'order_item_id' },
        quantity: { constant: 1 }, line_total: { expr: '"price" + "freight_value"' },
      },
    },
    { match: 'olist_products_dataset.csv', entity: 'products', columns: { product_category_name: 'category' } },
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
  {
    name: 'Olist-like tables load through a mapping file alone: per-order customer ids resolved by a query, English statuses mapped, orphans reported',
    exports: OLIST,
    args: withMapping(OLIST_MAPPING, ['--accept-rejects']),
    expect: {
      exit: 0,
      summary: {
        'sql:customers': { read: 3, loaded: 3, rejected: 0 },
        'sql:orders': { read: 5, loaded: 4, rejected: 1 },
        'olist_order_items_dataset.csv': { read: 7, loaded: 5, rejected: 2 },
      },
      reasons: { 'sql:orders:missing_required': 1, 'olist_order_items_dataset.csv:order_rejected': 1, 'olist_order_items_dataset.csv:unknown_order': 1 },
      check: async (d) => {
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), 'select cast(sum(revenue) as VARCHAR) as revenue from t');
        expect(Number(kpis?.revenue)).toBe(538.41);
        const [orphan] = await readParquet<{ line: string; column: string }>(join(d.out, 'rejects.parquet'), "select line, \"column\" from t where file = 'sql:orders'");
        expect({ line: Number(orphan?.line), column: orphan?.column }).toEqual({ line: 5, column: 'customer_id' });
        const customers = await readParquet<{ customer_id: string }>(join(d.out, 'customers.parquet'), 'select customer_id from t order by 1');
        expect(customers.map((c) => c.customer_id)).toEqual(['u1', 'u2', 'u3']);
      },
    },
  },
  ...[
    ['a path with ..', "select * from '../segredo.csv'"],
    ['an absolute path', "select * from '/etc/passwd'"],
    ['a glob', "select * from '*.csv'"],
    ['a table function', "select * from read_csv('/etc/passwd')"],
    ['a table of the warehouse', 'select * from load_rejects'],
  ].map(([what, sql]): HostileCase => ({
    name: `a query reading ${what} is refused with exit 3 before anything is read`,
    exports: { 'pedidos.csv': 'pedido;cliente;data\nP1;C1;01/01/2026\n' },
    setup: (d) => writeFileSync(join(d.root, 'segredo.csv'), 'customer_id\nX\n'),
    args: withMapping({ files: [{ entity: 'customers', sql }] }),
    expect: { exit: 3, output: ['sql:customers (consulta do arquivo de mapeamento)'], notOutput: ['X\n'] },
  })),
  {
    name: 'a query reading a link of the exports folder that leads out of it is refused with exit 3',
    exports: { 'pedidos.csv': 'pedido;cliente;data\nP1;C1;01/01/2026\n' },
    setup: (d) => {
      writeFileSync(join(d.root, 'segredo.csv'), 'customer_id\nX\n');
      symlinkSync(join(d.root, 'segredo.csv'), join(d.exports, 'atalho.csv'));
    },
    args: withMapping({ files: [{ entity: 'customers', sql: "select * from 'atalho.csv'" }, { match: 'atalho.csv', entity: 'sellers', columns: { customer_id: 'seller_id' } }] }),
    expect: { exit: 3, output: ['fora da pasta de exportações'] },
  },
  ...[
    ['a subquery', '(select max("valor") from pedidos)', 'subconsulta'],
    ['an aggregate', 'sum("valor")', 'a função sum'],
    ['a file read', "getenv('HOME')", 'a função getenv'],
    ['a column the file does not have', '"preço" * 2', 'não existe no arquivo'],
  ].map(([what, expr, says]): HostileCase => ({
    name: `a column expression with ${what} is refused with exit 3, naming the file, entity and column`,
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\n' },
    args: withMapping({ files: [{ match: 'pedidos.csv', entity: 'orders', columns: { order_id: { from: 'pedido' }, customer_id: { from: 'cliente' }, order_date: { from: 'data' }, amount: { expr } } }] }),
    expect: { exit: 3, output: ['pedidos.csv (mapeamento de orders, coluna amount)', says!] },
  })),
  {
    name: 'a date that does not follow its column date_format is rejected as bad_date with the format named, not read in another convention',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;12/31/2025;10\nP2;C1;31/12/2025;10\n' },
    args: withMapping({ files: [{ match: 'pedidos.csv', entity: 'orders', columns: { order_id: { from: 'pedido' }, customer_id: { from: 'cliente' }, order_date: { from: 'data', date_format: '%m/%d/%Y' }, amount: { from: 'valor' } } }] }, ['--accept-rejects']),
    expect: {
      exit: 0,
      summary: { 'pedidos.csv': { read: 2, loaded: 1, rejected: 1 } },
      reasons: { 'pedidos.csv:bad_date': 1 },
      check: async (d) => {
        const [reject] = await readParquet<{ line: string; value: string }>(join(d.out, 'rejects.parquet'), "select line, value from t where reason_code = 'bad_date'");
        expect({ line: Number(reject?.line), value: reject?.value }).toEqual({ line: 3, value: '31/12/2025 (formato %m/%d/%Y)' });
      },
    },
  },
];

describeHostileCases('mapping files for flat reports and joined exports', cases);
