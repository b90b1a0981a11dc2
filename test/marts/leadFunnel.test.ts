import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// As of 31/03/2026; the 12-month window holds leads created or closed after 31/03/2025.
//   lead  seller source     status (export)        created     closed      at the as-of date
//   L1    V1     Site       won                    01/01/2026  21/01/2026  won in 20 days
//   L2    V1     Site       lost                   10/01/2026  09/02/2026  lost in 30 days
//   L3    V1     Indicação  won                    01/02/2026  03/03/2026  won in 30 days (28 days of February + 2)
//   L4    V1     Site       open                   21/03/2026              open, 10 days old (0-30)
//   L10   V1     Site       won                    25/03/2026  30/03/2026  won in 5 days
//   L5    V2     Site       open                   15/01/2026              open, 75 days old (16 + 28 + 31; 61-90)
//   L6    V2     Indicação  open                   01/11/2025              open, 150 days old (30 + 31 + 31 + 28 + 30; over 90)
//   L7    V2     Indicação  won                    20/02/2026  10/04/2026  closed after the as-of date: open, 39 days old (31-60)
//   L8    V2     Site       lost                   01/12/2024  15/01/2025  lost before the window (history only)
//   L9    V2     (empty)    lost, no close date    10/02/2026              lost on its creation day: 0 days, source "Sem origem"
const LEADS = [
  'lead_id,created_at,seller_id,source,status,closed_at,customer_id',
  'L1,2026-01-01,V1,Site,won,2026-01-21,K1',
  'L2,2026-01-10,V1,Site,lost,2026-02-09,',
  'L3,2026-02-01,V1,Indicação,won,2026-03-03,',
  'L4,2026-03-21,V1,Site,open,,',
  'L5,2026-01-15,V2,Site,open,,',
  'L6,2025-11-01,V2,Indicação,open,,',
  'L7,2026-02-20,V2,Indicação,won,2026-04-10,',
  'L8,2024-12-01,V2,Site,lost,2025-01-15,',
  'L9,2026-02-10,V2,,lost,,',
  'L10,2026-03-25,V1,Site,won,2026-03-30,',
];

const COLUMNS = `breakdown, seller_id, source, leads_created_12m, open_leads, open_0_30_days, open_31_60_days, open_61_90_days,
  open_over_90_days, median_open_age_days, won_12m, lost_12m, round(conversion_rate_12m, 4) as conversion_rate_12m,
  median_days_to_win, median_days_to_lose, won_total, lost_total, round(conversion_rate_total, 4) as conversion_rate_total`;

