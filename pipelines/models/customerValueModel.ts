import type { z } from 'zod';
import { sqlString, type Database } from '../warehouse/database.ts';
import { expectedPurchases, fitBgNbd, pAlive, type BgNbdFit } from './bgnbd.ts';
import { discountedExpectedPurchases } from './clv.ts';
import { fitGammaGamma, type GammaGammaFit } from './gammaGamma.ts';
import { CustomerValueModelConfig } from './modelConfig.ts';

const DAYS_PER_WEEK = 7;
const PREDICTION_DAYS = 90;
const CLV_MONTHS = 12;
const THIN_DATA_NOTE = 'poucos clientes com recompra para ajustar o modelo';
const NOT_CONVERGED_NOTE = 'o ajuste não convergiu; previsões omitidas';
const INFINITE_MEAN_NOTE = 'q ≤ 1: valor médio por pedido indefinido; valor esperado e CLV omitidos';
/** P(alive) above this for every repeat buyer means the fit tells no one apart. */
const EVERYONE_ALIVE = 0.999;
/** Search coordinates beyond this sit at the box the fits search in (|u| ≤ 25 for the BG/NBD, 40 for the Gamma-Gamma). */
const BGNBD_EDGE = 24;
const GAMMA_GAMMA_EDGE = 39;

const SUMMARIES_SQL = `
create or replace temp table cv_customer_summaries as
with

orders as (select * from int_orders_valued),

purchase_days as (
    select
        customer_id,
        order_date as purchase_date,
        sum(order_value) as day_value,
    from orders
    where is_invoiced and customer_id is not null and order_date <= getvariable('as_of_date')
    group by customer_id, order_date
),

customer_histories as (
    select
        customer_id,
        count(*) - 1 as repeat_purchases,
        min(purchase_date) as first_purchase_date,
        max(purchase_date) as last_purchase_date,
        sum(day_value) - arg_min(day_value, purchase_date) as repeat_value,
    from purchase_days
    group by customer_id
),

final as (
    select
        customer_id,
        cast(repeat_purchases as integer) as x,
        cast(last_purchase_date - first_purchase_date as integer) as tx_days,
        cast(getvariable('as_of_date') - first_purchase_date as integer) as age_days,
        case when repeat_purchases > 0 then repeat_value end as repeat_value,
    from customer_histories
)

select * from final`;

/**
 * Creates temp table cv_customer_summaries: one row per customer with an invoiced order up to the as-of
 * date, with x (repeat purchase days), tx_days and age_days (T) in whole days, and repeat_value, the value
 * of the repeat purchase days (x·m_x; NULL when x = 0). Orders after the as-of date are not known yet.
 */
export async function summarizeCustomers(db: Database): Promise<void> {
  if ((await db.scalar(`select getvariable('as_of_date') is null`)) === true) {
    throw new Error("int_customer_value_predictions needs the DATE variable as_of_date: run `set variable as_of_date = DATE 'YYYY-MM-DD'` first");
  }
  await db.run(SUMMARIES_SQL);
}

/** How one model ended: fitted and usable, or why its columns stay NULL. */
type Outcome<F> = { fit: F; usable: true; note: string | null } | { fit: F | null; usable: false; note: string };

/**
 * Fits a model when there is enough data, and uses it only when the fit converged and is not
 * degenerate (`degenerate` says why, or null): a converged optimum can still be useless.
 */
function decide<F extends { converged: boolean }>(repeatBuyers: number, minimum: number, fit: () => F, degenerate: (fit: F) => string | null): Outcome<F> {
  if (repeatBuyers < minimum) return { fit: null, usable: false, note: THIN_DATA_NOTE };
  const fitted = fit();
  if (!fitted.converged) return { fit: fitted, usable: false, note: NOT_CONVERGED_NOTE };
  const why = degenerate(fitted);
  return why ? { fit: fitted, usable: false, note: `${why}; previsões omitidas` } : { fit: fitted, usable: true, note: null };
}

