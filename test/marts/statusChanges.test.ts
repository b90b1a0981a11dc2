import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MARKER } from '../../pipelines/demo/demoMarker.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';
import { TEST_PSEUDONYM_KEY } from './runMarts.ts';

const ORDERS_HEADER = 'order_id,customer_id,order_date,seller_id,status,channel,amount';

/** One invoiced order a month on `day`, June 2025 to June 2026 (the run leaves out those after its as-of date). */
function monthlyOrders(customer: string, day: number, amount: number, lastMonth = '2026-06'): string[] {
  const lines: string[] = [];
  for (let m = 0; m < 13; m++) {
    const month = new Date(Date.UTC(2025, 5 + m, 1)).toISOString().slice(0, 7);
    if (month > lastMonth) break;
    lines.push(`${customer}-${month},${customer},${month}-${String(day).padStart(2, '0')},V1,invoiced,,${amount}`);
  }
  return lines;
}

const orders = [
  ORDERS_HEADER,
  // A: monthly on the 1st until May (median gap 31 days: active up to 1.5 × 31 = 46.5 days silent, at risk up
  // to max(3 × 31, 180)): 30 days silent on 31/05, active; 60 days on 30/06, at risk
  ...monthlyOrders('A', 1, 100, '2026-05'),
  // B and E: monthly until June, active at both dates
  ...monthlyOrders('B', 10, 200),
  ...monthlyOrders('E', 12, 300),
  // C: first purchase on 05/06, after the first report's date: prospect on 31/05, new on 30/06
  'C-1,C,2026-06-05,V1,invoiced,,500',
];

const customersBefore = [
  'customer_id,name,segment,state,seller_id',
  'A,Alfa Ltda,Bar,SP,V1',
  'B,Beta Ltda,Bar,SP,V1',
  'C,Gama Ltda,Bar,SP,V1',
  'E,Epsilon Ltda,Bar,SP,V1',
  'F,Fi Ltda,Bar,SP,V1',
];
// between the reports: E handed to Bruno (V2), D added (a prospect), F removed
const customersAfter = [
  'customer_id,name,segment,state,seller_id',
  'A,Alfa Ltda,Bar,SP,V1',
  'B,Beta Ltda,Bar,SP,V1',
  'C,Gama Ltda,Bar,SP,V1',
  'D,Delta Ltda,Bar,SP,V1',
  'E,Epsilon Ltda,Bar,SP,V2',
];
const sellers = ['seller_id,name', 'V1,Ana Souza', 'V2,Bruno Lima'];

/** Runs the pipeline on the fixture into one marts folder, report after report. */
function reports() {
  const root = tempDir('carteira-history-');
  const out = join(root.dir, 'marts');
  const keyFile = join(root.dir, 'pseudonym.key');
  let db: Database;

  const run = async (customers: string[], asOf: string, options: { demo?: boolean; orders?: string[]; key?: string; config?: object } = {}) => {
    const exports = join(root.dir, `exports-${asOf}-${customers.length}${options.demo ? '-demo' : ''}`);
    writeFileSync(keyFile, options.key ?? TEST_PSEUDONYM_KEY);
    const configPath = options.config ? join(root.dir, 'config.json') : undefined;
    if (configPath) writeFileSync(configPath, JSON.stringify(options.config));
    writeExport(exports, 'orders.csv', options.orders ?? orders);
    writeExport(exports, 'customers.csv', customers);
    writeExport(exports, 'sellers.csv', sellers);
    if (options.demo) writeFileSync(join(exports, DEMO_MARKER), '');
    await runPipeline({ exportsDir: exports, outDir: out, asOf, warehousePath: null, pseudonymKeyFile: keyFile, configPath });
  };
  const changes = <T = Record<string, unknown>>(where = 'true') =>
    db.rows<T>(`select * from read_parquet('${join(out, 'status_changes.parquet')}') where ${where} order by change_type, kpi, customer_id`);
  const summary = <T = Record<string, unknown>>(columns: string) =>
    db.rows<T>(`select ${columns} from read_parquet('${join(out, 'status_change_summary.parquet')}') order by change_type, previous_status, status`);
  const partitions = () => readdirSync(join(out, 'history')).sort();

  beforeAll(async () => {
    db = await Database.open();
  });
  afterAll(() => {
    db.close();
    root.cleanup();
  });
  return { run, changes, summary, partitions, out, db: () => db };
}

const ANOTHER_KEY = 'another-key-of-at-least-32-characters-0123456789';

