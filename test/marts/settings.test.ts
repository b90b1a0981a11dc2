import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

describe('the settings mart', () => {
  let run: MartRun;
  beforeAll(async () => {
    run = await runMarts({ 'orders.csv': ['order_id,customer_id,order_date,amount', 'P1,C1,2026-01-05,100.00'] }, '2026-01-31', {
      lifecycle: { at_risk_multiplier: 2.5 },
      opportunities: { min_value_at_stake: 5000 },
      privacy: { pseudonymize_person_names: false },
      rejects: { per_entity: { leads: 0.2 } },
    });
  });
  afterAll(() => run.close());

  it('states every rule the run used beside its default', async () => {
    const rows = await run.rows(`select setting, value, default_value, is_default from settings
      where setting in ('lifecycle.at_risk_multiplier', 'lifecycle.new_days', 'opportunities.min_value_at_stake', 'privacy.pseudonymize_person_names',
        'rejects.max_share', 'rejects.per_entity.leads')
      order by setting`);
    expect(rows).toEqual([
      { setting: 'lifecycle.at_risk_multiplier', value: '2.5', default_value: '3', is_default: false },
      { setting: 'lifecycle.new_days', value: '90', default_value: '90', is_default: true },
      { setting: 'opportunities.min_value_at_stake', value: '5000', default_value: '1000', is_default: false },
      { setting: 'privacy.pseudonymize_person_names', value: 'false', default_value: 'true', is_default: false },
      { setting: 'rejects.max_share', value: '0.05', default_value: '0.05', is_default: true },
      // an entity's own limit has no default of its own: without it, rejects.max_share applies
      { setting: 'rejects.per_entity.leads', value: '0.2', default_value: null, is_default: false },
    ]);
  });

  it('has one row per rule of every section', async () => {
    const [row] = await run.rows<{ sections: string; rules: string; dated: string }>(`
      select count(distinct split_part(setting, '.', 1)) as sections, count(*) as rules,
        count(*) filter (where as_of_date = DATE '2026-01-31') as dated
      from settings`);
    // lifecycle 8, windows 4, rfm 4, abc 2, products 1, customer_value 5, clusters 5, opportunities 13, balance 2, as_of 1, rejects 1 + 1 entity, privacy 2
    expect(row).toEqual({ sections: '12', rules: '49', dated: '49' });
  });
});
