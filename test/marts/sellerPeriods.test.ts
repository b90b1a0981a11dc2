import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 31/03/2026 (March is complete). Orders run from June 2025, so the 12-month window is June 2025 to March 2026.
//   customer owner  invoiced orders                          working portfolio at the start of a month
//   K1       V1     10/01 1.000, 09/02 1.000, 11/03 1.000    February and March (bought in both)
//   K2       V1     01/03 600                                never (a prospect until March)
//   K3       V2     01/06/2025 500, 11/06/2025 500           July 2025 to March 2026 (9 months, bought in none)
//   K4       V2     15/02 400, 15/03 200                     March (bought)
//   K5       V3     20/03 100                                never
// Teams: Capital = V1; Interior = V2 and V3, and V3 has left the company.
const FILES = {
  'sellers.csv': ['seller_id,name,team,active', 'V1,Ana,Capital,true', 'V2,Bruno,Interior,true', 'V3,Carla,Interior,false'],
  'customers.csv': [
    'customer_id,name,state,seller_id',
    'K1,Mercado Um Ltda,SP,V1',
    'K2,Padaria Dois Ltda,SP,V1',
    'K3,Bar Três Ltda,RJ,V2',
    'K4,Hotel Quatro Ltda,RJ,V2',
    'K5,Café Cinco Ltda,MG,V3',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,K1,2026-01-10,V1,invoiced,,1000',
    'O2,K1,2026-02-09,V1,invoiced,,1000',
    'O3,K1,2026-03-11,V1,invoiced,,1000',
    'O4,K2,2026-03-01,V1,invoiced,,600',
    'O5,K3,2025-06-01,V2,invoiced,,500',
    'O6,K3,2025-06-11,V2,invoiced,,500',
    'O7,K4,2026-02-15,V2,invoiced,,400',
    'O8,K4,2026-03-15,V2,invoiced,,200',
    'O9,K5,2026-03-20,V3,invoiced,,100',
  ],
  'targets.csv': [
    'seller_id,month,revenue_target,coverage_target_pct',
    'V1,2026-02,2500,50',
    'V1,2026-03,2000,100',
    'V2,2026-03,1000,',
    // V3 sells exactly its target: 100% counts as beating it
    'V3,2026-03,100,',
  ],
};

const COLUMNS = `breakdown, seller_id, team, active_sellers, sellers_on_target, revenue::double as revenue,
  revenue_target::double as revenue_target, round(target_pct, 2) as target_pct, orders, avg_ticket::double as avg_ticket,
  portfolio_customers, round(coverage_pct, 2) as coverage_pct, round(coverage_target_pct, 2) as coverage_target_pct`;
const ORDER = `order by case breakdown when 'seller' then 1 when 'team' then 2 else 3 end, team, seller_id`;

