import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlMarts } from '../../pipelines/contract/marts.ts';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts(
    {
      'orders.csv': [
        'order_id,customer_id,order_date,seller_id,status,channel,amount',
        'O1,C1,2026-01-10,V1,invoiced,,100',
        'O2,C2,2026-02-10,V1,canceled,,50',
      ],
    },
    '2026-02-15',
  );
});
afterAll(() => marts.close());

describe('the published contract', () => {
  it('publishes every mart of issue 3 with an as_of_date column', async () => {
    const names = sqlMarts.map((m) => m.name).sort();
    expect(names).toEqual(expect.arrayContaining([
      'cohorts', 'contracts_monthly', 'customer_status_monthly', 'customers', 'geography', 'kpis_monthly', 'kpis_periods',
      'labels', 'model_fit', 'pareto', 'portfolio_flows', 'renewals', 'rfm_segments', 'sales_cube', 'sellers_monthly',
      'product_abc', 'category_abc', 'category_penetration', 'product_mix',
    ]));
    const rows = await marts.rows<{ mart: string }>("select distinct mart from data_dictionary where \"column\" = 'as_of_date' order by 1");
    expect(rows.map((r) => r.mart)).toEqual(expect.arrayContaining(names));
  });

  it('describes every column in Portuguese and English with a unit and a type', async () => {
    const rows = await marts.rows(
      "select mart, \"column\" from data_dictionary where type is null or coalesce(description_pt, '') = '' or coalesce(description_en, '') = '' or coalesce(unit, '') = ''",
    );
    expect(rows).toEqual([]);
  });

  it('follows the unit conventions: _pct in 0-100, _rate and _share in 0-1, money as DECIMAL(18,2), counts as INTEGER', async () => {
    const rows = await marts.rows(
      `select mart, "column", type, unit from data_dictionary
       where mart in (${sqlMarts.map((m) => `'${m.name}'`).join(', ')})
       and (("column" like '%\\_pct' escape '\\' and unit <> 'pct')
          or (("column" like '%\\_rate' escape '\\' or "column" like '%\\_share' escape '\\') and unit <> 'share')
          or (unit = 'brl' and type <> 'DECIMAL(18,2)')
          or (unit = 'count' and type <> 'INTEGER')
          or (unit in ('month', 'date') and type <> 'DATE'))`,
    );
    expect(rows).toEqual([]);
  });
});

describe('labels', () => {
  it('labels every lifecycle status and RFM segment, with distinct words for the two kinds of risk', async () => {
    const rows = await marts.rows("select field, value, label_pt from labels where value = 'at_risk' order by field");
    expect(rows).toEqual([
      { field: 'rfm_segment', value: 'at_risk', label_pt: 'Em risco (RFM)' },
      { field: 'status', value: 'at_risk', label_pt: 'Em risco (ritmo)' },
    ]);
    const counts = await marts.rows("select field, count(*)::integer as n from labels where field in ('status', 'rfm_segment', 'abc_class', 'region', 'state', 'order_status') group by 1 order by 1");
    expect(counts).toEqual([
      { field: 'abc_class', n: 3 },
      { field: 'order_status', n: 3 },
      { field: 'region', n: 5 },
      { field: 'rfm_segment', n: 10 },
      { field: 'state', n: 27 },
      { field: 'status', n: 7 },
    ]);
  });

  it('has a label for every status a customer can carry', async () => {
    const rows = await marts.rows("select distinct status from customers where status not in (select value from labels where field = 'status')");
    expect(rows).toEqual([]);
  });
});
