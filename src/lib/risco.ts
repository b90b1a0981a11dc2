import { fieldLabels } from './labels.ts';
import { modelState, loadModelChecks, type ModelState } from './modelChecks.ts';
import { z } from 'zod';
import { checkRows, martSchema, orNull } from './martRows.ts';
import { martExists, martPath, query, queryMart, readMart, sqlString } from './readMart.ts';

const count = z.number().int().nonnegative();

/** A customer to retain (action_list, action retain) with what the customers mart says about it (left join). */
const RiskCustomerRow = martSchema('action_list')
  .pick({ customer_id: true, seller_id: true, reason_pt: true, value_at_stake: true })
  .extend(
    orNull(
      martSchema('customers').pick({
        name: true,
        city: true,
        state: true,
        status: true,
        p_alive: true,
        churn_risk: true,
        days_since_last_order: true,
        rhythm_days: true,
        clv_12m: true,
      }),
    ).shape,
  );
export type RiskCustomerRow = z.infer<typeof RiskCustomerRow>;

/** Value at stake of the customers to retain, summed by one key (a seller or a state; NULL = unknown). */
const RiskTotalRow = z.object({ key: z.string().nullable(), customers: count, value: z.number() });
export type RiskTotalRow = z.infer<typeof RiskTotalRow>;

/** Active-portfolio customers in one churn_risk band (or, without the model, one rhythm-based status), as churn_bands states them. */
export interface RiskBandRow {
  key: string;
  customers: number;
  /** Of the customers the breakdown counts (0-1). */
  share: number;
  at_risk_by_rhythm: number;
  window_revenue: number;
  min_p_alive: number | null;
  max_p_alive: number | null;
}

/** Customers listed on the page, biggest value at stake first. */
export const RISK_LIST_SIZE = 25;

/** The churn_risk bands from worst to best. */
export const CHURN_BANDS = ['high', 'medium', 'low'] as const;

// The labels mart has no churn_risk field yet; these stand in until it does.
const BAND_LABELS: Record<string, string> = { high: 'Risco alto', medium: 'Risco médio', low: 'Risco baixo' };

/** A band's label: the labels mart's when it has one, else the report's own wording. */
export async function churnRiskLabel(): Promise<(band: string) => string> {
  const labels = await fieldLabels('churn_risk');
  return (band) => (labels.order.includes(band) ? labels.label(band) : (BAND_LABELS[band] ?? band));
}

/** Every band, worst first, zero-filled. */
export function orderBands(rows: RiskBandRow[]): RiskBandRow[] {
  return CHURN_BANDS.map(
    (key) => rows.find((r) => r.key === key) ?? { key, customers: 0, share: 0, at_risk_by_rhythm: 0, window_revenue: 0, min_p_alive: null, max_p_alive: null },
  );
}

/** What the Risco de churn page shows. */
export interface RiskData {
  /** The BG/NBD state: when not fitted, the page falls back to the rhythm-based status. */
  model: ModelState;
  repeatBuyers: number | null;
  /** The customers to retain, biggest value at stake first (at most RISK_LIST_SIZE). */
  customers: RiskCustomerRow[];
  /** All customers to retain and their value at stake. */
  total: { customers: number; value_at_stake: number };
  bySeller: RiskTotalRow[];
  byState: RiskTotalRow[];
  /** P(alive) of every active-portfolio customer (empty without the model). */
  pAlive: number[];
  /** Active-portfolio customers by churn_risk band, or by status when the model is not fitted. */
  bands: RiskBandRow[];
  /** The customers those bands count, and of them the ones at risk by rhythm (the breakdown's total row). */
  bandTotal: { customers: number; at_risk_by_rhythm: number };
}

/**
 * Reads the customers to retain from action_list (action retain), so this page and each seller's work
 * list give a customer the same value at stake, and the churn picture of the active portfolio from the
 * customers mart. Null when the pipeline published neither mart.
 */
export async function loadRiskData(): Promise<RiskData | null> {
  if (!martExists('action_list') || !martExists('customers')) return null;
  const { fits } = await loadModelChecks();
  const bgnbd = fits.find((f) => f.model === 'bgnbd');
  const model = modelState(bgnbd);
  const actions = `read_parquet(${sqlString(martPath('action_list'))})`;
  const customers = `read_parquet(${sqlString(martPath('customers'))})`;
  const totals = async (breakdown: 'seller' | 'state' | 'all', key: string) =>
    martExists('retention_totals')
      ? await queryMart(
          'retention_totals',
          `select ${key} as key, customers, value_at_stake::double as value from mart
           where breakdown = ${sqlString(breakdown)} order by value desc, key nulls last`,
          RiskTotalRow,
        )
      : [];

  const list = await query(
    `select a.customer_id, a.seller_id, c.name, c.city, c.state, c.status, c.p_alive::double as p_alive, c.churn_risk,
            c.days_since_last_order::double as days_since_last_order, c.rhythm_days::double as rhythm_days,
            c.clv_12m::double as clv_12m, a.reason_pt, a.value_at_stake::double as value_at_stake
     from ${actions} a left join ${customers} c on c.customer_id = a.customer_id
     where a.action = 'retain'
     order by a.value_at_stake desc, a.customer_id
     limit ${RISK_LIST_SIZE}`,
  ).then((rows) => checkRows('action_list', rows, RiskCustomerRow));
  const bySeller = await totals('seller', 'seller_id');
  const byState = await totals('state', 'state');
  const [all] = await totals('all', 'null');
  const bandKey = model.fitted ? 'churn_risk' : 'status';
  const bandRows = martExists('churn_bands') ? await readMart('churn_bands', { where: `breakdown = '${bandKey}'`, orderBy: 'churn_risk, status' }) : [];
  const bandTotal = bandRows.find((row) => row.churn_risk === null && row.status === null);
  const bands = bandRows.flatMap((row): RiskBandRow[] => {
    const key = row.churn_risk ?? row.status;
    return key === null
      ? []
      : [
          {
            key,
            customers: row.customers,
            share: row.customer_share ?? 0,
            at_risk_by_rhythm: row.at_risk_by_rhythm,
            window_revenue: row.window_revenue,
            min_p_alive: row.min_p_alive,
            max_p_alive: row.max_p_alive,
          },
        ];
  });
  const pAlive = model.fitted
    ? (await queryMart('customers', `select p_alive::double as p from mart where is_active_portfolio and p_alive is not null`)).map((r) => Number(r.p))
    : [];
  return {
    model,
    repeatBuyers: bgnbd?.repeat_buyers ?? null,
    customers: list,
    total: { customers: all?.customers ?? 0, value_at_stake: all?.value ?? 0 },
    bySeller,
    byState,
    pAlive,
    bands,
    bandTotal: { customers: bandTotal?.customers ?? 0, at_risk_by_rhythm: bandTotal?.at_risk_by_rhythm ?? 0 },
  };
}
