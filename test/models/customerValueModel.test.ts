import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../pipelines/demo/random.ts';
import { expectedPurchases, pAlive } from '../../pipelines/models/bgnbd.ts';
import { discountedExpectedPurchases } from '../../pipelines/models/clv.ts';
import { customerValueModel, summarizeCustomers } from '../../pipelines/models/customerValueModel.ts';
import { drawGamma, simulateRepeatPurchases } from '../../pipelines/models/simulatePurchases.ts';
import { Database } from '../../pipelines/warehouse/database.ts';

const ORDERS_TABLE = `create table int_orders_valued (
    order_id varchar, customer_id varchar, order_date date, order_value decimal(18, 2), is_invoiced boolean)`;

describe('customer value model on a handful of orders', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open();
    await db.run(`${ORDERS_TABLE};
      insert into int_orders_valued values
        ('o1', 'C1', DATE '2026-01-05', 100.00, true),
        ('o2', 'C1', DATE '2026-01-05', 50.00, true),
        ('o3', 'C1', DATE '2026-02-04', 80.00, true),
        ('o4', 'C1', DATE '2026-03-06', 120.00, true),
        ('o5', 'C1', DATE '2026-03-06', 30.00, true),
        ('o6', 'C1', DATE '2026-05-01', 999.00, false),
        ('o7', 'C1', DATE '2026-07-10', 500.00, true),
        ('o8', 'C2', DATE '2026-06-30', 45.50, true),
        ('o9', 'C3', DATE '2025-12-31', 10.00, true),
        ('o10', 'C3', DATE '2026-06-01', 70.00, true),
        ('o11', 'C4', DATE '2026-04-01', 60.00, false),
        ('o12', null, DATE '2026-03-01', 10.00, true);
      set variable as_of_date = DATE '2026-06-30'`);
  });
  afterAll(() => db.close());

  it('counts repeat purchases per distinct invoiced day up to the as-of date, with t_x and T in days', async () => {
    await summarizeCustomers(db);
    const rows = await db.rows('select customer_id, x, tx_days, age_days, repeat_value from cv_customer_summaries order by customer_id');
    expect(rows).toEqual([
      // Days 01-05, 02-04, 03-06 (two orders on the first and last); the canceled order and the one
      // after the as-of date do not count. t_x = 30 + 30 days; T = day 181 − day 5 = 176; repeat value 80 + 150.
      { customer_id: 'C1', x: 2, tx_days: 60, age_days: 176, repeat_value: '230.00' },
      // First purchase on the as-of date itself.
      { customer_id: 'C2', x: 0, tx_days: 0, age_days: 0, repeat_value: null },
      // 2025-12-31 → 2026-06-01 is day 152 of 2026; → 2026-06-30 is day 181.
      { customer_id: 'C3', x: 1, tx_days: 152, age_days: 181, repeat_value: '70.00' },
    ]);
  });

  it('with fewer repeat buyers than the minimum, fits nothing and writes NULL predictions', async () => {
    const result = await customerValueModel.run(db, {});
    expect(result.bgnbd.usable).toBe(false);
    expect(await db.rows('select * from int_customer_value_predictions')).toEqual(
      ['C1', 'C2', 'C3'].map((customer_id) => ({
        customer_id,
        p_alive: null,
        expected_purchases_90d: null,
        expected_avg_order_value: null,
        clv_12m: null,
        churn_risk: null,
      })),
    );
    const note = 'poucos clientes com recompra para ajustar o modelo';
    const nulls = { r: null, alpha: null, a: null, b: null, p: null, q: null, v: null, log_likelihood: null };
    expect(await db.rows('select * from model_fit order by model')).toEqual([
      { model: 'bgnbd', ...nulls, customers: 3, repeat_buyers: 2, converged: false, is_used: false, note, as_of_date: '2026-06-30' },
      { model: 'gamma_gamma', ...nulls, customers: 2, repeat_buyers: 2, converged: false, is_used: false, note, as_of_date: '2026-06-30' },
    ]);
  });

  it('types the output columns as the mart contract says', async () => {
    const types = await db.rows<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns where table_name = 'int_customer_value_predictions' order by ordinal_position`,
    );
    expect(types.map((t) => `${t.column_name} ${t.data_type}`)).toEqual([
      'customer_id VARCHAR',
      'p_alive DOUBLE',
      'expected_purchases_90d DOUBLE',
      'expected_avg_order_value DECIMAL(18,2)',
      'clv_12m DECIMAL(18,2)',
      'churn_risk VARCHAR',
    ]);
  });

  it('refuses to run without the as-of date variable', async () => {
    const bare = await Database.open();
    await bare.run(ORDERS_TABLE);
    await expect(customerValueModel.run(bare, {})).rejects.toThrow(/as_of_date/);
    bare.close();
  });
});

describe('customer value model on a simulated base of 3,000 customers', () => {
  const truth = { r: 0.8, alpha: 6, a: 0.7, b: 3 };
  const histories = new Map<string, { x: number; txDays: number; ageDays: number; repeatValue: number }>();
  let db: Database;

  beforeAll(async () => {
    const rng = new Rng(5);
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const id = `C${String(i).padStart(4, '0')}`;
      const ageDays = rng.int(30, 900);
      const days = [...new Set(simulateRepeatPurchases(rng, truth, ageDays / 7).map((t) => Math.floor(t * 7)))].filter((d) => d > 0);
      const nu = drawGamma(rng, 4, 200);
      const values = [0, ...days].map(() => Math.round(drawGamma(rng, 3, nu) * 100) / 100);
      for (const [k, day] of [0, ...days].entries())
        rows.push(`('${id}-${k}', '${id}', DATE '2026-06-30' - ${ageDays} + ${day}, ${values[k]!.toFixed(2)}, true)`);
      histories.set(id, { x: days.length, txDays: days.at(-1) ?? 0, ageDays, repeatValue: values.slice(1).reduce((s, v) => s + v, 0) });
    }
    db = await Database.open();
    await db.run(ORDERS_TABLE);
    for (let i = 0; i < rows.length; i += 5000) await db.run(`insert into int_orders_valued values ${rows.slice(i, i + 5000).join(',')}`);
    await db.run(`set variable as_of_date = DATE '2026-06-30'`);
    await customerValueModel.run(db, {});
  });
  afterAll(() => db.close());

  it('fits both models and records their parameters, each in its own column', async () => {
    const [bgnbd, gammaGamma] = await db.rowsJS<Record<string, unknown>>('select * from model_fit order by model');
    expect(bgnbd).toMatchObject({ model: 'bgnbd', converged: true, is_used: true, note: null, customers: 3000, p: null, q: null, v: null });
    expect(gammaGamma).toMatchObject({ model: 'gamma_gamma', converged: true, is_used: true, note: null, r: null, alpha: null, a: null, b: null });
    expect(Math.abs((bgnbd!.r as number) / truth.r - 1)).toBeLessThan(0.25);
    expect(Math.abs((bgnbd!.alpha as number) / truth.alpha - 1)).toBeLessThan(0.25);
  });

  it('writes, for every customer, the predictions of the fitted parameters for its own x, t_x and T', async () => {
    const [fit] = await db.rowsJS<{ r: number; alpha: number; a: number; b: number; p: number; q: number; v: number }>(
      `select any_value(r) as r, any_value(alpha) as alpha, any_value(a) as a, any_value(b) as b, any_value(p) as p, any_value(q) as q, any_value(v) as v from model_fit`,
    );
    const rows = await db.rowsJS<{ customer_id: string; p_alive: number; expected_purchases_90d: number; expected_avg_order_value: number; clv_12m: number }>(
      `select customer_id, p_alive, expected_purchases_90d, cast(expected_avg_order_value as double) as expected_avg_order_value, cast(clv_12m as double) as clv_12m
       from int_customer_value_predictions order by customer_id`,
    );
    expect(rows).toHaveLength(3000);
    for (const row of rows.filter((_, i) => i % 97 === 0)) {
      const { x, txDays, ageDays, repeatValue } = histories.get(row.customer_id)!;
      const [tx, T] = [txDays / 7, ageDays / 7];
      expect(row.p_alive).toBeCloseTo(pAlive(fit!, x, tx, T), 12);
      expect(row.expected_purchases_90d).toBeCloseTo(expectedPurchases(fit!, 90 / 7, x, tx, T), 12);
      const averageValue = (fit!.p * (fit!.v + repeatValue)) / (fit!.p * x + fit!.q - 1);
      expect(Math.abs(row.expected_avg_order_value - averageValue)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(row.clv_12m - discountedExpectedPurchases(fit!, x, tx, T) * averageValue)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('bands churn risk by P(alive): high below 0.3, medium below 0.7, low otherwise', async () => {
    const bands = await db.rowsJS<{ churn_risk: string; lowest: number; highest: number }>(
      'select churn_risk, min(p_alive) as lowest, max(p_alive) as highest from int_customer_value_predictions group by churn_risk order by lowest',
    );
    expect(bands.map((b) => b.churn_risk)).toEqual(['high', 'medium', 'low']);
    expect(bands[0]!.highest).toBeLessThan(0.3);
    expect(bands[1]!.lowest).toBeGreaterThanOrEqual(0.3);
    expect(bands[1]!.highest).toBeLessThan(0.7);
    expect(bands[2]!.lowest).toBeGreaterThanOrEqual(0.7);
  });

  it('takes the thresholds from its config', async () => {
    await customerValueModel.run(db, { churn_risk_high_below: 0.5, churn_risk_medium_below: 0.9 });
    const [band] = await db.rowsJS<{ highest: number }>(`select max(p_alive) as highest from int_customer_value_predictions where churn_risk = 'high'`);
    expect(band!.highest).toBeGreaterThanOrEqual(0.3);
    expect(band!.highest).toBeLessThan(0.5);
  });
});

describe('customer value model on degenerate data', () => {
  /** Runs the model on customers given as their purchase days before 2026-06-30, with 2 values alternating. */
  async function runOn(customers: number[][]) {
    const db = await Database.open();
    await db.run(ORDERS_TABLE);
    const rows = customers.flatMap((days, c) => days.map((d, k) => `('o${c}-${k}', 'C${c}', DATE '2026-06-30' - ${d}, ${k % 2 ? 80 : 120}.00, true)`));
    await db.run(`insert into int_orders_valued values ${rows.join(', ')}; set variable as_of_date = DATE '2026-06-30'`);
    const result = await customerValueModel.run(db, {});
    const fits = await db.rowsJS<{ model: string; is_used: boolean; note: string | null }>('select model, is_used, note from model_fit order by model');
    const predicted = Number(await db.scalar<string>('select count(p_alive) from int_customer_value_predictions'));
    db.close();
    return { result, fits, predicted };
  }

  it('omits the predictions of a 13-day history, however many repeat buyers it has, and says why', async () => {
    // 40 customers buying on days 13, 9, 5 and 1 before the as-of date
    const { fits, predicted } = await runOn(Array.from({ length: 40 }, () => [13, 9, 5, 1]));
    expect(fits.map((f) => f.is_used)).toEqual([false, false]);
    expect(fits[0]!.note).toBe('histórico de só 13 dias (mínimo 90): curto demais para saber quem parou de comprar; previsões omitidas');
    expect(predicted).toBe(0);
  });

  it('omits the predictions when everyone buys like clockwork up to the as-of date, which leaves no one to tell apart', async () => {
    // 60 customers buying every 7 days for 26 weeks, the last purchase on the as-of date: nobody looks gone
    const { fits, predicted } = await runOn(Array.from({ length: 60 }, () => Array.from({ length: 26 }, (_, k) => 7 * k)));
    const bgnbd = fits.find((f) => f.model === 'bgnbd')!;
    expect(bgnbd.is_used).toBe(false);
    // the dropout share a/(a + b) runs to 0, the edge of the search: nobody ever leaves
    expect(bgnbd.note).toMatch(/^parâmetros no limite da busca \(r=.*, a=.*e-\d+, b=.*\): ajuste degenerado; previsões omitidas$/);
    expect(predicted).toBe(0);
  });
});
