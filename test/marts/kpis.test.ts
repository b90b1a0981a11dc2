import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts(
    {
      'products.csv': ['product_id,name,category', 'P1,Leite UHT,Laticínios', 'P2,Detergente,Limpeza'],
      'customers.csv': [
        'customer_id,name,segment,city,state,seller_id',
        'K1,Restaurante Um,Restaurante,Campinas,SP,V1',
        'K2,Mercado Dois,Mercado,Niterói,RJ,V2',
        'K3,Restaurante Três,Restaurante,Santos,SP,V1',
      ],
      'orders.csv': [
        'order_id,customer_id,order_date,seller_id,status,channel,amount',
        'O1,K1,2026-01-10,V1,invoiced,,',
        'O2,K2,2026-01-20,,invoiced,,',
        'O3,K1,2026-02-05,V1,canceled,,',
        'O4,K3,2026-02-10,V1,invoiced,,',
        'O5,K2,2026-03-01,V2,returned,,',
        'O6,K1,2026-03-02,V2,invoiced,,',
      ],
      'order_items.csv': [
        'order_id,product_id,quantity,unit_price,discount,unit_cost',
        'O1,P1,2,100,,60',
        'O1,P2,1,50,,20',
        'O2,P1,1,100,10,60',
        'O3,P2,4,50,,20',
        'O4,P2,2,50,,',
        'O5,P1,1,100,,60',
        'O6,P2,1,50,,20',
      ],
      'marketing_spend.csv': ['month,channel,amount', '2026-01,Google,600', '2026-01,Feiras,400', '2026-02,Google,500'],
      'leads.csv': [
        'lead_id,created_at,seller_id,source,status,closed_at,customer_id',
        'L1,2026-01-02,V1,Site,won,2026-01-15,K1',
        'L2,2026-01-05,V1,Site,lost,2026-01-20,',
        'L3,2026-01-06,V2,Site,open,,',
        'L4,2026-02-01,V2,Indicação,won,2026-02-10,K3',
      ],
    },
    '2026-03-15',
  );
});
afterAll(() => marts.close());

describe('kpis_monthly', () => {
  it('counts only invoiced orders as sales and reports canceled and returned ones apart', async () => {
    const rows = await marts.rows(
      'select month::varchar as month, is_partial_month, revenue, gross_margin, orders, avg_ticket, canceled_orders, canceled_value, returned_orders, returned_value from kpis_monthly order by month',
    );
    expect(rows).toEqual([
      {
        month: '2026-01-01',
        is_partial_month: false,
        revenue: '340.00',
        gross_margin: '140.00',
        orders: 2,
        avg_ticket: '170.00',
        canceled_orders: 0,
        canceled_value: '0.00',
        returned_orders: 0,
        returned_value: '0.00',
      },
      // O4 has no unit cost: the month's margin is unknown
      {
        month: '2026-02-01',
        is_partial_month: false,
        revenue: '100.00',
        gross_margin: null,
        orders: 1,
        avg_ticket: '100.00',
        canceled_orders: 1,
        canceled_value: '200.00',
        returned_orders: 0,
        returned_value: '0.00',
      },
      {
        month: '2026-03-01',
        is_partial_month: true,
        revenue: '50.00',
        gross_margin: '30.00',
        orders: 1,
        avg_ticket: '50.00',
        canceled_orders: 0,
        canceled_value: '0.00',
        returned_orders: 1,
        returned_value: '100.00',
      },
    ]);
  });

  it('does not positivate a customer whose only order of the month was canceled', async () => {
    const rows = await marts.rows(
      'select month::varchar as month, active_customers, buying_customers, portfolio_customers, portfolio_buying_customers, round(coverage_pct, 4) as coverage_pct, new_customers from kpis_monthly order by month',
    );
    expect(rows).toEqual([
      {
        month: '2026-01-01',
        active_customers: 2,
        buying_customers: 2,
        portfolio_customers: 0,
        portfolio_buying_customers: 0,
        coverage_pct: null,
        new_customers: 2,
      },
      // K1 and K2 form the portfolio; K1's February order was canceled and K3 is new
      {
        month: '2026-02-01',
        active_customers: 3,
        buying_customers: 1,
        portfolio_customers: 2,
        portfolio_buying_customers: 0,
        coverage_pct: 0,
        new_customers: 1,
      },
      // K2's March order was returned
      {
        month: '2026-03-01',
        active_customers: 3,
        buying_customers: 1,
        portfolio_customers: 3,
        portfolio_buying_customers: 1,
        coverage_pct: 33.3333,
        new_customers: 0,
      },
    ]);
  });

  it('computes LTV, CAC and conversion, NULL where the month has no spend or no closed leads', async () => {
    const rows = await marts.rows(
      'select month::varchar as month, ltv, marketing_spend, cac, round(ltv_cac, 6) as ltv_cac, leads_won, leads_closed, conversion_rate, round(top20_revenue_share, 6) as top20_revenue_share from kpis_monthly order by month',
    );
    expect(rows).toEqual([
      {
        month: '2026-01-01',
        ltv: '170.00',
        marketing_spend: '1000.00',
        cac: '500.00',
        ltv_cac: 0.34,
        leads_won: 1,
        leads_closed: 2,
        conversion_rate: 0.5,
        top20_revenue_share: 0.735294,
      },
      {
        month: '2026-02-01',
        ltv: '146.67',
        marketing_spend: '500.00',
        cac: '500.00',
        ltv_cac: 0.293333,
        leads_won: 1,
        leads_closed: 1,
        conversion_rate: 1,
        top20_revenue_share: 1,
      },
      {
        month: '2026-03-01',
        ltv: '163.33',
        marketing_spend: null,
        cac: null,
        ltv_cac: null,
        leads_won: 0,
        leads_closed: 0,
        conversion_rate: null,
        top20_revenue_share: 1,
      },
    ]);
  });
});