describe('seller_periods', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(FILES, '2026-03-31');
  });
  afterAll(() => marts.close());

  it('sums the last complete month per seller, per team and for everybody, dividing every ratio from the sums', async () => {
    expect(await marts.rows(`select ${COLUMNS} from seller_periods where period = 'last_month' ${ORDER}`)).toEqual([
      // V1: 1.000 (K1) + 600 (K2) = 1.600 of 2.000 → 80%; 2 orders → ticket 800; portfolio K1, who bought → 100%, target 100%
      {
        breakdown: 'seller',
        seller_id: 'V1',
        team: 'Capital',
        active_sellers: 1,
        sellers_on_target: 0,
        revenue: 1600,
        revenue_target: 2000,
        target_pct: 80,
        orders: 2,
        avg_ticket: 800,
        portfolio_customers: 1,
        coverage_pct: 100,
        coverage_target_pct: 100,
      },
      // V2: 200 (K4) of 1.000 → 20%; portfolio K3 and K4, K4 bought → 1 ÷ 2 = 50%, no coverage target
      {
        breakdown: 'seller',
        seller_id: 'V2',
        team: 'Interior',
        active_sellers: 1,
        sellers_on_target: 0,
        revenue: 200,
        revenue_target: 1000,
        target_pct: 20,
        orders: 1,
        avg_ticket: 200,
        portfolio_customers: 2,
        coverage_pct: 50,
        coverage_target_pct: null,
      },
      // V3 (left the company): 100 of 100 → 100%, on target; K5 was a prospect at the start of March → no portfolio
      {
        breakdown: 'seller',
        seller_id: 'V3',
        team: 'Interior',
        active_sellers: 0,
        sellers_on_target: 1,
        revenue: 100,
        revenue_target: 100,
        target_pct: 100,
        orders: 1,
        avg_ticket: 100,
        portfolio_customers: 0,
        coverage_pct: null,
        coverage_target_pct: null,
      },
      {
        breakdown: 'team',
        seller_id: null,
        team: 'Capital',
        active_sellers: 1,
        sellers_on_target: 0,
        revenue: 1600,
        revenue_target: 2000,
        target_pct: 80,
        orders: 2,
        avg_ticket: 800,
        portfolio_customers: 1,
        coverage_pct: 100,
        coverage_target_pct: 100,
      },
      // Interior: (200 + 100) ÷ (1.000 + 100) = 27,27% (not the average of 20% and 100%); 2 orders → 150; 1 of 2 customers bought → 50%
      {
        breakdown: 'team',
        seller_id: null,
        team: 'Interior',
        active_sellers: 1,
        sellers_on_target: 1,
        revenue: 300,
        revenue_target: 1100,
        target_pct: 27.27,
        orders: 2,
        avg_ticket: 150,
        portfolio_customers: 2,
        coverage_pct: 50,
        coverage_target_pct: null,
      },
      // all: 1.900 ÷ 3.100 = 61,29%; 4 orders → 475; 2 of 3 portfolio customers bought → 66,67%; coverage target only V1's: 100% × 1 ÷ 1
      {
        breakdown: 'all',
        seller_id: null,
        team: null,
        active_sellers: 2,
        sellers_on_target: 1,
        revenue: 1900,
        revenue_target: 3100,
        target_pct: 61.29,
        orders: 4,
        avg_ticket: 475,
        portfolio_customers: 3,
        coverage_pct: 66.67,
        coverage_target_pct: 100,
      },
    ]);
  });

  it('sums the 12 months with the targets of the months that have one and the portfolio of the last month', async () => {
    expect(await marts.rows(`select ${COLUMNS} from seller_periods where period = 'last_12_months' ${ORDER}`)).toEqual([
      // V1: 3.600 over 4 orders (ticket 900); months with a target: February 1.000 + March 1.600 = 2.600 of 2.500 + 2.000 = 4.500
      // → 57,78%; portfolio 1 (Feb) + 1 (Mar), both bought → 100%; coverage target (50% × 1 + 100% × 1) ÷ 2 = 75%
      {
        breakdown: 'seller',
        seller_id: 'V1',
        team: 'Capital',
        active_sellers: 1,
        sellers_on_target: 0,
        revenue: 3600,
        revenue_target: 4500,
        target_pct: 57.78,
        orders: 4,
        avg_ticket: 900,
        portfolio_customers: 1,
        coverage_pct: 100,
        coverage_target_pct: 75,
      },
      // V2: 1.600 over 4 orders (400); only March has a target: 200 of 1.000 → 20%; K3 in 9 portfolios + K4 in 1, one purchase → 1 ÷ 10 = 10%
      {
        breakdown: 'seller',
        seller_id: 'V2',
        team: 'Interior',
        active_sellers: 1,
        sellers_on_target: 0,
        revenue: 1600,
        revenue_target: 1000,
        target_pct: 20,
        orders: 4,
        avg_ticket: 400,
        portfolio_customers: 2,
        coverage_pct: 10,
        coverage_target_pct: null,
      },
      {
        breakdown: 'seller',
        seller_id: 'V3',
        team: 'Interior',
        active_sellers: 0,
        sellers_on_target: 1,
        revenue: 100,
        revenue_target: 100,
        target_pct: 100,
        orders: 1,
        avg_ticket: 100,
        portfolio_customers: 0,
        coverage_pct: null,
        coverage_target_pct: null,
      },
      {
        breakdown: 'team',
        seller_id: null,
        team: 'Capital',
        active_sellers: 1,
        sellers_on_target: 0,
        revenue: 3600,
        revenue_target: 4500,
        target_pct: 57.78,
        orders: 4,
        avg_ticket: 900,
        portfolio_customers: 1,
        coverage_pct: 100,
        coverage_target_pct: 75,
      },
      // Interior: 1.700 over 5 orders (340); with a target 200 + 100 = 300 of 1.100 → 27,27%
      {
        breakdown: 'team',
        seller_id: null,
        team: 'Interior',
        active_sellers: 1,
        sellers_on_target: 1,
        revenue: 1700,
        revenue_target: 1100,
        target_pct: 27.27,
        orders: 5,
        avg_ticket: 340,
        portfolio_customers: 2,
        coverage_pct: 10,
        coverage_target_pct: null,
      },
      // all: 5.300 over 9 orders → 588,89; with a target 2.600 + 300 = 2.900 of 5.600 → 51,79%; 3 purchases ÷ 12 portfolios = 25%
      {
        breakdown: 'all',
        seller_id: null,
        team: null,
        active_sellers: 2,
        sellers_on_target: 1,
        revenue: 5300,
        revenue_target: 5600,
        target_pct: 51.79,
        orders: 9,
        avg_ticket: 588.89,
        portfolio_customers: 3,
        coverage_pct: 25,
        coverage_target_pct: 75,
      },
    ]);
  });

  it('states the window of each period: the last complete month, and the months since the first order when fewer than 12', async () => {
    expect(
      await marts.rows(
        `select distinct period, strftime(window_start, '%Y-%m') as window_start, strftime(window_end, '%Y-%m') as window_end from seller_periods order by period`,
      ),
    ).toEqual([
      { period: 'last_12_months', window_start: '2025-06', window_end: '2026-03' },
      { period: 'last_month', window_start: '2026-03', window_end: '2026-03' },
    ]);
  });

  it('leaves mix and conversion empty without order items and leads files', async () => {
    expect(
      await marts.rows(`select count(*)::integer as n from seller_periods where mix is not null or leads_closed is not null or conversion_rate is not null`),
    ).toEqual([{ n: 0 }]);
  });
});