describe('what changed since the previous report (history snapshots and status_changes)', () => {
  const { run, changes, summary, partitions, out } = reports();

  it('has nothing to compare on the first report, and keeps its snapshot', async () => {
    await run(customersBefore, '2026-05-31');
    expect(await changes()).toEqual([]);
    expect(partitions()).toEqual(['as_of_date=2026-05-31']);
    expect(readdirSync(join(out, 'history', 'as_of_date=2026-05-31')).sort()).toEqual(['customers.parquet', 'kpis_monthly.parquet', 'sellers.parquet']);
  });

  it('lists the customers that moved status, entered or left, against the previous report', async () => {
    await run(customersAfter, '2026-06-30');
    expect(partitions()).toEqual(['as_of_date=2026-05-31', 'as_of_date=2026-06-30']);
    const moves = await changes<{
      customer_id: string;
      previous_status: string | null;
      status: string | null;
      is_new_at_risk: boolean;
      previous_as_of_date: string;
    }>("change_type = 'status'");
    expect(moves.map((m) => [m.customer_id, m.previous_status, m.status, m.is_new_at_risk])).toEqual([
      ['A', 'active', 'at_risk', true],
      ['C', 'prospect', 'new', false],
      ['D', null, 'prospect', false],
      ['F', 'prospect', null, false],
    ]);
    expect(new Set(moves.map((m) => m.previous_as_of_date))).toEqual(new Set(['2026-05-31']));
  });

  it('lists the portfolios handed over, with both sellers named', async () => {
    const owners = await changes<{ customer_id: string; customer_name: string; previous_seller_id: string; seller_id: string; description_pt: string }>(
      "change_type = 'owner'",
    );
    expect(owners).toEqual([
      expect.objectContaining({
        customer_id: 'E',
        customer_name: 'Epsilon Ltda',
        previous_seller_id: 'V1',
        seller_id: 'V2',
        description_pt: 'Carteira passou de Ana Souza (V1) para Bruno Lima (V2)',
      }),
    ]);
  });

  it('counts the customers of each kind of move once per change type in status_change_summary', async () => {
    // status: A active → at risk, C prospect → new, D entered, F left: four moves of one customer each, 1 + 1 + 1 + 1 = 4;
    // of them only A became at risk: 1; owner: E handed from V1 to V2 = 1, none became at risk
    const columns = 'change_type, previous_status, status, customers, change_type_customers, change_type_new_at_risk_customers as at_risk';
    expect(await summary(columns)).toEqual([
      { change_type: 'owner', previous_status: null, status: null, customers: 1, change_type_customers: 1, at_risk: 0 },
      { change_type: 'status', previous_status: 'active', status: 'at_risk', customers: 1, change_type_customers: 4, at_risk: 1 },
      { change_type: 'status', previous_status: 'prospect', status: 'new', customers: 1, change_type_customers: 4, at_risk: 1 },
      { change_type: 'status', previous_status: 'prospect', status: null, customers: 1, change_type_customers: 4, at_risk: 1 },
      { change_type: 'status', previous_status: null, status: 'prospect', customers: 1, change_type_customers: 4, at_risk: 1 },
    ]);
  });

  it('compares the headline KPIs of the two reference months', async () => {
    const kpis = await changes<{ kpi: string; previous_value: number; value: number }>("change_type = 'kpi'");
    const byKpi = Object.fromEntries(kpis.map((k) => [k.kpi, [k.previous_value, k.value]]));
    // positivação: buyers of the portfolio at the month's start ÷ that portfolio; May: A, B, E of A, B, E;
    // June: B and E of A, B, E (C is new in June, not yet in the portfolio at its start)
    const [coverageMay, coverageJune] = byKpi.coverage_pct!;
    expect(coverageMay).toBeCloseTo(100, 6);
    expect(coverageJune).toBeCloseTo(200 / 3, 6);
    delete byKpi.coverage_pct;
    expect(byKpi).toEqual({
      // May: A, B, E active (C, F prospects); June: B, E active, A at risk, C new
      active_customers: [3, 4],
      at_risk_customers: [0, 1],
      new_customers: [0, 1],
      churned: [0, 0],
      // May: A 100 + B 200 + E 300; June: B 200 + E 300 + C 500
      revenue: [600, 1000],
      // 600 / 3 orders; 1000 / 3 orders
      avg_ticket: [200, 333.33],
    });
  });

  it('compares a rerun of the same date with the earlier report, not with itself', async () => {
    await run(customersAfter, '2026-06-30');
    expect(partitions()).toEqual(['as_of_date=2026-05-31', 'as_of_date=2026-06-30']);
    expect((await changes("change_type = 'status'")).length).toBe(4);
  });

  it('compares plain codes (C00123) with a report made with another pseudonym key: they are no pseudonyms', async () => {
    await run(customersAfter, '2026-06-30', { key: ANOTHER_KEY });
    expect((await changes("change_type = 'status'")).length).toBe(4);
    expect(new Set((await changes()).map((c) => c.are_customers_compared))).toEqual(new Set([true]));
  });

  it('never mixes demo snapshots with real ones', async () => {
    // a demo run into a folder with real history writes no snapshot and compares with nothing
    await run(customersAfter, '2026-07-31', { demo: true });
    expect(partitions()).toEqual(['as_of_date=2026-05-31', 'as_of_date=2026-06-30']);
    expect(await changes()).toEqual([]);
  });
});

