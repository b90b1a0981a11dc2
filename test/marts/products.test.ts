import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 2026-06-30 the ABC window is 2025-07-01..2026-06-30 (12 months), the recent trend period
// 2026-04-01..2026-06-30 and the previous one 2026-01-01..2026-03-31 (3 months each).
//
// Owners and UFs: C1, C2 → V1/SP; C3 → V1/RJ; C4 → V2/RJ; C5 → V2/SP; C6 → V2/SP (prospect).
// Statuses at the as-of date: C1..C4 last bought within 180 days, so each is at least at_risk: the active
// portfolio is {C1, C2, C3, C4} = 4. C5 bought once, 333 days ago: inactive, a buyer outside the portfolio.
//
// Lines in the window (quantity × price):
//   previous: O1 C1 02-10 P1 10×50 = 500, P3 5×20 = 100 · O2 C2 02-15 P1 4×50 = 200 · O3 C3 03-05 P2 2×100 = 200
//             O4 C4 01-20 P3 10×20 = 200, P4 10×10 = 100
//   recent:   O5 C1 05-10 P1 20×50 = 1000, P2 3×100 = 300 · O6 C3 06-01 P3 5×20 = 100, P2 1×100 = 100
//             O7 C4 06-20 P3 5×20 = 100, X9 (not in products.csv) 1×50 = 50
//   earlier:  O8 C5 2025-08-01 P4 30×10 = 300 · O9 C2 2025-09-01 P2 1×100 = 100
// Left out: O0 (2025-05-01, before the window, P2 5000) and OX (canceled, P4 1000).
//
// Revenue: P1 500 + 200 + 1000 = 1700; P2 200 + 300 + 100 + 100 = 700; P3 100 + 200 + 100 + 100 = 500;
// P4 100 + 300 = 400; X9 50. Total 3350.
const FILES = {
  'customers.csv': [
    'customer_id,name,segment,state,seller_id',
    'C1,Mercado Um Ltda,Mercado,SP,V1',
    'C2,Mercado Dois Ltda,Mercado,SP,V1',
    'C3,Mercado Três Ltda,Mercado,RJ,V1',
    'C4,Mercado Quatro Ltda,Mercado,RJ,V2',
    'C5,Mercado Cinco Ltda,Mercado,SP,V2',
    'C6,Mercado Seis Ltda,Mercado,SP,V2',
  ],
  'products.csv': [
    'product_id,name,category',
    'P1,Leite UHT 1L,Laticínios',
    'P2,Queijo Minas 500g,Laticínios',
    'P3,Café 500g,Mercearia',
    'P4,Açúcar 1kg,Mercearia',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O0,C1,2025-05-01,V1,invoiced,,5000',
    'O1,C1,2026-02-10,V1,invoiced,,600',
    'O2,C2,2026-02-15,V1,invoiced,,200',
    'O3,C3,2026-03-05,V1,invoiced,,200',
    'O4,C4,2026-01-20,V2,invoiced,,300',
    'O5,C1,2026-05-10,V1,invoiced,,1300',
    'O6,C3,2026-06-01,V1,invoiced,,200',
    'O7,C4,2026-06-20,V2,invoiced,,150',
    'O8,C5,2025-08-01,V2,invoiced,,300',
    'O9,C2,2025-09-01,V1,invoiced,,100',
    'OX,C2,2026-05-20,V1,canceled,,1000',
  ],
  'order_items.csv': [
    'order_id,product_id,quantity,unit_price',
    'O0,P2,50,100',
    'O1,P1,10,50',
    'O1,P3,5,20',
    'O2,P1,4,50',
    'O3,P2,2,100',
    'O4,P3,10,20',
    'O4,P4,10,10',
    'O5,P1,20,50',
    'O5,P2,3,100',
    'O6,P3,5,20',
    'O6,P2,1,100',
    'O7,P3,5,20',
    'O7,X9,1,50',
    'O8,P4,30,10',
    'O9,P2,1,100',
    'OX,P4,100,10',
  ],
};