// As of 28/02/2026: January and February complete, so the 12-month window is January and February.
//   January:  C1 buys P1 (Laticínios) and P2 (Mercearia) in O1, C2 buys P1 in O2 → 2 buyers, 3 (customer, category) pairs, mix 1,5
//   February: C1 buys P1 in O3 → 1 buyer, 1 pair, mix 1
//   Leads of V1: January one won and one lost; February two lost.
describe('seller_periods with order items and leads', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(
      {
        'sellers.csv': ['seller_id,name,team,active', 'V1,Ana,Capital,true'],
        'customers.csv': ['customer_id,name,seller_id', 'C1,Mercado Um Ltda,V1', 'C2,Padaria Dois Ltda,V1'],
        'products.csv': ['product_id,name,category', 'P1,Leite UHT 1L,Laticínios', 'P2,Café 500g,Mercearia'],
        'orders.csv': [
          'order_id,customer_id,order_date,seller_id,status,channel,amount',
          'O1,C1,2026-01-10,V1,invoiced,,300',
          'O2,C2,2026-01-20,V1,invoiced,,100',
          'O3,C1,2026-02-09,V1,invoiced,,200',
        ],
        'order_items.csv': ['order_id,product_id,quantity,unit_price', 'O1,P1,2,100', 'O1,P2,1,100', 'O2,P1,1,100', 'O3,P1,2,100'],
        'leads.csv': [
          'lead_id,created_at,seller_id,source,status,closed_at,customer_id',
          'L1,2026-01-05,V1,Site,won,2026-01-15,C1',
          'L2,2026-01-06,V1,Site,lost,2026-01-25,',
          'L3,2026-02-01,V1,Site,lost,2026-02-10,',
          'L4,2026-02-02,V1,Site,lost,2026-02-20,',
        ],
      },
      '2026-02-28',
    );
  });
  afterAll(() => marts.close());

  it('pools the mix over the buyers and the conversion over the closed leads, never averaging the months', async () => {
    expect(
      await marts.rows(
        `select period, round(mix, 4) as mix, leads_won, leads_closed, conversion_rate, new_customers, active_end
         from seller_periods where breakdown = 'all' order by period`,
      ),
    ).toEqual([
      // 12 months: (3 + 1) pairs ÷ (2 + 1) buyers = 1,3333 (not the 1,25 average of 1,5 and 1); leads 1 won of 4 closed = 0,25;
      // C1 and C2 both new in January, both still in the active portfolio at the end of February
      { period: 'last_12_months', mix: 1.3333, leads_won: 1, leads_closed: 4, conversion_rate: 0.25, new_customers: 2, active_end: 2 },
      // February: 1 pair ÷ 1 buyer; 0 won of 2 closed; nobody new
      { period: 'last_month', mix: 1, leads_won: 0, leads_closed: 2, conversion_rate: 0, new_customers: 0, active_end: 2 },
    ]);
  });
});
