import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_MARKER } from './demoMarker.ts';
import { CATEGORIES, buildCatalog } from './catalog.ts';
import { buildContracts } from './contracts.ts';
import { buildCustomers } from './customers.ts';
import { buildLeads } from './leads.ts';
import { buildMarketingSpend } from './marketing.ts';
import { expectedLines, writeOrders } from './orders.ts';
import { Rng } from './random.ts';
import { SellerDirectory, buildSellers } from './sellers.ts';
import { TABLES } from './tables.ts';
import { buildTargets } from './targets.ts';
import { DIALECTS, TableWriter, type Cell, type Dialect } from './writeCsv.ts';

/** Options of the demo generator; the same options always give byte-identical files. */
export interface DemoOptions {
  outDir: string;
  /** Size of the customer base (default 2,000, or sized from orderLines when only that is given). */
  customers?: number;
  /** Target number of order_items lines; orders per customer are scaled to reach it. */
  orderLines?: number;
  seed?: number;
  /** The dialects to write (default both; a benchmark of the canonical files alone skips the other). */
  dialects?: readonly Dialect[];
}

/** Customers of the default dataset. */
export const DEFAULT_CUSTOMERS = 2000;
/** Seed of the default dataset. */
export const DEFAULT_SEED = 1;
// Item lines a customer of the base produces on average over the three years (measured on the default
// dataset), used to size the base when only --order-lines is given.
const LINES_PER_CUSTOMER = 125;

async function writeTable(outDir: string, dialects: readonly Dialect[], spec: (typeof TABLES)[keyof typeof TABLES], rows: Iterable<readonly Cell[]>) {
  const writer = new TableWriter(outDir, spec, dialects);
  for (const row of rows) writer.write(row);
  return writer.close();
}

/**
 * Writes the demo dataset of a Brazilian food & consumer-goods distributor to `<outDir>/canonical` and
 * `<outDir>/excel-br` (same data, two dialects). Orders are streamed, so ten million lines fit in little memory.
 */
export async function generateDemoData(options: DemoOptions): Promise<{ files: { path: string; rows: number }[] }> {
  const { outDir, orderLines } = options;
  const dialects = options.dialects ?? DIALECTS;
  const customerCount = options.customers ?? (orderLines ? Math.max(50, Math.round(orderLines / LINES_PER_CUSTOMER)) : DEFAULT_CUSTOMERS);
  const root = new Rng(options.seed ?? DEFAULT_SEED);
  const rng = (label: string) => root.fork(label);
  const catalogRng = rng('catalog');
  const sellersRng = rng('sellers');
  const directoryRng = rng('directory');
  const customersRng = rng('customers');
  const ordersRng = rng('orders');
  const contractsRng = rng('contracts');
  const targetsRng = rng('targets');
  const leadsRng = rng('leads');
  const marketingRng = rng('marketing');

  const products = buildCatalog(catalogRng.float);
  const sellers = buildSellers(Math.max(8, Math.round(customerCount / 80)), sellersRng);
  const directory = new SellerDirectory(sellers, directoryRng);
  const customers = buildCustomers(customerCount, products, directory, customersRng);
  const naturalLines = customers.reduce((sum, c) => sum + expectedLines(c), 0);
  const frequency = orderLines ? orderLines / naturalLines : 1;
  const expectedOrders = customers.reduce((sum, c) => sum + expectedLines(c, frequency) / c.linesMean, 0);

  for (const dialect of dialects) {
    await mkdir(join(outDir, dialect), { recursive: true });
  }
  const files: { path: string; rows: number }[] = [];
  files.push(
    ...(await writeTable(
      outDir,
      dialects,
      TABLES.customers,
      customers.filter((c) => c.listed).map((c) => [c.id, c.name, c.document, c.segment, c.city, c.uf, sellers[c.owner]!.id, c.createdAt, c.email, c.phone]),
    )),
    ...(await writeTable(
      outDir,
      dialects,
      TABLES.sellers,
      sellers.map((s) => [s.id, s.name, s.team, s.uf, s.hiredAt, s.leftAt === null]),
    )),
    ...(await writeTable(
      outDir,
      dialects,
      TABLES.products,
      products.map((p) => [p.id, p.name, CATEGORIES[p.category]!]),
    )),
  );

  const orders = new TableWriter(outDir, TABLES.orders, dialects);
  const items = new TableWriter(outDir, TABLES.orderItems, dialects);
  const idWidth = Math.max(7, String(Math.ceil(expectedOrders * 1.5)).length);
  const stats = await writeOrders({ customers, products, directory, orders, items, rng: ordersRng, frequency, idWidth });
  files.push(...(await orders.close()), ...(await items.close()));

  files.push(
    ...(await writeTable(outDir, dialects, TABLES.contracts, buildContracts(customers, products, contractsRng))),
    ...(await writeTable(outDir, dialects, TABLES.targets, buildTargets(sellers, stats, targetsRng))),
    ...(await writeTable(outDir, dialects, TABLES.leads, buildLeads(customers, sellers, leadsRng))),
    ...(await writeTable(outDir, dialects, TABLES.marketingSpend, buildMarketingSpend(customerCount, marketingRng))),
  );
  // Written last: a generation cut short leaves no marker, and the next run generates the demo again.
  for (const dialect of dialects) {
    await writeFile(
      join(outDir, dialect, DEMO_MARKER),
      'Dados fictícios gerados pelo Carteira (npm run demo-data). Relatórios feitos com eles dizem isso em todas as páginas.\n',
    );
  }
  return { files };
}
