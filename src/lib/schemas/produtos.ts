import { z } from 'zod';

/** Rows of the product marts the Produtos page reads (numbers, money as double); loose so columns can be added. */

const count = z.number().int().nonnegative();

/** product_abc: one row per product sold in the window, as the tables show it. */
export const ProductRow = z.looseObject({
  product_id: z.string(),
  product_name: z.string().nullable(),
  category: z.string(),
  revenue: z.number(),
  revenue_share: z.number().nullable(),
  revenue_rank: z.number().int(),
  cum_revenue_share: z.number().nullable(),
  abc_class: z.string(),
  portfolio_buyers: count,
  coverage_pct: z.number().nullable(),
  recent_buyers: count,
  previous_buyers: count,
  won_buyers: count,
  lost_buyers: count,
  buyer_change: z.number().int(),
});
export type ProductRow = z.infer<typeof ProductRow>;

/** category_abc: one row per category sold in the window. */
export const CategoryRow = z.looseObject({
  category: z.string(),
  revenue: z.number(),
  revenue_share: z.number().nullable(),
  revenue_rank: z.number().int(),
  abc_class: z.string(),
  products: count,
  portfolio_buyers: count,
  portfolio_customers: count,
  coverage_pct: z.number().nullable(),
  recent_buyers: count,
  previous_buyers: count,
  lost_buyers: count,
  buyer_change: z.number().int(),
});
export type CategoryRow = z.infer<typeof CategoryRow>;

/** Products counted and revenue summed per ABC class. */
export const ProductClassRow = z.looseObject({ abc_class: z.string(), products: count, revenue: z.number() });
export type ProductClassRow = z.infer<typeof ProductClassRow>;

/** The active portfolio of one UF or one owning seller (product_mix summed; key NULL = none). */
export const MixRow = z.looseObject({
  key: z.string().nullable(),
  portfolio_customers: count,
  buying_customers: count,
  category_purchases: count,
});
export type MixRow = z.infer<typeof MixRow>;

/** Buyers of one category among the active portfolio of one UF or seller (category_penetration summed). */
export const CategoryBuyersRow = z.looseObject({ key: z.string().nullable(), category: z.string(), buying_customers: count });
export type CategoryBuyersRow = z.infer<typeof CategoryBuyersRow>;
