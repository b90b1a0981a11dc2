import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 28/02/2026 (February complete). Three sellers; V1 has a target from December, V2 only in February, V3 never.
//   month     V1 sold / target   V2 sold / target   V3 sold   company revenue
//   nov/2025  1.000 / —          —                  —         1.000
//   dez/2025  1.000 / 900        —                  —         1.000
//   jan/2026  1.000 / 1.200      500 / —            —         1.500
//   fev/2026  800 / 1.000        300 / 400          200       1.300
const FILES = {
  'sellers.csv': ['seller_id,name,team,active', 'V1,Ana,Capital,true', 'V2,Bruno,Interior,true', 'V3,Carla,Interior,true'],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,K1,2025-11-10,V1,invoiced,,1000',
    'O2,K1,2025-12-10,V1,invoiced,,1000',
    'O3,K1,2026-01-10,V1,invoiced,,1000',
    'O4,K2,2026-01-20,V2,invoiced,,500',
    'O5,K1,2026-02-10,V1,invoiced,,800',
    'O6,K2,2026-02-15,V2,invoiced,,300',
    'O7,K3,2026-02-20,V3,invoiced,,200',
  ],
  'targets.csv': [
    'seller_id,month,revenue_target,coverage_target_pct,new_customers_target',
    'V1,2025-12,900,,',
    'V1,2026-01,1200,,',
    'V1,2026-02,1000,,',
    'V2,2026-02,400,,',
  ],
};

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts(FILES, '2026-02-28');
});
afterAll(() => marts.close());

describe("kpis_monthly against the sellers' revenue targets", () => {
  it('sums the targets of each month against the revenue of the sellers who have one, and counts who is left out', async () => {
    const rows = await marts.rows(
      'select month::varchar as month, revenue, revenue_with_target, revenue_target, sellers_with_target, sellers_without_target from kpis_monthly order by month',
    );
    // February: V1 800 + V2 300 = 1.100 against 1.000 + 400 = 1.400; V3 (200) has no target and stays out
    expect(rows).toEqual([
      { month: '2025-11-01', revenue: '1000.00', revenue_with_target: null, revenue_target: null, sellers_with_target: 0, sellers_without_target: 3 },
      { month: '2025-12-01', revenue: '1000.00', revenue_with_target: '1000.00', revenue_target: '900.00', sellers_with_target: 1, sellers_without_target: 2 },
      { month: '2026-01-01', revenue: '1500.00', revenue_with_target: '1000.00', revenue_target: '1200.00', sellers_with_target: 1, sellers_without_target: 2 },
      { month: '2026-02-01', revenue: '1300.00', revenue_with_target: '1100.00', revenue_target: '1400.00', sellers_with_target: 2, sellers_without_target: 1 },
    ]);
  });

  it('adds up the year to date from January, starting again each year, with the attainment, the gap and the whole year target', async () => {
    const rows = await marts.rows(
      `select month::varchar as month, ytd_revenue, ytd_revenue_with_target, ytd_revenue_target, round(ytd_target_pct, 4) as ytd_target_pct,
              ytd_target_gap, year_revenue_target
       from kpis_monthly order by month`,
    );
    // 2025: November has no target (all NULL but the revenue); December: 1.000 of 900 → 111,1111%, 100 above; year target 900.
    // 2026: January 1.000 of 1.200 → 83,3333%, 200 below; February to date 1.000 + 1.100 = 2.100 of 1.200 + 1.400 = 2.600
    // → 80,7692%, 500 below; company revenue 1.500 + 1.300 = 2.800; year target 2.600
    expect(rows).toEqual([
      {
        month: '2025-11-01',
        ytd_revenue: '1000.00',
        ytd_revenue_with_target: null,
        ytd_revenue_target: null,
        ytd_target_pct: null,
        ytd_target_gap: null,
        year_revenue_target: '900.00',
      },
      {
        month: '2025-12-01',
        ytd_revenue: '2000.00',
        ytd_revenue_with_target: '1000.00',
        ytd_revenue_target: '900.00',
        ytd_target_pct: 111.1111,
        ytd_target_gap: '100.00',
        year_revenue_target: '900.00',
      },
      {
        month: '2026-01-01',
        ytd_revenue: '1500.00',
        ytd_revenue_with_target: '1000.00',
        ytd_revenue_target: '1200.00',
        ytd_target_pct: 83.3333,
        ytd_target_gap: '-200.00',
        year_revenue_target: '2600.00',
      },
      {
        month: '2026-02-01',
        ytd_revenue: '2800.00',
        ytd_revenue_with_target: '2100.00',
        ytd_revenue_target: '2600.00',
        ytd_target_pct: 80.7692,
        ytd_target_gap: '-500.00',
        year_revenue_target: '2600.00',
      },
    ]);
  });
});
