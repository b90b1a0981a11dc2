import { describe, expect, it } from 'vitest';
import { codeModels } from '../../pipelines/models/codeModels.ts';
import { layerOf, type Model, readModels, referencedRelations } from '../../pipelines/warehouse/runModels.ts';

/** The relations a model reads that its layer may not: intermediate models read staging, intermediate and reference relations only; reference data reads reference data only. */
function layerBreaches(model: Model): string[] {
  const read = model.kind === 'sql' ? referencedRelations(model.sql) : model.dependsOn;
  const allowed: Record<string, (name: string) => boolean> = {
    intermediate: (name) => ['staging', 'intermediate', 'reference'].includes(layerOf(name)),
    reference: (name) => layerOf(name) === 'reference',
  };
  const layer = model.kind === 'sql' ? model.layer : layerOf(model.name);
  const isAllowed = allowed[layer];
  return isAllowed ? read.filter((name) => !isAllowed(name)) : [];
}

describe('model layers', () => {
  it('flags an intermediate model that reads a mart, but not a CTE that shares a mart name', () => {
    const sql = `with customers as (select * from stg_customers), labels as (select * from ref_labels)
      select * from customers join labels on true join sellers using (seller_id) left join int_orders_valued using (customer_id)`;
    expect(layerBreaches({ kind: 'sql', name: 'int_example', sql, layer: 'intermediate', dependsOn: [] })).toEqual(['sellers']);
  });

  it('flags a code model named as intermediate that reads a mart', () => {
    expect(layerBreaches({ kind: 'code', name: 'int_example', dependsOn: ['int_orders_valued', 'customers'], run: async () => {} })).toEqual(['customers']);
  });

  it('has every intermediate model read only staging, intermediate and reference relations, and reference data read only reference data', async () => {
    const models = await readModels(codeModels);
    const breaches = models.map((model) => ({ model: model.name, reads: layerBreaches(model) })).filter((b) => b.reads.length);
    expect(breaches).toEqual([]);
    // the check looked at something: the intermediate and reference models this rule is about exist
    expect(models.filter((m) => m.name.startsWith('int_')).length).toBeGreaterThan(20);
    expect(models.map((m) => m.name)).toEqual(expect.arrayContaining(['ref_labels', 'ref_rfm_segments', 'int_customer_status_monthly']));
  });
});