describe('product and category marts', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-06-30');
  });
  afterAll(() => marts.close());

  it('rests on an active portfolio of C1..C4, with C5 inactive and C6 a prospect', async () => {
    const rows = await marts.rows("select customer_id, status in ('new', 'active', 'at_risk', 'reactivated') as in_portfolio from customers order by 1");
    expect(rows.map((r) => `${r.customer_id}:${r.in_portfolio}`)).toEqual(['C1:true', 'C2:true', 'C3:true', 'C4:true', 'C5:false', 'C6:false']);
  });

  it('classes products by cumulative revenue, the product crossing 80% still in A', async () => {
    // cumulative shares: P1 1700/3350 = 0.5075, P2 2400/3350 = 0.7164, P3 2900/3350 = 0.8657, P4 3300/3350 = 0.9851, X9 1.
    // P3 starts at 0.7164 < 0.8 → A (it crosses 80%); P4 starts at 0.8657 < 0.95 → B; X9 starts at 0.9851 → C.
    const rows = await marts.rows(
      'select product_id, product_name, category, revenue, orders, revenue_rank, round(revenue_share, 4) as share, round(cum_revenue_share, 4) as cum, abc_class from product_abc order by revenue_rank',
    );
    expect(rows).toEqual([
      {
        product_id: 'P1',
        product_name: 'Leite UHT 1L',
        category: 'Laticínios',
        revenue: '1700.00',
        orders: 3,
        revenue_rank: 1,
        share: 0.5075,
        cum: 0.5075,
        abc_class: 'A',
      },
      {
        product_id: 'P2',
        product_name: 'Queijo Minas 500g',
        category: 'Laticínios',
        revenue: '700.00',
        orders: 4,
        revenue_rank: 2,
        share: 0.209,
        cum: 0.7164,
        abc_class: 'A',
      },
      {
        product_id: 'P3',
        product_name: 'Café 500g',
        category: 'Mercearia',
        revenue: '500.00',
        orders: 4,
        revenue_rank: 3,
        share: 0.1493,
        cum: 0.8657,
        abc_class: 'A',
      },
      {
        product_id: 'P4',
        product_name: 'Açúcar 1kg',
        category: 'Mercearia',
        revenue: '400.00',
        orders: 2,
        revenue_rank: 4,
        share: 0.1194,
        cum: 0.9851,
        abc_class: 'B',
      },
      { product_id: 'X9', product_name: null, category: 'Sem categoria', revenue: '50.00', orders: 1, revenue_rank: 5, share: 0.0149, cum: 1, abc_class: 'C' },
    ]);
  });

  it('counts a product positivado for active-portfolio buyers only', async () => {
    // P1: C1, C2 → 2 of 4 = 50%. P2: C1, C2, C3 → 75%. P3: C1, C3, C4 → 75%.
    // P4: C4 and C5 bought, but C5 is inactive → 1 of 4 = 25%. X9: C4 → 25%.
    const rows = await marts.rows('select product_id, buyers, portfolio_buyers, portfolio_customers, coverage_pct from product_abc order by product_id');
    expect(rows).toEqual([
      { product_id: 'P1', buyers: 2, portfolio_buyers: 2, portfolio_customers: 4, coverage_pct: 50 },
      { product_id: 'P2', buyers: 3, portfolio_buyers: 3, portfolio_customers: 4, coverage_pct: 75 },
      { product_id: 'P3', buyers: 3, portfolio_buyers: 3, portfolio_customers: 4, coverage_pct: 75 },
      { product_id: 'P4', buyers: 2, portfolio_buyers: 1, portfolio_customers: 4, coverage_pct: 25 },
      { product_id: 'X9', buyers: 1, portfolio_buyers: 1, portfolio_customers: 4, coverage_pct: 25 },
    ]);
  });

  it('compares the buyers of the last 3 months with the 3 months before', async () => {
    // P1: previous {C1, C2}, recent {C1} → lost C2, change −1. P2: previous {C3}, recent {C1, C3} → won C1, +1.
    // P3: previous {C1, C4}, recent {C3, C4} → won C3, lost C1, 0. P4: previous {C4}, recent {} → lost C4, −1.
    // X9: recent {C4} → won, +1. (OX, canceled, does not make C2 a recent buyer of P4.)
    const rows = await marts.rows(
      'select product_id, recent_buyers, previous_buyers, won_buyers, lost_buyers, buyer_change from product_abc order by product_id',
    );
    expect(rows).toEqual([
      { product_id: 'P1', recent_buyers: 1, previous_buyers: 2, won_buyers: 0, lost_buyers: 1, buyer_change: -1 },
      { product_id: 'P2', recent_buyers: 2, previous_buyers: 1, won_buyers: 1, lost_buyers: 0, buyer_change: 1 },
      { product_id: 'P3', recent_buyers: 2, previous_buyers: 2, won_buyers: 1, lost_buyers: 1, buyer_change: 0 },
      { product_id: 'P4', recent_buyers: 0, previous_buyers: 1, won_buyers: 0, lost_buyers: 1, buyer_change: -1 },
      { product_id: 'X9', recent_buyers: 1, previous_buyers: 0, won_buyers: 1, lost_buyers: 0, buyer_change: 1 },
    ]);
  });

  it('classes categories and gives their share of revenue, positivação and buyers lost', async () => {
    // Laticínios 1700 + 700 = 2400 (0.7164), Mercearia 500 + 400 = 900 (0.2687), Sem categoria 50 (0.0149).
    // Mercearia starts at 0.7164 → A; Sem categoria starts at 3300/3350 = 0.9851 → C.
    // Buyers: Laticínios C1, C2, C3 → 75%; Mercearia C1, C3, C4 and C5 (inactive) → 3 of 4 = 75%; Sem categoria C4 → 25%.
    // Trend: Laticínios previous {C1, C2, C3}, recent {C1, C3} → lost C2; Mercearia previous {C1, C4}, recent {C3, C4}.
    const rows = await marts.rows(
      `select category, revenue, round(revenue_share, 4) as share, abc_class, products, buyers, portfolio_buyers, coverage_pct,
              recent_buyers, previous_buyers, won_buyers, lost_buyers, buyer_change
       from category_abc order by revenue_rank`,
    );
    expect(rows).toEqual([
      {
        category: 'Laticínios',
        revenue: '2400.00',
        share: 0.7164,
        abc_class: 'A',
        products: 2,
        buyers: 3,
        portfolio_buyers: 3,
        coverage_pct: 75,
        recent_buyers: 2,
        previous_buyers: 3,
        won_buyers: 0,
        lost_buyers: 1,
        buyer_change: -1,
      },
      {
        category: 'Mercearia',
        revenue: '900.00',
        share: 0.2687,
        abc_class: 'A',
        products: 2,
        buyers: 4,
        portfolio_buyers: 3,
        coverage_pct: 75,
        recent_buyers: 2,
        previous_buyers: 2,
        won_buyers: 1,
        lost_buyers: 1,
        buyer_change: 0,
      },
      {
        category: 'Sem categoria',
        revenue: '50.00',
        share: 0.0149,
        abc_class: 'C',
        products: 1,
        buyers: 1,
        portfolio_buyers: 1,
        coverage_pct: 25,
        recent_buyers: 1,
        previous_buyers: 0,
        won_buyers: 1,
        lost_buyers: 0,
        buyer_change: 1,
      },
    ]);
  });

  it('gives the positivação of each category by owning seller and UF, zero where nobody bought', async () => {
    // Cells of the active portfolio: V1/SP {C1, C2}, V1/RJ {C3}, V2/RJ {C4}; V2/SP holds only C5 (inactive) and C6 (prospect).
    // Laticínios: V1/SP C1 (P1 500 + 1000, P2 300) and C2 (P1 200, P2 100) → 2 of 2, R$ 2.100; V1/RJ C3 (P2 200 + 100)
    // → 1 of 1, R$ 300; V2/RJ none → 0 of 1.
    // Mercearia: V1/SP C1 (P3 100) → 1 of 2; V1/RJ C3 (P3 100) → 1 of 1; V2/RJ C4 (P3 200 + 100, P4 100 = 400) → 1 of 1.
    const rows = await marts.rows(
      "select category, seller_id, state, portfolio_customers, buying_customers, coverage_pct, revenue from category_penetration where category <> 'Sem categoria' order by category, seller_id, state",
    );
    expect(rows).toEqual([
      { category: 'Laticínios', seller_id: 'V1', state: 'RJ', portfolio_customers: 1, buying_customers: 1, coverage_pct: 100, revenue: '300.00' },
      { category: 'Laticínios', seller_id: 'V1', state: 'SP', portfolio_customers: 2, buying_customers: 2, coverage_pct: 100, revenue: '2100.00' },
      { category: 'Laticínios', seller_id: 'V2', state: 'RJ', portfolio_customers: 1, buying_customers: 0, coverage_pct: 0, revenue: '0.00' },
      { category: 'Mercearia', seller_id: 'V1', state: 'RJ', portfolio_customers: 1, buying_customers: 1, coverage_pct: 100, revenue: '100.00' },
      { category: 'Mercearia', seller_id: 'V1', state: 'SP', portfolio_customers: 2, buying_customers: 1, coverage_pct: 50, revenue: '100.00' },
      { category: 'Mercearia', seller_id: 'V2', state: 'RJ', portfolio_customers: 1, buying_customers: 1, coverage_pct: 100, revenue: '400.00' },
    ]);
  });

  it('adds the cells up to a UF: Laticínios reaches 1 of 2 customers in RJ', async () => {
    const rows = await marts.rows(
      `select state, sum(buying_customers)::integer as buying, sum(portfolio_customers)::integer as portfolio
       from category_penetration where category = 'Laticínios' group by state order by state`,
    );
    expect(rows).toEqual([
      { state: 'RJ', buying: 1, portfolio: 2 },
      { state: 'SP', buying: 2, portfolio: 2 },
    ]);
  });

  it('measures the mix: distinct categories and products per buying customer of the portfolio', async () => {
    // C1: Laticínios (P1, P2), Mercearia (P3) → 2 categories, 3 products. C2: Laticínios (P1, P2) → 1, 2.
    // C3: Laticínios (P2), Mercearia (P3) → 2, 2. C4: Mercearia (P3, P4), Sem categoria (X9) → 2, 3.
    // V1/SP: (2 + 1) ÷ 2 = 1.5 categories, (3 + 2) ÷ 2 = 2.5 products. C5 (inactive) is in no cell.
    const rows = await marts.rows(
      'select seller_id, state, portfolio_customers, buying_customers, category_purchases, product_purchases, categories_per_buyer, products_per_buyer from product_mix order by seller_id, state',
    );
    expect(rows).toEqual([
      {
        seller_id: 'V1',
        state: 'RJ',
        portfolio_customers: 1,
        buying_customers: 1,
        category_purchases: 2,
        product_purchases: 2,
        categories_per_buyer: 2,
        products_per_buyer: 2,
      },
      {
        seller_id: 'V1',
        state: 'SP',
        portfolio_customers: 2,
        buying_customers: 2,
        category_purchases: 3,
        product_purchases: 5,
        categories_per_buyer: 1.5,
        products_per_buyer: 2.5,
      },
      {
        seller_id: 'V2',
        state: 'RJ',
        portfolio_customers: 1,
        buying_customers: 1,
        category_purchases: 2,
        product_purchases: 3,
        categories_per_buyer: 2,
        products_per_buyer: 3,
      },
    ]);
  });

  it('sums products, revenue and products losing buyers per ABC class and for all products (product_totals)', async () => {
    // A: P1, P2, P3 → 3 of 5 products (0.6), 1700 + 700 + 500 = 2900 of 3350 (0.8657); losing buyers: P1 (−1).
    // B: P4 → 1 (0.2), 400 (0.1194), losing (−1). C: X9 → 1 (0.2), 50 (0.0149), gaining. All: 5, 3350, 2 losing.
    const rows = await marts.rows(
      'select breakdown, abc_class, products, product_share, revenue, round(revenue_share, 4) as revenue_share, losing_products from product_totals order by breakdown, abc_class',
    );
    expect(rows).toEqual([
      { breakdown: 'abc_class', abc_class: 'A', products: 3, product_share: 0.6, revenue: '2900.00', revenue_share: 0.8657, losing_products: 1 },
      { breakdown: 'abc_class', abc_class: 'B', products: 1, product_share: 0.2, revenue: '400.00', revenue_share: 0.1194, losing_products: 1 },
      { breakdown: 'abc_class', abc_class: 'C', products: 1, product_share: 0.2, revenue: '50.00', revenue_share: 0.0149, losing_products: 0 },
      { breakdown: 'all', abc_class: null, products: 5, product_share: 1, revenue: '3350.00', revenue_share: 1, losing_products: 2 },
    ]);
  });

  it('draws the Pareto curve of products and counts the 3 products that reach 80% of revenue (product_pareto)', async () => {
    // The top p% of 5 products, rounded up: 1% and 20% → 1 (P1, 0.5075); 21% → 2 (P2, 0.7164); 50% → 3 (P3, 0.8657);
    // 100% → 5 (3350, 1). To 80%: revenue before P3 is 2400 ÷ 3350 = 0.7164 < 0.8, before P4 2900 ÷ 3350 = 0.8657 → P1..P3 = 3.
    const rows = await marts.rows(
      'select pct_products, products, product_count, cum_revenue, round(cum_revenue_share, 4) as share, products_to_reach_80 from product_pareto where pct_products in (1, 20, 21, 50, 100) order by pct_products',
    );
    expect(rows).toEqual([
      { pct_products: 1, products: 1, product_count: 5, cum_revenue: '1700.00', share: 0.5075, products_to_reach_80: 3 },
      { pct_products: 20, products: 1, product_count: 5, cum_revenue: '1700.00', share: 0.5075, products_to_reach_80: 3 },
      { pct_products: 21, products: 2, product_count: 5, cum_revenue: '2400.00', share: 0.7164, products_to_reach_80: 3 },
      { pct_products: 50, products: 3, product_count: 5, cum_revenue: '2900.00', share: 0.8657, products_to_reach_80: 3 },
      { pct_products: 100, products: 5, product_count: 5, cum_revenue: '3350.00', share: 1, products_to_reach_80: 3 },
    ]);
    expect(await marts.rows('select count(*)::integer as n from product_pareto')).toEqual([{ n: 100 }]);
  });

  it('rolls the mix up per seller, per UF and for the whole portfolio from the sums, not averaging averages (product_mix_totals)', async () => {
    // Cells (portfolio, buyers, categories, products): V1/RJ 1, 1, 2, 2 · V1/SP 2, 2, 3, 5 · V2/RJ 1, 1, 2, 3.
    // V1: 3, 3, 5, 7 → 5 ÷ 3 = 1.6667 categories per buyer (the average of the cells' 2 and 1.5 would say 1.75).
    // V2: 1, 1, 2, 3 → 2. RJ: 2, 2, 4, 5 → 2. SP: 2, 2, 3, 5 → 1.5. All: 4, 4, 7, 10 → 1.75, 2.5 products.
    const rows = await marts.rows(
      `select breakdown, coalesce(seller_id, state) as key, portfolio_customers, buying_customers, coverage_pct, category_purchases, product_purchases,
              round(categories_per_buyer, 4) as categories_per_buyer, round(products_per_buyer, 4) as products_per_buyer
       from product_mix_totals order by breakdown, key`,
    );
    const row = (
      breakdown: string,
      key: string | null,
      portfolio: number,
      categories: number,
      products: number,
      perBuyer: number,
      productsPerBuyer: number,
    ) => ({
      breakdown,
      key,
      portfolio_customers: portfolio,
      buying_customers: portfolio,
      coverage_pct: 100,
      category_purchases: categories,
      product_purchases: products,
      categories_per_buyer: perBuyer,
      products_per_buyer: productsPerBuyer,
    });
    expect(rows).toEqual([
      row('all', null, 4, 7, 10, 1.75, 2.5),
      row('seller', 'V1', 3, 5, 7, 1.6667, 2.3333),
      row('seller', 'V2', 1, 2, 3, 2, 3),
      row('state', 'RJ', 2, 4, 5, 2, 2.5),
      row('state', 'SP', 2, 3, 5, 1.5, 2.5),
    ]);
  });

  it('rolls the positivação of each category up per seller, per UF and for the whole portfolio (category_penetration_totals)', async () => {
    // Laticínios: RJ C3 of {C3, C4} → 50%; SP C1, C2 of 2 → 100%; V1 3 of 3; V2 0 of 1; all 3 of 4 → 75% (as category_abc).
    // Mercearia: V1 C1, C3 of {C1, C2, C3} → 66.67%, R$ 100 + 100 = 200; V2 C4 → 100%, R$ 400; all 3 of 4 → 75%, R$ 600.
    const rows = await marts.rows(
      `select breakdown, coalesce(seller_id, state) as key, portfolio_customers, buying_customers, round(coverage_pct, 2) as coverage_pct, revenue
       from category_penetration_totals where category = 'Laticínios' order by breakdown, key`,
    );
    expect(rows).toEqual([
      { breakdown: 'all', key: null, portfolio_customers: 4, buying_customers: 3, coverage_pct: 75, revenue: '2400.00' },
      { breakdown: 'seller', key: 'V1', portfolio_customers: 3, buying_customers: 3, coverage_pct: 100, revenue: '2400.00' },
      { breakdown: 'seller', key: 'V2', portfolio_customers: 1, buying_customers: 0, coverage_pct: 0, revenue: '0.00' },
      { breakdown: 'state', key: 'RJ', portfolio_customers: 2, buying_customers: 1, coverage_pct: 50, revenue: '300.00' },
      { breakdown: 'state', key: 'SP', portfolio_customers: 2, buying_customers: 2, coverage_pct: 100, revenue: '2100.00' },
    ]);
    const mercearia = await marts.rows(
      "select breakdown, seller_id, buying_customers, round(coverage_pct, 2) as coverage_pct, revenue from category_penetration_totals where category = 'Mercearia' and breakdown in ('seller', 'all') order by breakdown, seller_id",
    );
    expect(mercearia).toEqual([
      { breakdown: 'all', seller_id: null, buying_customers: 3, coverage_pct: 75, revenue: '600.00' },
      { breakdown: 'seller', seller_id: 'V1', buying_customers: 2, coverage_pct: 66.67, revenue: '200.00' },
      { breakdown: 'seller', seller_id: 'V2', buying_customers: 1, coverage_pct: 100, revenue: '400.00' },
    ]);
  });
});

