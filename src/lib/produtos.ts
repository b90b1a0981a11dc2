import type { ParetoPoint } from '../charts/paretoChart.ts';
import { z } from 'zod';
import type { MartRow } from './martRows.ts';
import { martExists, queryMart, readMart } from './readMart.ts';

type Product = MartRow<'product_abc'>;

const count = z.number().int().nonnegative();

/** Products counted and revenue summed per ABC class. */
const ProductClassRow = z.object({ abc_class: z.string(), products: count, revenue: z.number() });

/** The active portfolio of one UF or one owning seller (product_mix summed; key NULL = none). */
const MixRow = z.object({ key: z.string().nullable(), portfolio_customers: count, buying_customers: count, category_purchases: count });

/** Buyers of one category among the active portfolio of one UF or seller (category_penetration summed). */
const CategoryBuyersRow = z.object({ key: z.string().nullable(), category: z.string(), buying_customers: count });

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

/** What the Produtos page shows, read from product_abc, category_abc, category_penetration and product_mix. */
export interface ProductData {
  /** Products sold in the window. */
  productCount: number;
  classes: z.infer<typeof ProductClassRow>[];
  /** The concentration curve of products, percentiles 1..100 as in the pareto mart. */
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

/** Null when the marts predate the product marts. */
export async function loadProductData(): Promise<ProductData | null> {
  if (!['product_abc', 'category_abc', 'category_penetration', 'product_mix'].every(martExists)) return null;
  const classes = await queryMart(
    'product_abc',
    'select abc_class, count(*)::integer as products, coalesce(sum(revenue), 0)::double as revenue from mart group by abc_class order by abc_class',
    ProductClassRow,
  );
  const productCount = classes.reduce((sum, c) => sum + c.products, 0);
  // The top p% of products, rounded up to whole products, as pareto.sql does for customers.
  const pareto = (await queryMart(
    'product_abc',
    `with n as (select count(*) as n from mart), p as (select unnest(range(1, 101)) as pct)
     select p.pct::integer as pct_customers, ((p.pct * n.n + 99) // 100)::integer as customers, mart.cum_revenue_share
     from p cross join n left join mart on mart.revenue_rank = (p.pct * n.n + 99) // 100
     where n.n > 0 order by p.pct`,
  )) as unknown as ParetoPoint[];
  const top = await readMart('product_abc', { orderBy: 'revenue_rank', limit: MAX_LISTED });
  const losingWhere = 'buyer_change < 0';
  const losing = await readMart('product_abc', { where: losingWhere, orderBy: 'buyer_change, lost_buyers desc, revenue_rank', limit: MAX_LISTED });
  const [{ n: losingCount } = { n: 0 }] = await queryMart(
    'product_abc',
    `select count(*)::integer as n from mart where ${losingWhere}`,
    z.object({ n: count }),
  );
  const categories = await readMart('category_abc', { orderBy: 'revenue_rank' });
  const penetration = async (key: string): Promise<PenetrationRow[]> => {
    const mix = await queryMart(
      'product_mix',
      `select ${key} as key, sum(portfolio_customers)::integer as portfolio_customers, sum(buying_customers)::integer as buying_customers,
              sum(category_purchases)::integer as category_purchases
       from mart group by all having count(*) > 0 order by portfolio_customers desc, key nulls last`,
      MixRow,
    );
    const buyers = await queryMart(
      'category_penetration',
      `select ${key} as key, category, sum(buying_customers)::integer as buying_customers from mart group by all having count(*) > 0`,
      CategoryBuyersRow,
    );
    return mix.map((m) => ({
      key: m.key,
      portfolio_customers: m.portfolio_customers,
      buying_customers: m.buying_customers,
      categories_per_buyer: m.buying_customers ? m.category_purchases / m.buying_customers : null,
      coverage: new Map(
        buyers.filter((b) => b.key === m.key).map((b) => [b.category, m.portfolio_customers ? (100 * b.buying_customers) / m.portfolio_customers : null]),
      ),
    }));
  };
  const [total = null] = await penetration('null::varchar');
  return {
    productCount,
    classes,
    pareto,
    top,
    losing,
    losingCount,
    categories,
    byState: await penetration('state'),
    bySeller: await penetration('seller_id'),
    total: total && total.portfolio_customers > 0 ? total : null,
  };
}
