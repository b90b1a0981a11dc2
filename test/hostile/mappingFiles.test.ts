import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { OLIST, SUPERSTORE } from './mappingFixtures.ts';
import { describeHostileCases, readParquet, type CaseDirs, type HostileCase } from './hostileCase.ts';

/** The mapping that loads it: four entities from one file, dates m/d/yyyy, Sales as line_total, Discount unused. */
const SUPERSTORE_MAPPING = {
  files: [
    {
      match: 'superstore.csv',
      entity: 'orders',
      columns: {
        order_id: { from: 'Order ID' },
        customer_id: { from: 'Customer ID' },
        order_date: { from: 'Order Date', date_format: '%m/%d/%Y' },
        channel: { constant: 'loja online' },
      },
    },
    {
      match: 'superstore.csv',
      entity: 'order_items',
      columns: {
        order_id: { from: 'Order ID' },
        product_id: { from: 'Product ID' },
        quantity: { from: 'Quantity' },
        line_total: { from: 'Sales' },
        line_number: { from: 'Row ID' },
        unit_cost: { expr: '("Sales" - "Profit") / "Quantity"' },
      },
    },
    {
      match: 'superstore.csv',
      entity: 'customers',
      columns: { 'Customer ID': 'customer_id', 'Customer Name': 'name', segment: { from: 'Segment' }, city: { from: 'City' } },
    },
    {
      match: 'superstore.csv',
      entity: 'products',
      columns: { product_id: { from: 'Product ID' }, name: { from: 'Product Name' }, category: { from: 'Category' } },
    },
  ],
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
      match: 'olist_order_items_dataset.csv',
      entity: 'order_items',
      columns: {
        order_id: { from: 'order_id' },
        product_id: { from: 'product_id' },
        line_number: { from: 'order_item_id' },
        quantity: { constant: 1 },
        line_total: { expr: '"price" + "freight_value"' },
      },
    },
    { match: 'olist_products_dataset.csv', entity: 'products', columns: { product_id: 'product_id', product_category_name: 'category' } },
  ],
};

/** The complete flat-file example of the README, as documented. */
const README_MAPPING: unknown = JSON.parse(
  /A complete mapping for a Superstore-like report[\s\S]*?```json\n([\s\S]*?)```/.exec(
    readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8'),
  )![1]!,
);

/** The default flags plus a mapping file written beside the exports. */
const withMapping =
  (mapping: unknown, extra: string[] = []) =>
  (d: CaseDirs) => {
    const path = join(d.root, 'mapping.json');
    writeFileSync(path, JSON.stringify(mapping, null, 2));
    return ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--mapping', path, ...extra];
  };