describe('product marts without an order_items export', () => {
  let marts: MartRun;
  beforeAll(async () => {
    const { 'order_items.csv': _items, ...withoutItems } = FILES;
    marts = await runMarts(withoutItems, '2026-06-30');
  });
  afterAll(() => marts.close());

  it('publishes the four marts empty, with their columns in the dictionary', async () => {
    const counts = await marts.rows(`
      select (select count(*) from product_abc)::integer as products, (select count(*) from category_abc)::integer as categories,
             (select count(*) from category_penetration)::integer as cells, (select count(*) from product_mix)::integer as mix`);
    expect(counts).toEqual([{ products: 0, categories: 0, cells: 0, mix: 0 }]);
    // the rollups: no Pareto, mix or penetration rows; product_totals keeps its all row, of zero products
    const rollups = await marts.rows(`
      select (select count(*) from product_pareto)::integer as pareto, (select count(*) from product_mix_totals)::integer as mix,
             (select count(*) from category_penetration_totals)::integer as penetration,
             (select list(breakdown || ':' || products) from product_totals) as totals`);
    expect(rollups).toEqual([{ pareto: 0, mix: 0, penetration: 0, totals: ['all:0'] }]);
    // product_abc: 15 columns of revenue, class and positivação + 5 of the trend + as_of_date = 21;
    // category_abc: category instead of product_id, product_name, category, quantity, plus products → 19
    const columns = await marts.rows(
      "select mart, count(*)::integer as n from data_dictionary where mart in ('product_abc', 'category_abc', 'category_penetration', 'product_mix') group by mart order by mart",
    );
    expect(columns).toEqual([
      { mart: 'category_abc', n: 19 },
      { mart: 'category_penetration', n: 8 },
      { mart: 'product_abc', n: 21 },
      { mart: 'product_mix', n: 10 },
    ]);
  });
});