describe('lead_funnel', () => {
  let marts: MartRun;

  beforeAll(async () => {
    marts = await runMarts(
      {
        'customers.csv': ['customer_id,name,state,seller_id', 'K1,Mercado Um Ltda,SP,V1'],
        'orders.csv': ['order_id,customer_id,order_date,seller_id,status,channel,amount', 'O1,K1,2026-03-30,V1,invoiced,,100'],
        'leads.csv': LEADS,
      },
      '2026-03-31',
    );
  });
  afterAll(() => marts.close());

  it('counts every lead once in the all row: open ones by age band, conversion and medians over the 12 months', async () => {
    // open: L4 (10), L7 (39), L5 (75), L6 (150) → median (39 + 75) / 2 = 57
    // closed in the window: won L1, L3, L10; lost L2, L9 → 3 / 5 = 0.6; L8 is history only (won 3, lost 3 → 0.5)
    // days to win 20, 30, 5 → median 20; days to lose 30, 0 → median 15; created in the window: all but L8 = 9
    expect(await marts.rows(`select ${COLUMNS} from lead_funnel where breakdown = 'all'`)).toEqual([
      {
        breakdown: 'all',
        seller_id: null,
        source: null,
        leads_created_12m: 9,
        open_leads: 4,
        open_0_30_days: 1,
        open_31_60_days: 1,
        open_61_90_days: 1,
        open_over_90_days: 1,
        median_open_age_days: 57,
        won_12m: 3,
        lost_12m: 2,
        conversion_rate_12m: 0.6,
        median_days_to_win: 20,
        median_days_to_lose: 15,
        won_total: 3,
        lost_total: 3,
        conversion_rate_total: 0.5,
      },
    ]);
  });

  it('converts per seller, treating a lead closed after the as-of date as still open', async () => {
    // V1: open L4 (10 days); won L1 (20), L3 (30), L10 (5) → median 20; lost L2 (30) → 3 / 4 = 0.75
    // V2: open L7 (39), L5 (75), L6 (150) → median 75; lost L9 (0) → 0 / 1 = 0; L8 lost before the window → 0 / 2 overall
    expect(await marts.rows(`select ${COLUMNS} from lead_funnel where breakdown = 'seller' order by seller_id`)).toEqual([
      {
        breakdown: 'seller',
        seller_id: 'V1',
        source: null,
        leads_created_12m: 5,
        open_leads: 1,
        open_0_30_days: 1,
        open_31_60_days: 0,
        open_61_90_days: 0,
        open_over_90_days: 0,
        median_open_age_days: 10,
        won_12m: 3,
        lost_12m: 1,
        conversion_rate_12m: 0.75,
        median_days_to_win: 20,
        median_days_to_lose: 30,
        won_total: 3,
        lost_total: 1,
        conversion_rate_total: 0.75,
      },
      {
        breakdown: 'seller',
        seller_id: 'V2',
        source: null,
        leads_created_12m: 4,
        open_leads: 3,
        open_0_30_days: 0,
        open_31_60_days: 1,
        open_61_90_days: 1,
        open_over_90_days: 1,
        median_open_age_days: 75,
        won_12m: 0,
        lost_12m: 1,
        conversion_rate_12m: 0,
        median_days_to_win: null,
        median_days_to_lose: 0,
        won_total: 0,
        lost_total: 2,
        conversion_rate_total: 0,
      },
    ]);
  });

  it('converts per source, naming an empty source "Sem origem"', async () => {
    // Indicação: L3 won (30); L6 (150) and L7 (39) open → median 94.5
    // Site: L1 (20) and L10 (5) won → median 12.5, L2 lost (30) → 2 / 3; L4 (10) and L5 (75) open → median 42.5; L8 lost before the window
    expect(
      await marts.rows(`select source, leads_created_12m, open_leads, median_open_age_days, won_12m, lost_12m, round(conversion_rate_12m, 4) as conversion_rate_12m,
        median_days_to_win, median_days_to_lose, won_total, lost_total from lead_funnel where breakdown = 'source' order by source`),
    ).toEqual([
      {
        source: 'Indicação',
        leads_created_12m: 3,
        open_leads: 2,
        median_open_age_days: 94.5,
        won_12m: 1,
        lost_12m: 0,
        conversion_rate_12m: 1,
        median_days_to_win: 30,
        median_days_to_lose: null,
        won_total: 1,
        lost_total: 0,
      },
      {
        source: 'Sem origem',
        leads_created_12m: 1,
        open_leads: 0,
        median_open_age_days: null,
        won_12m: 0,
        lost_12m: 1,
        conversion_rate_12m: 0,
        median_days_to_win: null,
        median_days_to_lose: 0,
        won_total: 0,
        lost_total: 1,
      },
      {
        source: 'Site',
        leads_created_12m: 5,
        open_leads: 2,
        median_open_age_days: 42.5,
        won_12m: 2,
        lost_12m: 1,
        conversion_rate_12m: 0.6667,
        median_days_to_win: 12.5,
        median_days_to_lose: 30,
        won_total: 2,
        lost_total: 2,
      },
    ]);
  });

  it('splits each seller by source, the pieces adding up to the seller totals', async () => {
    // V1 × Site: L1, L2, L4, L10; V1 × Indicação: L3; V2 × Indicação: L6, L7; V2 × Site: L5, L8; V2 × Sem origem: L9
    expect(
      await marts.rows(
        `select seller_id, source, open_leads, won_12m, lost_12m, lost_total from lead_funnel where breakdown = 'seller_source' order by seller_id, source`,
      ),
    ).toEqual([
      { seller_id: 'V1', source: 'Indicação', open_leads: 0, won_12m: 1, lost_12m: 0, lost_total: 0 },
      { seller_id: 'V1', source: 'Site', open_leads: 1, won_12m: 2, lost_12m: 1, lost_total: 1 },
      { seller_id: 'V2', source: 'Indicação', open_leads: 2, won_12m: 0, lost_12m: 0, lost_total: 0 },
      { seller_id: 'V2', source: 'Sem origem', open_leads: 0, won_12m: 0, lost_12m: 1, lost_total: 1 },
      { seller_id: 'V2', source: 'Site', open_leads: 1, won_12m: 0, lost_12m: 0, lost_total: 1 },
    ]);
  });

  it('publishes no target rows without a targets file', async () => {
    expect(await marts.rows('select * from target_attainment')).toEqual([]);
  });
});