describe('sales_cube', () => {
  it('splits sales by category with margin where costs are known, counting each order once by its largest line', async () => {
    const rows = await marts.rows(
      'select month::varchar as month, seller_id, state, region, segment, category, orders, orders_by_main_category, order_lines, quantity, buying_customers, revenue, gross_margin, avg_ticket from sales_cube order by month, seller_id, state, segment, category',
    );
    expect(rows).toEqual([
      {
        month: '2026-01-01',
        seller_id: 'V1',
        state: 'SP',
        region: 'sudeste',
        segment: 'Restaurante',
        category: 'Laticínios',
        orders: 1,
        orders_by_main_category: 1,
        order_lines: 1,
        quantity: '2.000',
        buying_customers: 1,
        revenue: '200.00',
        gross_margin: '80.00',
        avg_ticket: '200.00',
      },
      {
        month: '2026-01-01',
        seller_id: 'V1',
        state: 'SP',
        region: 'sudeste',
        segment: 'Restaurante',
        category: 'Limpeza',
        orders: 1,
        orders_by_main_category: 0,
        order_lines: 1,
        quantity: '1.000',
        buying_customers: 1,
        revenue: '50.00',
        gross_margin: '30.00',
        avg_ticket: '50.00',
      },
      // no seller on O2: credited to K2's owner
      {
        month: '2026-01-01',
        seller_id: 'V2',
        state: 'RJ',
        region: 'sudeste',
        segment: 'Mercado',
        category: 'Laticínios',
        orders: 1,
        orders_by_main_category: 1,
        order_lines: 1,
        quantity: '1.000',
        buying_customers: 1,
        revenue: '90.00',
        gross_margin: '30.00',
        avg_ticket: '90.00',
      },
      {
        month: '2026-02-01',
        seller_id: 'V1',
        state: 'SP',
        region: 'sudeste',
        segment: 'Restaurante',
        category: 'Limpeza',
        orders: 1,
        orders_by_main_category: 1,
        order_lines: 1,
        quantity: '2.000',
        buying_customers: 1,
        revenue: '100.00',
        gross_margin: null,
        avg_ticket: '100.00',
      },
      {
        month: '2026-03-01',
        seller_id: 'V2',
        state: 'SP',
        region: 'sudeste',
        segment: 'Restaurante',
        category: 'Limpeza',
        orders: 1,
        orders_by_main_category: 1,
        order_lines: 1,
        quantity: '1.000',
        buying_customers: 1,
        revenue: '50.00',
        gross_margin: '30.00',
        avg_ticket: '50.00',
      },
    ]);
  });
});

describe('sellers_monthly with leads and categories', () => {
  it('measures mix as categories per buying customer and conversion per seller', async () => {
    const rows = await marts.rows(
      "select seller_id, revenue, gross_margin, mix, leads_won, leads_closed, conversion_rate from sellers_monthly where month = '2026-01-01' order by seller_id",
    );
    expect(rows).toEqual([
      { seller_id: 'V1', revenue: '250.00', gross_margin: '110.00', mix: 2, leads_won: 1, leads_closed: 2, conversion_rate: 0.5 },
      { seller_id: 'V2', revenue: '90.00', gross_margin: '30.00', mix: 1, leads_won: 0, leads_closed: 0, conversion_rate: null },
    ]);
  });
});

describe('customers', () => {
  it('sums lifetime revenue and margin over invoiced orders only', async () => {
    const rows = await marts.rows(
      'select customer_id, orders, revenue, gross_margin, avg_ticket, canceled_orders, returned_orders from customers order by customer_id',
    );
    expect(rows).toEqual([
      { customer_id: 'K1', orders: 2, revenue: '300.00', gross_margin: '140.00', avg_ticket: '150.00', canceled_orders: 1, returned_orders: 0 },
      { customer_id: 'K2', orders: 1, revenue: '90.00', gross_margin: '30.00', avg_ticket: '90.00', canceled_orders: 0, returned_orders: 1 },
      { customer_id: 'K3', orders: 1, revenue: '100.00', gross_margin: null, avg_ticket: '100.00', canceled_orders: 0, returned_orders: 0 },
    ]);
  });
});

describe('an item of a product missing from the products export', () => {
  let unknown: MartRun;
  beforeAll(async () => {
    unknown = await runMarts(
      {
        'products.csv': ['product_id,name,category', 'P1,Leite UHT,Laticínios'],
        'customers.csv': ['customer_id,name,state,seller_id', 'K1,Restaurante Um,SP,V1'],
        'orders.csv': ['order_id,customer_id,order_date,seller_id,status', 'O1,K1,2026-01-10,V1,invoiced'],
        'order_items.csv': ['order_id,product_id,quantity,unit_price', 'O1,P1,2,100', 'O1,PX,3,10'],
      },
      '2026-01-31',
    );
  });
  afterAll(() => unknown.close());

  it('sells in the cube as "Sem categoria" and does not count as a category of the mix', async () => {
    const cube = await unknown.rows('select category, orders, orders_by_main_category, revenue from sales_cube order by category');
    expect(cube).toEqual([
      { category: 'Laticínios', orders: 1, orders_by_main_category: 1, revenue: '200.00' },
      { category: 'Sem categoria', orders: 1, orders_by_main_category: 0, revenue: '30.00' },
    ]);
    const sellers = await unknown.rows("select seller_id, revenue, mix from sellers_monthly where seller_id = 'V1'");
    expect(sellers).toEqual([{ seller_id: 'V1', revenue: '230.00', mix: 1 }]);
  });
});
