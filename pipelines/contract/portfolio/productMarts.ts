import type { ColumnDoc, MartSpec } from '../marts.ts';
import { asOf, state } from './columnDocs.ts';

/**
 * Marts about products and categories: ABC curves, positivação (coverage) of the active portfolio, mix
 * and buyers gained and lost. All read the invoiced order lines of the last windows.segmentation_months
 * months to the as-of date (the customer ABC's window) and are empty without an order_items export.
 */

/** The category the models give an item whose product is not in the products export or has no category (stg_products, sales_cube, …). */
export const NO_CATEGORY = 'Sem categoria';

const WINDOW_PT = 'nos 12 meses até a data de referência (windows.segmentation_months)';
const WINDOW_EN = 'in the 12 months to the as-of date (windows.segmentation_months)';

const ownerId = [
  'Vendedor dono da conta (customers.seller_id; NULL = sem vendedor)',
  'Owning seller (customers.seller_id; NULL = no seller)',
  'text',
] as const satisfies ColumnDoc;
const category = [
  'Categoria do produto no cadastro de produtos ("Sem categoria" quando o produto não está no cadastro ou não tem categoria)',
  'Product category from the products export ("Sem categoria" when the product is not in the export or has no category)',
  'text',
  'not null',
] as const satisfies ColumnDoc;
const revenue = [
  `Faturamento dos itens de pedidos faturados ${WINDOW_PT}: quantidade × preço − desconto (ou o total do item exportado); pedidos sem itens não entram`,
  `Revenue of the invoiced order lines ${WINDOW_EN}: quantity × unit price − discount (or the exported line total); orders without lines are left out`,
  'brl',
  'not null',
] as const satisfies ColumnDoc;
const revenueShare = [
  'Parcela do faturamento de produtos na janela (mix do faturamento)',
  'Share of the product revenue in the window (revenue mix)',
  'share',
] as const satisfies ColumnDoc;
const revenueRank = [
  'Posição pelo faturamento (1 = maior; empates pelo código)',
  'Rank by revenue (1 = largest; ties by code)',
  'number',
  'not null',
] as const satisfies ColumnDoc;
const cumRevenue = [
  'Faturamento acumulado do primeiro até esta linha',
  'Cumulative revenue from the first row to this one',
  'brl',
] as const satisfies ColumnDoc;
const cumRevenueShare = ['Parcela acumulada do faturamento até esta linha', 'Cumulative share of revenue up to this row', 'share'] as const satisfies ColumnDoc;
const abcClass = [
  'Classe ABC pelo faturamento acumulado (padrão 80/95, seção abc da configuração, a mesma dos clientes): A até 80% (inclui quem cruza os 80%), B até 95%, C o restante (labels, campo abc_class)',
  'ABC class by cumulative revenue (default 80/95, config section abc, the same as for customers): A up to 80% (the row crossing 80% included), B up to 95%, C the rest (labels, field abc_class)',
  'text',
  'not null',
] as const satisfies ColumnDoc;
const orders = [
  'Pedidos faturados com ao menos um item aqui, na janela',
  'Invoiced orders with at least one line here, in the window',
  'count',
] as const satisfies ColumnDoc;
const buyers = [
  'Clientes distintos que compraram na janela (qualquer situação, inclusive fora da carteira ativa)',
  'Distinct customers who bought in the window (any status, outside the active portfolio too)',
  'count',
] as const satisfies ColumnDoc;
const portfolioBuyers = [
  'Clientes da carteira ativa na data de referência (new, active, at_risk, reactivated) que compraram na janela; numerador da positivação',
  'Active-portfolio customers at the as-of date (new, active, at_risk, reactivated) who bought in the window; the coverage numerator',
  'count',
] as const satisfies ColumnDoc;
const portfolioCustomers = [
  'Carteira ativa na data de referência (new, active, at_risk, reactivated); denominador da positivação',
  'Active portfolio at the as-of date (new, active, at_risk, reactivated); the coverage denominator',
  'count',
] as const satisfies ColumnDoc;
const coveragePct = [
  'Positivação: clientes da carteira ativa que compraram na janela ÷ carteira ativa × 100; NULL com carteira vazia',
  'Coverage (positivação): active-portfolio customers who bought in the window ÷ active portfolio × 100; NULL for an empty portfolio',
  'pct',
] as const satisfies ColumnDoc;
/** The mix measures of product_mix and of its rollups in product_mix_totals. */
const mixMeasures = {
  coverage_pct: [
    'Positivação em produtos: buying_customers ÷ portfolio_customers × 100',
    'Coverage in products: buying_customers ÷ portfolio_customers × 100',
    'pct',
  ],
  category_purchases: [
    'Soma, entre os compradores, das categorias distintas que cada um comprou (numerador do mix)',
    'Sum over buyers of the distinct categories each bought (the mix numerator)',
    'count',
  ],
  product_purchases: [
    'Soma, entre os compradores, dos produtos distintos que cada um comprou',
    'Sum over buyers of the distinct products each bought',
    'count',
  ],
  categories_per_buyer: [
    'Mix: categorias distintas por cliente comprador (category_purchases ÷ buying_customers)',
    'Mix: distinct categories per buying customer',
    'ratio',
  ],
  products_per_buyer: ['Mix em produtos: produtos distintos por cliente comprador', 'Product mix: distinct products per buying customer', 'ratio'],
} as const satisfies Record<string, ColumnDoc>;
/** The seller and UF keys of a rollup by breakdown (grouping sets), NULL on the rows not by that key. */
const breakdownSellerState = {
  seller_id: [
    'Vendedor dono da conta (NULL = sem vendedor, ou linha que não é por vendedor)',
    'Owning seller (NULL = no owner, or a row not per seller)',
    'text',
  ],
  state: ['UF do cliente (NULL = desconhecida, ou linha que não é por UF)', "Customer's UF (NULL = unknown, or a row not per UF)", 'text'],
} as const satisfies Record<string, ColumnDoc>;
const TREND_PT = 'nos 3 meses até a data de referência (products.trend_months)';
const TREND_EN = 'in the 3 months to the as-of date (products.trend_months)';
const PREVIOUS_PT = 'nos 3 meses imediatamente anteriores a esses';
const PREVIOUS_EN = 'in the 3 months just before those';
const trendColumns = {
  recent_buyers: [`Clientes distintos que compraram ${TREND_PT}`, `Distinct customers who bought ${TREND_EN}`, 'count'],
  previous_buyers: [`Clientes distintos que compraram ${PREVIOUS_PT}`, `Distinct customers who bought ${PREVIOUS_EN}`, 'count'],
  won_buyers: [
    'Compradores ganhos: compraram nos 3 meses recentes e não nos 3 anteriores',
    'Buyers won: bought in the recent 3 months and not in the 3 before',
    'count',
  ],
  lost_buyers: [
    'Compradores perdidos: compraram nos 3 meses anteriores e não nos 3 recentes',
    'Buyers lost: bought in the previous 3 months and not in the recent 3',
    'count',
  ],
  buyer_change: [
    'Variação de compradores: recent_buyers − previous_buyers (= ganhos − perdidos); negativa = perdendo compradores',
    'Change in buyers: recent_buyers − previous_buyers (= won − lost); negative = losing buyers',
    'number',
    'not null',
  ],
} as const satisfies Record<string, ColumnDoc>;

