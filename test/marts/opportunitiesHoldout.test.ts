import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../pipelines/demo/generateDemo.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir } from '../helpers/fixtures.ts';

// A generated demo base of 600 customers: category preferences depend on segment, size and region there,
// and the suggestions made three months before the as-of date are checked against what was bought since.
// With 600 customers a segment × tier × region cell rarely holds 20 buyers, so the groups may be as small
// as 10 (the default 20 suits the full demo and real bases).
describe('recommendation holdout on a generated demo dataset', () => {
  const folder = tempDir('carteira-holdout-');
  let db: Database;

  beforeAll(async () => {
    await generateDemoData({ outDir: folder.dir, customers: 600, seed: 1 });
    const configPath = join(folder.dir, 'config.json');
    writeFileSync(configPath, JSON.stringify({ opportunities: { min_peers: 10 } }));
    const outDir = join(folder.dir, 'marts');
    await runPipeline({ exportsDir: join(folder.dir, 'canonical'), outDir, configPath, warehousePath: null });
    db = await Database.open();
    for (const mart of ['recommendation_holdout', 'action_list', 'customers', 'opportunities']) {
      await db.run(`create view ${mart} as select * from read_parquet('${join(outDir, `${mart}.parquet`)}')`);
    }
  }, 60_000);
  afterAll(() => {
    db?.close();
    folder.cleanup();
  });

  it('suggests cross-sell categories that were bought more often than the most popular ones', async () => {
    const rows = await db.rows<{ method: string; customers: number; suggestions: number; hits: number; hit_rate: number }>(
      'select method, customers, suggestions, hits, hit_rate, holdout_months from recommendation_holdout order by method',
    );
    const [peers, popularity] = rows;
    expect(rows.map((r) => r.method)).toEqual(['peer_group', 'popularity']);
    // the same customers and as many suggestions each, so the hit rates compare like for like
    expect(peers!.customers).toBeGreaterThan(100);
    expect(peers!.customers).toBe(popularity!.customers);
    expect(peers!.suggestions).toBe(popularity!.suggestions);
    expect(peers!.hit_rate).toBeGreaterThan(popularity!.hit_rate);
  });

  it('states the method against the baseline: the points between the hit rates and their ratio', async () => {
    const rows = await db.rows<{ method: string; hit_rate: number; points_above_popularity: number; hit_rate_ratio_to_popularity: number }>(
      'select method, hit_rate, points_above_popularity, hit_rate_ratio_to_popularity from recommendation_holdout order by method',
    );
    const [peers, popularity] = rows;
    expect(peers!.points_above_popularity).toBeCloseTo((peers!.hit_rate - popularity!.hit_rate) * 100, 12);
    expect(peers!.hit_rate_ratio_to_popularity).toBeCloseTo(peers!.hit_rate / popularity!.hit_rate, 12);
    // the baseline against itself
    expect([popularity!.points_above_popularity, popularity!.hit_rate_ratio_to_popularity]).toEqual([0, 1]);
  });

  it('retains on P(alive) once the churn model is fitted: every retain has medium or high churn risk', async () => {
    const fitted = await db.rows<{ n: number }>('select count(p_alive)::integer as n from customers');
    expect(fitted[0]!.n).toBeGreaterThan(0);
    const broken = await db.rows(
      `select action_list.customer_id, customers.churn_risk, action_list.reason_pt
       from action_list
       inner join customers on customers.customer_id = action_list.customer_id
       where action_list.action = 'retain'
           and (customers.churn_risk not in ('medium', 'high') or not starts_with(action_list.reason_pt, 'Chance de seguir comprando'))`,
    );
    expect(broken).toEqual([]);
    const retained = await db.rows<{ n: number }>(`select count(*)::integer as n from action_list where action = 'retain'`);
    expect(retained[0]!.n).toBeGreaterThan(0);
  });

  it('offers each customer its best suggestion', async () => {
    const broken = await db.rows(
      `select action_list.customer_id
       from action_list
       left join opportunities on opportunities.customer_id = action_list.customer_id and opportunities.rank = 1
       where action_list.action = 'offer'
           and action_list.value_at_stake is distinct from 12 * opportunities.gain`,
    );
    expect(broken).toEqual([]);
  });
});