/** Counts of one file and entity in load_summary.parquet. */
async function summaryOf(d: CaseDirs, file: string, entity: string) {
  const [row] = await readParquet<Record<string, string>>(
    join(d.out, 'load_summary.parquet'),
    `select read, loaded, rejected, collapsed from t where file = '${file}' and entity = '${entity}'`,
  );
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
        const customers = await readParquet<{ customer_id: string; segment: string }>(
          join(d.out, 'customers.parquet'),
          'select customer_id, segment from t order by customer_id',
        );
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
        const [orphan] = await readParquet<{ line: string; column: string }>(
          join(d.out, 'rejects.parquet'),
          'select line, "column" from t where file = \'sql:orders\'',
        );
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
  ].map(
    ([what, sql]): HostileCase => ({
      name: `a query reading ${what} is refused with exit 3 before anything is read`,
      exports: { 'pedidos.csv': 'pedido;cliente;data\nP1;C1;01/01/2026\n' },
      setup: (d) => writeFileSync(join(d.root, 'segredo.csv'), 'customer_id\nX\n'),
      args: withMapping({ files: [{ entity: 'customers', sql }] }),
      expect: { exit: 3, output: ['sql:customers (consulta do arquivo de mapeamento)'], notOutput: ['X\n'] },
    }),
  ),
  {
    name: 'a query reading a link of the exports folder that leads out of it is refused with exit 3',
    exports: { 'pedidos.csv': 'pedido;cliente;data\nP1;C1;01/01/2026\n' },
    setup: (d) => {
      writeFileSync(join(d.root, 'segredo.csv'), 'customer_id\nX\n');
      symlinkSync(join(d.root, 'segredo.csv'), join(d.exports, 'atalho.csv'));
    },
    args: withMapping({
      files: [
        { entity: 'customers', sql: "select * from 'atalho.csv'" },
        { match: 'atalho.csv', entity: 'sellers', columns: { customer_id: 'seller_id' } },
      ],
    }),
    expect: { exit: 3, output: ['fora da pasta de exportações'] },
  },
  ...[
    ['a subquery', '(select max("valor") from pedidos)', 'subconsulta'],
    ['an aggregate', 'sum("valor")', 'a função sum'],
    ['a file read', "getenv('HOME')", 'a função getenv'],
    ['a column the file does not have', '"preço" * 2', 'não existe no arquivo'],
    ['text multiplied by a number', '"cliente" * 2', 'não pode ser calculada (Binder Error'],
  ].map(
    ([what, expr, says]): HostileCase => ({
      name: `a column expression with ${what} is refused with exit 3, naming the file, entity and column`,
      exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\n' },
      args: withMapping({
        files: [
          {
            match: 'pedidos.csv',
            entity: 'orders',
            columns: { order_id: { from: 'pedido' }, customer_id: { from: 'cliente' }, order_date: { from: 'data' }, amount: { expr } },
          },
        ],
      }),
      expect: { exit: 3, output: ['pedidos.csv (mapeamento de orders, coluna amount)', says!] },
    }),
  ),
  {
    name: 'a date that does not follow its column date_format is rejected as bad_date with the format named, not read in another convention',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;12/31/2025;10\nP2;C1;31/12/2025;10\n' },
    args: withMapping(
      {
        files: [
          {
            match: 'pedidos.csv',
            entity: 'orders',
            columns: {
              order_id: { from: 'pedido' },
              customer_id: { from: 'cliente' },
              order_date: { from: 'data', date_format: '%m/%d/%Y' },
              amount: { from: 'valor' },
            },
          },
        ],
      },
      ['--accept-rejects'],
    ),
    expect: {
      exit: 0,
      summary: { 'pedidos.csv': { read: 2, loaded: 1, rejected: 1 } },
      reasons: { 'pedidos.csv:bad_date': 1 },
      check: async (d) => {
        const [reject] = await readParquet<{ line: string; value: string }>(
          join(d.out, 'rejects.parquet'),
          "select line, value from t where reason_code = 'bad_date'",
        );
        expect({ line: Number(reject?.line), value: reject?.value }).toEqual({ line: 3, value: '31/12/2025 (formato %m/%d/%Y)' });
      },
    },
  },
  {
    name: 'the draft printed by npm run mapping loads the flat Superstore report as it is, with revenue Σ Sales and the Discount fraction left out',
    exports: { 'superstore.csv': SUPERSTORE },
    args: (d) => {
      const draft = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli/mapping.ts', '--exports', d.exports], {
        cwd: resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
      });
      expect(draft.status, draft.stderr).toBe(0);
      expect(draft.stderr).toContain('"Discount" tem frações entre 0 e 1');
      const mapping = JSON.parse(draft.stdout) as { files: { entity: string; columns: Record<string, unknown> }[] };
      expect(mapping.files.map((f) => f.entity)).toEqual(['orders', 'order_items', 'customers', 'products']);
      expect(mapping.files[0]!.columns.order_date).toEqual({ from: 'Order Date', date_format: '%m/%d/%Y' });
      expect(mapping.files[1]!.columns.line_total).toEqual({ from: 'Sales' });
      expect(mapping.files[1]!.columns.discount).toBeUndefined();
      return withMapping(mapping)(d);
    },
    expect: {
      exit: 0,
      output: ['superstore.csv → customers: 7 linhas em 3 registros'],
      check: async (d) => {
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), 'select cast(sum(revenue) as VARCHAR) as revenue from t');
        expect(Number(kpis?.revenue)).toBe(2415.3);
      },
    },
  },
  {
    name: "the README's complete flat-file example loads the Superstore report with revenue Σ Sales",
    exports: { 'superstore.csv': SUPERSTORE },
    args: withMapping(README_MAPPING),
    expect: {
      exit: 0,
      check: async (d) => {
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), 'select cast(sum(revenue) as VARCHAR) as revenue from t');
        expect(Number(kpis?.revenue)).toBe(2415.3);
      },
    },
  },
  {
    name: 'an id of a flat report takes the later of two lines of the same date, and a line without a readable date never wins',
    exports: {
      'vendas.csv':
        'pedido,cliente,segmento,data,produto,qtd,total\nP1,C1,Varejo,01/15/2026,A,1,10.00\nP1,C1,Atacado,01/15/2026,B,1,20.00\nP2,C1,Outro,15/01/2026,A,1,5.00\n',
    },
    args: withMapping(
      {
        files: [
          {
            match: 'vendas.csv',
            entity: 'orders',
            columns: { order_id: { from: 'pedido' }, customer_id: { from: 'cliente' }, order_date: { from: 'data', date_format: '%m/%d/%Y' } },
          },
          {
            match: 'vendas.csv',
            entity: 'order_items',
            columns: { order_id: { from: 'pedido' }, product_id: { from: 'produto' }, quantity: { from: 'qtd' }, line_total: { from: 'total' } },
          },
          { match: 'vendas.csv', entity: 'customers', columns: { customer_id: { from: 'cliente' }, segment: { from: 'segmento' } } },
        ],
      },
      ['--accept-rejects'],
    ),
    expect: {
      exit: 0,
      reasons: { 'vendas.csv:bad_date': 1, 'vendas.csv:order_rejected': 1 },
      check: async (d) => {
        expect(await summaryOf(d, 'vendas.csv', 'customers')).toEqual({ read: 3, loaded: 1, rejected: 0, collapsed: 2 });
        const customers = await readParquet<{ segment: string }>(join(d.out, 'customers.parquet'), 'select segment from t');
        expect(customers).toEqual([{ segment: 'Atacado' }]);
      },
    },
  },
  {
    name: 'a file a query reads is not loaded again by its name: clientes.csv read by a customers query gives each customer once',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\n',
      'clientes.csv': 'codigo;nome\nC1;Um\nC2;Dois\n',
    },
    args: withMapping({ files: [{ entity: 'customers', sql: "select codigo as customer_id, nome as name from 'clientes.csv'" }] }),
    expect: {
      exit: 0,
      summary: { 'sql:customers': { read: 2, loaded: 2 } },
      check: async (d) => {
        const files = await readParquet<{ file: string }>(join(d.out, 'load_summary.parquet'), 'select file from t order by file');
        expect(files.map((f) => f.file)).toEqual(['pedidos.csv', 'sql:customers']);
      },
    },
  },
  {
    name: 'a file read by a query with a line the reader cannot split stops the run with exit 3 instead of losing the line in silence',
    exports: {
      'pedidos.csv': 'pedido;cliente;data\nP1;C1;01/01/2026\n',
      'clientes.csv': 'codigo;nome\nC1;Um\nC2;"Dois\nC3;Tres\n',
    },
    args: withMapping({ files: [{ entity: 'customers', sql: "select codigo as customer_id, nome as name from 'clientes.csv'" }] }),
    expect: { exit: 3, output: ['clientes.csv: lido pela consulta do arquivo de mapeamento, tem 1 linha(s) que não podem ser lidas'] },
  },
];

describeHostileCases('mapping files for flat reports and joined exports', cases);