/** The breakdown column of product_mix_totals and category_penetration_totals. */
const BREAKDOWN_PENETRATION = [
  'Recorte da linha: seller (por vendedor dono da conta), state (por UF), all (toda a carteira ativa); use a linha do recorte desejado em vez de somar (rótulos em labels, campo penetration_breakdown)',
  'Breakdown of the row: seller (per owning seller), state (per UF), all (the whole active portfolio); use the row of the wanted breakdown rather than summing (labels, field penetration_breakdown)',
  'text',
  'not null',
] as const satisfies ColumnDoc;

/**
 * The product marts: product_abc, category_abc, category_penetration and product_mix, and their rollups as the
 * Produtos page states them: product_totals, product_pareto, product_mix_totals and category_penetration_totals.
 */
export const productMarts = [
  {
    name: 'product_abc',
    grain_pt: 'uma linha por produto com item faturado nos 12 meses até a data de referência ou nos 6 meses das duas janelas de tendência',
    grain_en: 'one row per product with an invoiced line in the 12 months to the as-of date or in the 6 months of the two trend periods',
    orderBy: 'revenue_rank',
    columns: {
      product_id: ['Código do produto', 'Product code', 'text', 'not null'],
      product_name: ['Nome do produto (NULL fora do cadastro de produtos)', 'Product name (NULL when not in the products export)', 'text'],
      category,
      revenue,
      quantity: ['Quantidade vendida na janela (na unidade do cadastro)', "Quantity sold in the window (in the export's unit)", 'number'],
      orders,
      revenue_share: revenueShare,
      revenue_rank: revenueRank,
      cum_revenue: cumRevenue,
      cum_revenue_share: cumRevenueShare,
      abc_class: abcClass,
      buyers,
      portfolio_buyers: portfolioBuyers,
      portfolio_customers: portfolioCustomers,
      coverage_pct: coveragePct,
      ...trendColumns,
      as_of_date: asOf,
    },
  },
  {
    name: 'category_abc',
    grain_pt: 'uma linha por categoria de produto com item faturado nos 12 meses até a data de referência ou nas duas janelas de tendência',
    grain_en: 'one row per product category with an invoiced line in the 12 months to the as-of date or in the two trend periods',
    orderBy: 'revenue_rank',
    columns: {
      category,
      revenue,
      revenue_share: revenueShare,
      revenue_rank: revenueRank,
      cum_revenue: cumRevenue,
      cum_revenue_share: cumRevenueShare,
      abc_class: abcClass,
      products: ['Produtos distintos vendidos na janela', 'Distinct products sold in the window', 'count'],
      orders,
      buyers,
      portfolio_buyers: portfolioBuyers,
      portfolio_customers: portfolioCustomers,
      coverage_pct: coveragePct,
      ...trendColumns,
      as_of_date: asOf,
    },
  },
  {
    name: 'category_penetration',
    grain_pt:
      'uma linha por categoria × vendedor dono da conta × UF da carteira ativa na data de referência (as células repartem a carteira: as contagens somam por vendedor, por UF ou no total)',
    grain_en:
      'one row per category × owning seller × state of the active portfolio at the as-of date (the cells partition the portfolio: counts add up by seller, state or overall)',
    orderBy: 'category, seller_id nulls first, state nulls first',
    columns: {
      category,
      seller_id: ownerId,
      state,
      portfolio_customers: portfolioCustomers,
      buying_customers: [
        `Clientes da célula que compraram a categoria ${WINDOW_PT}; numerador da positivação`,
        `Customers of the cell who bought the category ${WINDOW_EN}; the coverage numerator`,
        'count',
      ],
      coverage_pct: [
        'Positivação da categoria: clientes da célula que compraram a categoria ÷ clientes da célula × 100',
        'Category coverage: customers of the cell who bought the category ÷ customers of the cell × 100',
        'pct',
      ],
      revenue: [
        `Faturamento da categoria com os clientes da célula ${WINDOW_PT} (itens de pedidos faturados)`,
        `Category revenue from the cell's customers ${WINDOW_EN} (invoiced order lines)`,
        'brl',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'product_mix',
    grain_pt: 'uma linha por vendedor dono da conta × UF da carteira ativa na data de referência (as somas valem por vendedor, por UF ou no total)',
    grain_en: 'one row per owning seller × state of the active portfolio at the as-of date (the sums add up by seller, state or overall)',
    orderBy: 'seller_id nulls first, state nulls first',
    columns: {
      seller_id: ownerId,
      state,
      portfolio_customers: portfolioCustomers,
      buying_customers: [
        `Clientes da célula com ao menos um item faturado ${WINDOW_PT}`,
        `Customers of the cell with at least one invoiced order line ${WINDOW_EN}`,
        'count',
      ],
      ...mixMeasures,
      as_of_date: asOf,
    },
  },
  {
    name: 'product_totals',
    grain_pt: 'uma linha por recorte (breakdown) dos produtos de product_abc: por classe ABC e todos',
    grain_en: 'one row per breakdown of the products in product_abc: per ABC class and all of them',
    orderBy: 'breakdown, abc_class nulls last',
    columns: {
      breakdown: [
        'Recorte da linha: abc_class (por classe ABC), all (todos os produtos); use a linha do recorte desejado em vez de somar (rótulos em labels, campo product_breakdown)',
        'Breakdown of the row: abc_class (per ABC class), all (every product); use the row of the wanted breakdown rather than summing (labels, field product_breakdown)',
        'text',
        'not null',
      ],
      abc_class: [
        'Classe ABC dos produtos (NULL = linha que não é por classe; rótulos em labels, campo abc_class)',
        'ABC class of the products (NULL = a row not per class; labels, field abc_class)',
        'text',
      ],
      products: ['Produtos de product_abc', 'Products in product_abc', 'count'],
      product_share: ['Parcela dos produtos: products ÷ todos os produtos (0-1)', 'Share of products: products ÷ every product (0-1)', 'share'],
      revenue: [`Faturamento somado desses produtos ${WINDOW_PT}`, `Summed revenue of those products ${WINDOW_EN}`, 'brl', 'not null'],
      revenue_share: [
        'Parcela do faturamento de todos os produtos (0-1); NULL sem faturamento',
        'Share of the revenue of every product (0-1); NULL without revenue',
        'share',
      ],
      losing_products: [
        'Produtos perdendo compradores: buyer_change < 0 (menos compradores nos 3 meses recentes que nos 3 anteriores)',
        'Products losing buyers: buyer_change < 0 (fewer buyers in the recent 3 months than in the 3 before)',
        'count',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'product_pareto',
    grain_pt: 'uma linha por percentil 1..100 dos produtos de product_abc ordenados pelo faturamento (maior primeiro); vazio sem produtos',
    grain_en: 'one row per percentile 1..100 of the products in product_abc sorted by revenue (largest first); empty without products',
    orderBy: 'pct_products',
    columns: {
      pct_products: ['Percentil dos produtos (1..100)', 'Percentile of products (1..100)', 'number', 'not null'],
      products: ['Produtos no topo até este percentil (arredondado para cima)', 'Products at the top up to this percentile (rounded up)', 'count'],
      product_count: ['Produtos de product_abc (o total)', 'Products in product_abc (the total)', 'count'],
      cum_revenue: ['Faturamento acumulado desses produtos', 'Cumulative revenue of those products', 'brl', 'not null'],
      cum_revenue_share: cumRevenueShare,
      products_to_reach_80: [
        'Produtos até o que cruza 80% do faturamento (a regra de corte da classe ABC: com abc.a_share = 0,8 é o número de produtos da classe A)',
        'Products up to the one crossing 80% of revenue (the cut-off rule of the ABC class: with abc.a_share = 0.8 it is the count of class A)',
        'count',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'product_mix_totals',
    grain_pt:
      'uma linha por recorte (breakdown) da carteira ativa de product_mix: por vendedor dono da conta, por UF e toda a carteira; vazio quando product_mix está',
    grain_en: 'one row per breakdown of the active portfolio in product_mix: per owning seller, per UF and all of it; empty when product_mix is',
    orderBy: 'breakdown, seller_id nulls last, state nulls last',
    columns: {
      breakdown: BREAKDOWN_PENETRATION,
      ...breakdownSellerState,
      portfolio_customers: portfolioCustomers,
      buying_customers: [
        `Clientes do recorte com ao menos um item faturado ${WINDOW_PT}`,
        `Customers of the breakdown with at least one invoiced order line ${WINDOW_EN}`,
        'count',
      ],
      ...mixMeasures,
      as_of_date: asOf,
    },
  },
  {
    name: 'category_penetration_totals',
    grain_pt: 'uma linha por categoria × recorte (breakdown) da carteira ativa de category_penetration: por vendedor dono da conta, por UF e toda a carteira',
    grain_en: 'one row per category × breakdown of the active portfolio in category_penetration: per owning seller, per UF and all of it',
    orderBy: 'breakdown, category, seller_id nulls last, state nulls last',
    columns: {
      breakdown: BREAKDOWN_PENETRATION,
      category,
      ...breakdownSellerState,
      portfolio_customers: portfolioCustomers,
      buying_customers: [
        `Clientes do recorte que compraram a categoria ${WINDOW_PT}; numerador da positivação`,
        `Customers of the breakdown who bought the category ${WINDOW_EN}; the coverage numerator`,
        'count',
      ],
      coverage_pct: [
        'Positivação da categoria: clientes do recorte que compraram a categoria ÷ carteira ativa do recorte × 100',
        "Category coverage: customers of the breakdown who bought the category ÷ the breakdown's active portfolio × 100",
        'pct',
      ],
      revenue: [
        `Faturamento da categoria com os clientes do recorte ${WINDOW_PT} (itens de pedidos faturados)`,
        `Category revenue from the breakdown's customers ${WINDOW_EN} (invoiced order lines)`,
        'brl',
      ],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
