import type { ParetoPoint } from '../charts/paretoChart.ts';
import type { MartRow } from './martRows.ts';
import { martExists, readMart } from './readMart.ts';

type Product = MartRow<'product_abc'>;
type MixTotal = MartRow<'product_mix_totals'>;

/** Rows of a long list shown before the rest is folded into a <details>. */
export const TOP_ROWS = 10;
/** Rows of the UF and seller tables shown before the rest: each row is a long card on a phone. */
export const PIVOT_ROWS = 5;
/** Categories (the largest by revenue) drawn in the positivação chart. */
export const CHART_CATEGORIES = 20;
/** Categories (the largest by revenue) given a column in the UF and seller tables. */
export const PIVOT_CATEGORIES = 10;
/** Products a list on the page holds at most; the full marts are on the Dados page. */
export const MAX_LISTED = 200;

/** The positivação of each category among the active portfolio of one UF or one seller. */
export interface PenetrationRow {
  key: string | null;
  portfolio_customers: number;
  buying_customers: number;
  /** Distinct categories per buying customer (the mix). */
  categories_per_buyer: number | null;
  /** Category → customers of the key who bought it ÷ its active portfolio × 100. */
  coverage: Map<string, number | null>;
}

/** What the Produtos page shows, read from product_abc, category_abc and their rollups (product_totals, product_pareto, product_mix_totals, category_penetration_totals). */
export interface ProductData {
  /** Products sold in the window. */
  productCount: number;
  /** Their revenue in the window. */
  productRevenue: number;
  /** Products, revenue and their shares per ABC class. */
  classes: MartRow<'product_totals'>[];
  /** The concentration curve of products, percentiles 1..100, with the exact count behind 80% of revenue. */
  pareto: ParetoPoint[];
  /** The largest products, at most MAX_LISTED. */
  top: Product[];
  /** Products with fewer buyers in the recent months than in the months before, most lost first, at most MAX_LISTED. */
  losing: Product[];
  losingCount: number;
  categories: MartRow<'category_abc'>[];
  byState: PenetrationRow[];
  bySeller: PenetrationRow[];
  /** The whole active portfolio (key null). */
  total: PenetrationRow | null;
}

const PRODUCT_MARTS = ['product_abc', 'category_abc', 'product_totals', 'product_pareto', 'product_mix_totals', 'category_penetration_totals'];

/** Null when the marts predate the product marts or their rollups. */
export async function loadProductData(): Promise<ProductData | null> {
  if (!PRODUCT_MARTS.every(martExists)) return null;
  const totals = await readMart('product_totals', { orderBy: 'breakdown, abc_class' });
  const all = totals.find((row) => row.breakdown === 'all');
  const pareto = (await readMart('product_pareto', { orderBy: 'pct_products' })).map((row) => ({
    pct_customers: row.pct_products,
    customers: row.products,
    cum_revenue_share: row.cum_revenue_share,
    customers_to_reach_80: row.products_to_reach_80,
  }));
  const top = await readMart('product_abc', { orderBy: 'revenue_rank', limit: MAX_LISTED });
  const losing = await readMart('product_abc', { where: 'buyer_change < 0', orderBy: 'buyer_change, lost_buyers desc, revenue_rank', limit: MAX_LISTED });
  const categories = await readMart('category_abc', { orderBy: 'revenue_rank' });
  const coverage = await readMart('category_penetration_totals', { orderBy: 'breakdown, category, seller_id, state' });
  const penetration = async (breakdown: 'seller' | 'state' | 'all', key: (row: { seller_id: string | null; state: string | null }) => string | null) => {
    const mix: MixTotal[] = await readMart('product_mix_totals', {
      where: `breakdown = '${breakdown}'`,
      orderBy: `portfolio_customers desc, ${breakdown === 'seller' ? 'seller_id' : 'state'} nulls last`,
    });
    return mix.map(
      (m): PenetrationRow => ({
        key: key(m),
        portfolio_customers: m.portfolio_customers,
        buying_customers: m.buying_customers,
        categories_per_buyer: m.categories_per_buyer,
        coverage: new Map(coverage.filter((c) => c.breakdown === breakdown && key(c) === key(m)).map((c) => [c.category, c.coverage_pct])),
      }),
    );
  };
  const [total = null] = await penetration('all', () => null);
  return {
    productCount: all?.products ?? 0,
    productRevenue: all?.revenue ?? 0,
    classes: totals.filter((row) => row.breakdown === 'abc_class'),
    pareto,
    top,
    losing,
    losingCount: all?.losing_products ?? 0,
    categories,
    byState: await penetration('state', (row) => row.state),
    bySeller: await penetration('seller', (row) => row.seller_id),
    total: total && total.portfolio_customers > 0 ? total : null,
  };
}