/**
 * Why a converged BG/NBD fit cannot be used, or null. The ridges where r, α → ∞ (everyone buys at one
 * rate) or a + b → ∞ (everyone drops out alike) are honest limits; a mean rate or a dropout share pinned
 * at the search box, r → 0, or P(alive) ≈ 1 for every repeat buyer are not.
 */
function bgNbdDegeneracy(fit: BgNbdFit, histories: History[]): string | null {
  const dropoutMean = fit.a / (fit.a + fit.b);
  const atEdge =
    Math.log(fit.r) < -BGNBD_EDGE || Math.abs(Math.log(fit.alpha / fit.r)) > BGNBD_EDGE || Math.abs(Math.log(dropoutMean / (1 - dropoutMean))) > BGNBD_EDGE;
  if (atEdge)
    return `parâmetros no limite da busca (r=${fit.r.toPrecision(3)}, α=${fit.alpha.toPrecision(3)}, a=${fit.a.toPrecision(3)}, b=${fit.b.toPrecision(3)}): ajuste degenerado`;
  const repeat = histories.filter((h) => h.x > 0);
  if (repeat.length && repeat.every((h) => pAlive(fit, h.x, h.tx_days / DAYS_PER_WEEK, h.age_days / DAYS_PER_WEEK) > EVERYONE_ALIVE)) {
    return 'P(ativo) ≈ 1 para todos os clientes: o ajuste não distingue quem parou de comprar';
  }
  return null;
}

/** Why a converged Gamma-Gamma fit cannot be used, or null; q, v → ∞ with v/q fixed (everyone spends alike) is an honest limit. */
function gammaGammaDegeneracy(fit: GammaGammaFit): string | null {
  const atEdge = Math.abs(Math.log(fit.p)) > GAMMA_GAMMA_EDGE || Math.log(fit.q) < -GAMMA_GAMMA_EDGE || Math.abs(Math.log(fit.v / fit.q)) > GAMMA_GAMMA_EDGE;
  return atEdge ? `parâmetros no limite da busca (p=${fit.p.toPrecision(3)}, q=${fit.q.toPrecision(3)}, v=${fit.v.toPrecision(3)}): ajuste degenerado` : null;
}

type History = { x: number; tx_days: number; age_days: number; customers: number };

const literal = (value: number) => {
  if (!Number.isFinite(value)) throw new Error(`int_customer_value_predictions: a model produced ${value}, which cannot be written`);
  return `cast(${value} as double)`;
};

/**
 * The customer-value model as a pipeline node: BG/NBD and Gamma-Gamma fitted on the invoiced orders up to
 * the as-of date, giving `int_customer_value_predictions` (one row per customer with an invoiced order) and
 * `model_fit` (one row per model). Only the distinct (x, t_x, T) and (x, repeat value) combinations
 * travel to JavaScript; predictions come back per combination and are joined to customers in SQL.
 */
