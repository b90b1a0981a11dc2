import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLabelProblems } from '../../pipelines/contract/columnLabels.ts';
import { martSpecs, sqlMarts } from '../../pipelines/contract/marts.ts';
import { usedInColumns } from '../../src/lib/labels.ts';
import { martExists, readMart } from '../../src/lib/readMart.ts';
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
    expect(names).toEqual(
      expect.arrayContaining([
        'cohorts',
        'contracts_monthly',
        'customer_status_monthly',
        'customers',
        'geography',
        'kpis_monthly',
        'kpis_periods',
        'labels',
        'model_fit',
        'pareto',
        'portfolio_flows',
        'renewals',
        'rfm_segments',
        'sales_cube',
        'sellers_monthly',
        'product_abc',
        'category_abc',
        'category_penetration',
        'product_mix',
        'product_totals',
        'product_pareto',
        'product_mix_totals',
        'category_penetration_totals',
        'ticket_cuts',
        'churn_bands',
        'status_counts_monthly',
        'portfolio_status',
        'seller_status',
        'retention_totals',
        'opportunity_totals',
      ]),
    );
    const rows = await marts.rows<{ mart: string }>('select distinct mart from data_dictionary where "column" = \'as_of_date\' order by 1');
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

describe('the row contract the site reads by', () => {
  it('holds in every published mart of a run with orders alone: no NULL where a column may not hold one, every value of its unit', async () => {
    // Orders only (no customers, items, leads, contracts, sellers or targets file): the run where optional
    // inputs leave the most columns NULL. readMart checks each row against the spec's units and nulls marks.
    const previous = process.env.CARTEIRA_MARTS_DIR;
    process.env.CARTEIRA_MARTS_DIR = marts.dir;
    try {
      const problems: string[] = [];
      let read = 0;
      for (const { name } of martSpecs) {
        if (!martExists(name)) continue;
        read += 1;
        await readMart(name).catch((error: Error) => problems.push(error.message));
      }
      expect(problems).toEqual([]);
      expect(read).toBe(martSpecs.length);
    } finally {
      if (previous === undefined) delete process.env.CARTEIRA_MARTS_DIR;
      else process.env.CARTEIRA_MARTS_DIR = previous;
    }
  });
});

describe('labels', () => {
  it('labels every lifecycle status and RFM segment, with distinct words for the two kinds of risk', async () => {
    const rows = await marts.rows("select field, value, label_pt from labels where value = 'at_risk' order by field");
    expect(rows).toEqual([
      { field: 'rfm_segment', value: 'at_risk', label_pt: 'Em risco (RFM)' },
      { field: 'status', value: 'at_risk', label_pt: 'Em risco (ritmo)' },
    ]);
    const counts = await marts.rows(
      "select field, count(*)::integer as n from labels where field in ('status', 'rfm_segment', 'abc_class', 'region', 'state', 'order_status') group by 1 order by 1",
    );
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

describe('column labels', () => {
  it('names every published column in Portuguese: a label, unique in its mart, at most 40 characters, no snake_case', async () => {
    const columns = await marts.rows<{ mart: string; columns: string[] }>(
      `select table_name as mart, list(column_name order by ordinal_position) as columns
       from information_schema.columns group by table_name order by table_name`,
    );
    expect(columns.map((c) => c.mart)).toEqual(expect.arrayContaining(['customers', 'data_dictionary', 'labels', 'load_summary', 'rejects', 'settings']));
    const problems = columnLabelProblems(columns.map((c) => ({ name: c.mart, columns: c.columns })));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('writes each label into the data dictionary beside the column name', async () => {
    expect(await marts.rows(`select mart, "column" from data_dictionary where label_pt is null`)).toEqual([]);
    expect(
      await marts.rows(
        `select "column", label_pt from data_dictionary where mart = 'customers' and "column" in ('customer_id', 'revenue', 'coverage_pct') order by 1`,
      ),
    ).toEqual([
      { column: 'customer_id', label_pt: 'Código do cliente' },
      { column: 'revenue', label_pt: 'Faturamento total (R$)' },
    ]);
    expect(await marts.rows(`select label_pt from data_dictionary where mart = 'kpis_monthly' and "column" = 'coverage_pct'`)).toEqual([
      { label_pt: 'Positivação (%)' },
    ]);
  });

  it('reports a missing label by mart and column, a label shared in a mart, a long one and one that is a code', () => {
    expect(
      columnLabelProblems([
        { name: 'lead_funnel', columns: ['as_of_date', 'stage_zz', 'leads_zz'] },
        { name: 'kpis_monthly', columns: ['active_customers', 'active_portfolio_customers'] },
      ]),
    ).toEqual([
      'lead_funnel: no label for stage_zz, leads_zz (add them to pipelines/contract/columnLabels.ts)',
      'kpis_monthly: active_customers and active_portfolio_customers share the label "Clientes na carteira ativa"',
    ]);
    const labels: Record<string, string> = { revenue: 'Faturamento dos itens de pedidos faturados (R$)', status: 'lifecycle_status', month: 'month' };
    expect(columnLabelProblems([{ name: 'm', columns: ['revenue', 'status', 'month'] }], (_, column) => labels[column])).toEqual([
      'm.revenue: label "Faturamento dos itens de pedidos faturados (R$)" is longer than 40 characters',
      'm.status: label "lifecycle_status" looks like a code, not a name',
      'm.month: label "month" looks like a code, not a name',
    ]);
  });
});

describe('coded columns', () => {
  it("lists in labels.used_in exactly the columns assert_coded_values_have_labels.sql checks (and the dictionary's unit)", async () => {
    const rows = await marts.rows<{ field: string; used_in: string }>('select distinct field, used_in from labels');
    const listed = rows.flatMap((r) => usedInColumns(r.used_in).map((column) => `${r.field}: ${column}`)).sort();
    const sql = readFileSync(new URL('../../pipelines/sql/tests/assert_coded_values_have_labels.sql', import.meta.url), 'utf8');
    const checked = [...sql.matchAll(/select distinct '(\w+)',? (?:as field, )?(\w+)(?: as value)? from (\w+)/g)].map(
      ([, field, column, mart]) => `${field}: ${mart}.${column}`,
    );
    expect(checked.length).toBeGreaterThan(40);
    expect(listed).toEqual([...checked, 'unit: data_dictionary.unit'].sort());
  });

  it('labels every unit of the data dictionary', async () => {
    expect(await marts.rows("select distinct unit from data_dictionary where unit not in (select value from labels where field = 'unit')")).toEqual([]);
  });
});
