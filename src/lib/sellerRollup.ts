import type { MartRow } from './martRows.ts';

type SellerMonthRow = MartRow<'sellers_monthly'>;

/** A seller's (or a team's) measures over a period, every ratio recomputed from the monthly sums. */
export interface SellerPeriod {
  revenue: number;
  /** Revenue target summed over the months that have one. */
  revenueTarget: number | null;
  /** revenue in the months with a target ÷ their targets × 100. */
  targetPct: number | null;
  orders: number;
  avgTicket: number | null;
  /** Working portfolio at the start of the period's last month. */
  portfolio: number;
  /** Σ portfolio buyers ÷ Σ working portfolio over the months × 100 (one month: that month's coverage). */
  coveragePct: number | null;
  /** Σ (target % × portfolio) ÷ Σ portfolio over the months with a coverage target: the target in customers, as a %. */
  coverageTargetPct: number | null;
  /** Σ (mix × buyers) ÷ Σ buyers: distinct (customer, category) pairs per buying customer, pooled over months. */
  mix: number | null;
  churned: number;
  reactivated: number;
  newCustomers: number;
  /** Active portfolio at the end of the period's last month. */
  activeEnd: number;
  /** At-risk customers at the end of the period's last month. */
  atRisk: number;
  leadsWon: number | null;
  leadsClosed: number | null;
  conversionRate: number | null;
}

const monthKey = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/** Rolls monthly seller rows (one seller, a team or everybody) into one period summary. */
export function rollUpSellerMonths(rows: readonly SellerMonthRow[]): SellerPeriod {
  const last = rows.reduce((max, row) => Math.max(max, monthKey(row.month)), -Infinity);
  let revenue = 0,
    orders = 0,
    portfolioSum = 0,
    portfolioBuying = 0,
    portfolio = 0;
  let revenueWithTarget = 0,
    revenueTarget = 0,
    targetMonths = 0;
  let coverageTargetBuyers = 0,
    coverageTargetBase = 0,
    coverageTargetMonths = 0;
  let mixPairs = 0,
    mixBuyers = 0,
    mixMonths = 0;
  let churned = 0,
    reactivated = 0,
    newCustomers = 0,
    activeEnd = 0,
    atRisk = 0;
  let leadsWon = 0,
    leadsClosed = 0,
    leadMonths = 0;
  for (const row of rows) {
    revenue += row.revenue;
    orders += row.orders;
    portfolioSum += row.portfolio_customers;
    portfolioBuying += row.portfolio_buying_customers;
    churned += row.churned;
    reactivated += row.reactivated;
    newCustomers += row.new_customers;
    if (monthKey(row.month) === last) {
      portfolio += row.portfolio_customers;
      activeEnd += row.active_end;
      atRisk += row.at_risk;
    }
    if (row.revenue_target !== null) {
      revenueTarget += row.revenue_target;
      revenueWithTarget += row.revenue;
      targetMonths++;
    }
    if (row.coverage_target_pct !== null) {
      coverageTargetBuyers += (row.coverage_target_pct / 100) * row.portfolio_customers;
      coverageTargetBase += row.portfolio_customers;
      coverageTargetMonths++;
    }
    if (row.mix !== null) {
      mixPairs += row.mix * row.buying_customers;
      mixBuyers += row.buying_customers;
      mixMonths++;
    }
    if (row.leads_closed !== null) {
      leadsWon += row.leads_won ?? 0;
      leadsClosed += row.leads_closed;
      leadMonths++;
    }
  }
  return {
    revenue,
    revenueTarget: targetMonths ? revenueTarget : null,
    targetPct: targetMonths && revenueTarget > 0 ? (revenueWithTarget / revenueTarget) * 100 : null,
    orders,
    avgTicket: orders > 0 ? revenue / orders : null,
    portfolio,
    coveragePct: portfolioSum > 0 ? (portfolioBuying / portfolioSum) * 100 : null,
    coverageTargetPct: coverageTargetMonths && coverageTargetBase > 0 ? (coverageTargetBuyers / coverageTargetBase) * 100 : null,
    mix: mixMonths && mixBuyers > 0 ? mixPairs / mixBuyers : null,
    churned,
    reactivated,
    newCustomers,
    activeEnd,
    atRisk,
    leadsWon: leadMonths ? leadsWon : null,
    leadsClosed: leadMonths ? leadsClosed : null,
    conversionRate: leadMonths && leadsClosed > 0 ? leadsWon / leadsClosed : null,
  };
}
