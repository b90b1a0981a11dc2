import { readdirSync, writeFileSync } from 'node:fs';
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

  const run = async (customers: string[], asOf: string, options: { demo?: boolean } = {}) => {
    const exports = join(root.dir, `exports-${asOf}-${customers.length}${options.demo ? '-demo' : ''}`);
    writeExport(exports, 'orders.csv', orders);
    writeExport(exports, 'customers.csv', customers);
    writeExport(exports, 'sellers.csv', sellers);
    if (options.demo) writeFileSync(join(exports, DEMO_MARKER), '');
    await runPipeline({ exportsDir: exports, outDir: out, asOf, warehousePath: null, pseudonymKeyFile: keyFile });
  };
  const changes = <T = Record<string, unknown>>(where = 'true') =>
    db.rows<T>(`select * from read_parquet('${join(out, 'status_changes.parquet')}') where ${where} order by change_type, kpi, customer_id`);
  const partitions = () => readdirSync(join(out, 'history')).sort();

  beforeAll(async () => {
    writeFileSync(keyFile, TEST_PSEUDONYM_KEY);
    db = await Database.open();
  });
  afterAll(() => {
    db.close();
    root.cleanup();
  });
  return { run, changes, partitions, out };
}

describe('what changed since the previous report (history snapshots and status_changes)', () => {
  const { run, changes, partitions, out } = reports();

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