export const customerValueModel = {
  name: 'int_customer_value_predictions',
  dependsOn: ['int_orders_valued'],
  run: async (db: Database, options: z.input<typeof CustomerValueModelConfig> = {}) => {
    const config = CustomerValueModelConfig.parse(options);
    await summarizeCustomers(db);

    const histories = await db.rows<History>(`
      select x, tx_days, age_days, cast(count(*) as integer) as customers
      from cv_customer_summaries group by all order by all`);
    const spends = await db.rows<{ x: number; repeat_value: number; customers: number }>(`
      select x, cast(repeat_value as double) as repeat_value, cast(count(*) as integer) as customers
      from cv_customer_summaries where x > 0 and repeat_value > 0 group by all order by all`);
    const customers = histories.reduce((n, h) => n + h.customers, 0);
    const repeatBuyers = histories.reduce((n, h) => n + (h.x > 0 ? h.customers : 0), 0);
    const spendBuyers = spends.reduce((n, s) => n + s.customers, 0);

    const history = histories.reduce((days, h) => Math.max(days, h.age_days), 0);
    let purchases = decide<BgNbdFit>(
      repeatBuyers,
      config.min_repeat_buyers,
      () => fitBgNbd(histories.map((h) => ({ x: h.x, tx: h.tx_days / DAYS_PER_WEEK, T: h.age_days / DAYS_PER_WEEK, count: h.customers }))),
      (fit) => bgNbdDegeneracy(fit, histories),
    );
    let spend = decide<GammaGammaFit>(
      spendBuyers,
      config.min_repeat_buyers,
      () => fitGammaGamma(spends.map((s) => ({ x: s.x, mx: s.repeat_value / s.x, count: s.customers }))),
      gammaGammaDegeneracy,
    );
    if (spend.usable && !(spend.fit.q > 1)) spend = { fit: spend.fit, usable: false, note: INFINITE_MEAN_NOTE };
    if (customers > 0 && history < config.min_history_days) {
      const note = `histórico de só ${history} dias (mínimo ${config.min_history_days}): curto demais para saber quem parou de comprar; previsões omitidas`;
      purchases = { fit: purchases.fit, usable: false, note };
      spend = { fit: spend.fit, usable: false, note };
    }

    if (purchases.usable) {
      const unpredicted = await writePurchasePredictions(db, purchases.fit, histories, config.monthly_discount_rate);
      if (unpredicted.customers > 0) purchases.note = `${unpredicted.customers} clientes sem compras previstas: ${unpredicted.reason}`;
    }
    await db.run(predictionsSql(purchases.usable, spend.usable ? spend.fit : null, config));
    await db.run('drop table if exists temp.cv_purchase_predictions; drop table if exists temp.cv_customer_summaries');
    await writeModelFit(db, [
      { model: 'bgnbd', outcome: purchases, customers, repeatBuyers },
      { model: 'gamma_gamma', outcome: spend, customers: spendBuyers, repeatBuyers: spendBuyers },
    ]);
    return { customers, repeatBuyers, bgnbd: purchases, gammaGamma: spend };
  },
};

/**
 * P(alive), E[Y(90 days)] and the discounted 12-month purchases per distinct (x, t_x, T), through an
 * appender. A combination whose expectation cannot be computed (₂F₁ not converging for an extreme fit)
 * gets NULL expectations rather than failing the run; how many customers that hit is returned for the note.
 */
async function writePurchasePredictions(db: Database, fit: BgNbdFit, histories: History[], monthlyDiscountRate: number) {
  await db.run(`create or replace temp table cv_purchase_predictions (
      x integer, tx_days integer, age_days integer, p_alive double, expected_purchases_90d double, discounted_purchases_12m double)`);
  const appender = await db.connection.createAppender('cv_purchase_predictions', 'main', 'temp');
  const unpredicted = { customers: 0, reason: '' };
  for (const { x, tx_days, age_days, customers } of histories) {
    const tx = tx_days / DAYS_PER_WEEK;
    const T = age_days / DAYS_PER_WEEK;
    appender.appendInteger(x);
    appender.appendInteger(tx_days);
    appender.appendInteger(age_days);
    appender.appendDouble(pAlive(fit, x, tx, T));
    try {
      const in90Days = expectedPurchases(fit, PREDICTION_DAYS / DAYS_PER_WEEK, x, tx, T);
      const discounted = discountedExpectedPurchases(fit, x, tx, T, { months: CLV_MONTHS, monthlyDiscountRate });
      appender.appendDouble(in90Days);
      appender.appendDouble(discounted);
    } catch (error) {
      unpredicted.customers += customers;
      unpredicted.reason = (error as Error).message;
      appender.appendNull();
      appender.appendNull();
    }
    appender.endRow();
  }
  appender.closeSync();
  return unpredicted;
}

