import { Rng } from '../demo/random.ts';
import { expectedPurchases, fitBgNbd, pAlive, type PurchaseSummary } from './bgnbd.ts';
import { discountedExpectedPurchases } from './clv.ts';
import { simulateRepeatPurchases } from './simulatePurchases.ts';

/**
 * Times the BG/NBD fit on a simulated base shaped like the pipeline's input: customers whose first
 * purchase falls on any day of the last three years, purchases rounded to days and counted per
 * distinct day, summarised to distinct (x, t_x, T) combinations as the SQL does.
 * Run: node --import tsx pipelines/models/benchFit.ts [customers]
 */
const customers = Number(process.argv[2] ?? 1_000_000);
const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
const rng = new Rng(7);

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);

let started = performance.now();
const combinations = new Map<string, PurchaseSummary>();
for (let i = 0; i < customers; i++) {
  const ageDays = rng.int(0, 3 * 365);
  const days = new Set(simulateRepeatPurchases(rng, truth, ageDays / 7).map((t) => Math.floor(t * 7)));
  days.delete(0);
  const x = days.size;
  const lastDay = x > 0 ? Math.max(...days) : 0;
  const key = `${x}|${lastDay}|${ageDays}`;
  const found = combinations.get(key);
  if (found) found.count++;
  else combinations.set(key, { x, tx: lastDay / 7, T: ageDays / 7, count: 1 });
}
const summaries = [...combinations.values()];
console.log(`simulated ${customers.toLocaleString('en')} customers → ${summaries.length.toLocaleString('en')} distinct (x, t_x, T) in ${seconds(started)} s`);

started = performance.now();
const fit = fitBgNbd(summaries);
console.log(`fit in ${seconds(started)} s (${fit.iterations} evaluations, converged: ${fit.converged})`);
console.log(
  `  r=${fit.r.toFixed(4)} α=${fit.alpha.toFixed(4)} a=${fit.a.toFixed(4)} b=${fit.b.toFixed(4)} (simulated with ${JSON.stringify(truth)}, days rounding included)`,
);

started = performance.now();
let sink = 0;
for (const s of summaries) {
  sink += pAlive(fit, s.x, s.tx, s.T) + expectedPurchases(fit, 90 / 7, s.x, s.tx, s.T) + discountedExpectedPurchases(fit, s.x, s.tx, s.T);
}
console.log(`P(alive), E[Y(90 days)] and 12-month discounted purchases for every combination in ${seconds(started)} s (checksum ${sink.toFixed(1)})`);

if (process.argv.includes('--pipeline')) {
  // The whole node on the same base: orders into DuckDB, summaries in SQL, fits, predictions joined back.
  const { Database } = await import('../warehouse/database.ts');
  const { customerValueModel } = await import('./customerValueModel.ts');
  const db = await Database.open();
  await db.run('create table simulated_orders (customer_id integer, day_offset integer, order_value double)');
  const appender = await db.connection.createAppender('simulated_orders');
  const orders = new Rng(8);
  let orderCount = 0;
  for (let i = 0; i < customers; i++) {
    const ageDays = orders.int(0, 3 * 365);
    for (const t of [0, ...simulateRepeatPurchases(orders, truth, ageDays / 7)]) {
      appender.appendInteger(i);
      appender.appendInteger(Math.floor(t * 7) - ageDays);
      appender.appendDouble(10 + orders.float() * 500);
      appender.endRow();
      orderCount++;
    }
  }
  appender.closeSync();
  await db.run(`create table int_orders_valued as
    select row_number() over () as order_id, customer_id, DATE '2026-06-30' + day_offset as order_date,
        cast(order_value as decimal(18, 2)) as order_value, true as is_invoiced
    from simulated_orders;
    set variable as_of_date = DATE '2026-06-30'`);
  started = performance.now();
  await customerValueModel.run(db, {});
  const predicted = await db.scalar<string>('select count(*) from int_customer_value_predictions');
  console.log(`customerValueModel on ${orderCount.toLocaleString('en')} orders → ${predicted} customers predicted in ${seconds(started)} s`);
  db.close();
}
