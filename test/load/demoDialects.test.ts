import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../pipelines/contract/entities.ts';
import { generateDemoData } from '../../pipelines/demo/generateDemo.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir } from '../helpers/fixtures.ts';

describe('the two dialects of the demo data', () => {
  const tmp = tempDir();
  const dbs: Database[] = [];
  const results: LoadResult[] = [];

  beforeAll(async () => {
    await generateDemoData({ outDir: tmp.dir, customers: 150 });
    for (const dialect of ['canonical', 'excel-br']) {
      const db = await Database.open();
      results.push(await loadExports(db, { exportsDir: join(tmp.dir, dialect), scratchDir: tmp.dir }));
      dbs.push(db);
    }
  });
  afterAll(() => {
    for (const db of dbs) db.close();
    tmp.cleanup();
  });

  it('are recognized as the nine entities, in UTF-8 with commas and in single-byte Windows-1252/Latin-1 with semicolons', () => {
    const [canonical, excel] = results;
    expect(canonical!.summary.files.map((f) => [f.entity, f.encoding, f.delimiter])).toEqual(entities.map((e) => [e.name, 'utf-8', ',']));
    expect(excel!.summary.files.map((f) => [f.entity, f.delimiter])).toEqual(entities.map((e) => [e.name, ';']));
    for (const f of excel!.summary.files) expect(['windows-1252', 'latin1'], f.file).toContain(f.encoding);
  });

  it('load without a reject, warning only about the orders of the customers the demo leaves out of its customers file', () => {
    for (const result of results) {
      expect(result.summary.reasons.map((r) => [r.reason_code, r.severity, r.rows])).toEqual([['unknown_customer', 'warning', 7]]);
      for (const f of result.summary.files) expect(f.loaded, f.file).toBe(f.read);
    }
  });

  it('load to identical warehouses, table by table and row by row', async () => {
    expect(results[1]!.asOf).toBe(results[0]!.asOf);
    for (const spec of entities) {
      const query = `select * exclude (source_file_idx) from src_${spec.name} order by all`;
      const [a, b] = await Promise.all(dbs.map((db) => db.rows(query)));
      expect(a!.length, spec.name).toBeGreaterThan(0);
      expect(b, spec.name).toEqual(a);
    }
  });
});