/**
 * The predictions table. Gamma-Gamma's E[M | x, m_x] = p(v + x·m_x)/(px + q − 1) is closed form and
 * x·m_x is the repeat value itself, so it is computed here in SQL (x = 0 gives the population mean).
 */
function predictionsSql(hasPurchases: boolean, spend: GammaGammaFit | null, config: CustomerValueModelConfig): string {
  const averageValue = spend
    ? `case when summaries.repeat_value < 0 then null
            else ${literal(spend.p)} * (${literal(spend.v)} + coalesce(cast(summaries.repeat_value as double), 0))
                / (${literal(spend.p)} * summaries.x + ${literal(spend.q)} - 1) end`
    : 'cast(null as double)';
  return `
create or replace table int_customer_value_predictions as
with

summaries as (select * from cv_customer_summaries),

${
  hasPurchases
    ? 'purchase_predictions as (select * from cv_purchase_predictions),'
    : `purchase_predictions as (
    select
        cast(null as integer) as x,
        cast(null as integer) as tx_days,
        cast(null as integer) as age_days,
        cast(null as double) as p_alive,
        cast(null as double) as expected_purchases_90d,
        cast(null as double) as discounted_purchases_12m,
    where false
),`
}

customers_predicted as (
    select
        summaries.customer_id,
        purchase_predictions.p_alive,
        purchase_predictions.expected_purchases_90d,
        purchase_predictions.discounted_purchases_12m,
        ${averageValue} as expected_avg_order_value,
    from summaries
    left join purchase_predictions
        on purchase_predictions.x = summaries.x
        and purchase_predictions.tx_days = summaries.tx_days
        and purchase_predictions.age_days = summaries.age_days
),

final as (
    select
        customer_id,
        p_alive,
        expected_purchases_90d,
        cast(expected_avg_order_value as decimal(18, 2)) as expected_avg_order_value,
        cast(discounted_purchases_12m * expected_avg_order_value as decimal(18, 2)) as clv_12m,
        case
            when p_alive < ${literal(config.churn_risk_high_below)} then 'high'
            when p_alive < ${literal(config.churn_risk_medium_below)} then 'medium'
            when p_alive is not null then 'low'
        end as churn_risk,
    from customers_predicted
)

select * from final
order by customer_id`;
}

/**
 * One row per model; parameters are NULL where the model has none or was not fitted. customers counts
 * the customers the model was (or would have been) fitted on: everyone with an invoiced order for the
 * BG/NBD, the repeat buyers with a positive repeat value for the Gamma-Gamma.
 */
async function writeModelFit(
  db: Database,
  models: { model: string; outcome: Outcome<BgNbdFit> | Outcome<GammaGammaFit>; customers: number; repeatBuyers: number }[],
) {
  const value = (v: number | undefined) => (v === undefined ? 'cast(null as double)' : literal(v));
  const rows = models.map(({ model, outcome, customers, repeatBuyers }) => {
    const fit: Partial<BgNbdFit & GammaGammaFit> = outcome.fit ?? {};
    const parameters = [fit.r, fit.alpha, fit.a, fit.b, fit.p, fit.q, fit.v].map(value).join(', ');
    return `(${sqlString(model)}, ${parameters}, ${value(fit.logLikelihood)}, ${customers}, ${repeatBuyers}, ${outcome.fit?.converged ?? false}, ${outcome.usable}, ${outcome.note === null ? 'null' : sqlString(outcome.note)}, getvariable('as_of_date'))`;
  });
  await db.run(`
create or replace table model_fit as
select
    model,
    r, alpha, a, b, p, q, v,
    log_likelihood,
    cast(customers as integer) as customers,
    cast(repeat_buyers as integer) as repeat_buyers,
    converged,
    is_used,
    cast(note as varchar) as note,
    cast(as_of_date as date) as as_of_date,
from (values
    ${rows.join(',\n    ')}
) as fits (model, r, alpha, a, b, p, q, v, log_likelihood, customers, repeat_buyers, converged, is_used, note, as_of_date)`);
}