describe('a history started on the demo dataset', () => {
  const { run, changes, partitions } = reports();

  it('is dropped by the first run on real exports, which then has nothing to compare with', async () => {
    await run(customersBefore, '2026-05-31', { demo: true });
    expect(partitions()).toEqual(['as_of_date=2026-05-31']);
    await run(customersAfter, '2026-06-30');
    expect(partitions()).toEqual(['as_of_date=2026-06-30']);
    expect(await changes()).toEqual([]);
  });
});

describe('customers keyed by their CNPJ, written with punctuation in one file and without in another', () => {
  const { run, changes, out, db } = reports();
  const ALFA = '11.222.333/0001-81';
  const BETA = '22.333.444/0001-92';
  const customers = ['customer_id,name,segment,state,seller_id', `"${ALFA}",Alfa Ltda,Bar,SP,V1`, `"${BETA}",Beta Ltda,Bar,SP,V1`];
  // both buy every month until June, and stay on the customer list: nobody enters or leaves between reports
  const digitOrders = [ORDERS_HEADER, ...monthlyOrders('11222333000181', 1, 100), ...monthlyOrders('22333444000192', 2, 200)];
  const moves = () => changes<{ change_type: string; previous_status: string | null; status: string | null; are_customers_compared: boolean }>();
  const enteredOrLeft = (rows: Awaited<ReturnType<typeof moves>>) => rows.filter((r) => r.change_type === 'status' && (!r.previous_status || !r.status));
  const customerRows = () =>
    db().rows<{ customer_id: string; revenue: number }>(
      `select customer_id, revenue::double as revenue from read_parquet('${join(out, 'customers.parquet')}') order by revenue`,
    );

  it('reads both spellings as one customer: two customers, each with its orders, under a pseudonym', async () => {
    await run(customers, '2026-05-31', { orders: digitOrders });
    const rows = await customerRows();
    // Alfa: 12 months (June 2025 to May 2026) × 100; Beta: 12 × 200
    expect(rows.map((r) => r.revenue)).toEqual([1200, 2400]);
    expect(rows.every((r) => /^CLI-[A-Z]{12}$/.test(r.customer_id))).toBe(true);
  });

  it('compares them with the previous report made with the same key: nobody entered or left', async () => {
    await run(customers, '2026-06-30', { orders: digitOrders });
    const rows = await moves();
    expect(enteredOrLeft(rows)).toEqual([]);
    expect(rows.filter((r) => r.change_type === 'kpi').length).toBe(7);
    expect(new Set(rows.map((r) => r.are_customers_compared))).toEqual(new Set([true]));
  });

  it('compares only the KPIs with a report whose pseudonyms came from another key, instead of two customers leaving and two entering', async () => {
    await run(customers, '2026-07-10', { orders: digitOrders, key: ANOTHER_KEY });
    const rows = await moves();
    expect(rows.map((r) => r.change_type)).toEqual(Array(7).fill('kpi'));
    expect(new Set(rows.map((r) => r.are_customers_compared))).toEqual(new Set([false]));
  });

  it('compares customers again from the next report with that key on', async () => {
    await run(customers, '2026-07-20', { orders: digitOrders, key: ANOTHER_KEY });
    const rows = await moves();
    expect(enteredOrLeft(rows)).toEqual([]);
    expect(new Set(rows.map((r) => r.are_customers_compared))).toEqual(new Set([true]));
  });

  it('compares only the KPIs with a snapshot written before the code reading was stamped (its pseudonyms may have been read another way)', async () => {
    const snapshot = join(out, 'history', 'as_of_date=2026-07-20', 'customers.parquet');
    await db().run(`copy (select * from read_parquet('${snapshot}')) to '${snapshot}.old' (format parquet, kv_metadata {data_source: 'exports'})`);
    renameSync(`${snapshot}.old`, snapshot);
    await run(customers, '2026-07-31', { orders: digitOrders, key: ANOTHER_KEY });
    expect(new Set((await moves()).map((r) => r.are_customers_compared))).toEqual(new Set([false]));
  });
});

describe('customers known by name only', () => {
  const { run, changes } = reports();
  const customers = ['customer_id,name,segment,state,seller_id', 'Maria da Silva,,Bar,SP,V1', 'C2,Beta Ltda,Bar,SP,V1'];
  const namedOrders = [ORDERS_HEADER, ...monthlyOrders('Maria da Silva', 1, 100), ...monthlyOrders('C2', 2, 200)];
  const compared = async () => new Set((await changes<{ are_customers_compared: boolean }>()).map((r) => r.are_customers_compared));

  it('are compared on KPIs only with a report that published their names, once privacy hides them', async () => {
    // the first report published person names (and so the code that is one); the second hides them
    await run(customers, '2026-05-31', { orders: namedOrders, config: { privacy: { pseudonymize_person_names: false } } });
    await run(customers, '2026-06-30', { orders: namedOrders });
    expect(await compared()).toEqual(new Set([false]));
    expect((await changes("change_type = 'status'")).length).toBe(0);
  });

  it('are compared again between two reports that read them the same way', async () => {
    await run(customers, '2026-07-10', { orders: namedOrders });
    expect(await compared()).toEqual(new Set([true]));
  });
});
