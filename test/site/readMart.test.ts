import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { martAsOf, reportAsOf } from '../../src/lib/asOf.ts';
import { KpiMonth } from '../../src/lib/martSchemas.ts';
import { listMarts, martColumns, martExists, martsDir, projectRoot, readMart } from '../../src/lib/readMart.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { writeMartsFixture } from '../helpers/martsFixture.ts';

describe('readMart on the fixture marts', () => {
  const temp = tempDir('carteira-marts-');
  const previous = process.env.CARTEIRA_MARTS_DIR;

  beforeAll(async () => {
    await writeMartsFixture(temp.dir);
    process.env.CARTEIRA_MARTS_DIR = temp.dir;
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.CARTEIRA_MARTS_DIR;
    else process.env.CARTEIRA_MARTS_DIR = previous;
    temp.cleanup();
  });

  it('finds the marts folder from CARTEIRA_MARTS_DIR', () => {
    expect(martsDir()).toBe(temp.dir);
    expect(martExists('kpis_monthly')).toBe(true);
    expect(martExists('customers')).toBe(false);
  });

  it('returns DATE as UTC midnight, DECIMAL and INTEGER as numbers', async () => {
    const [first] = await readMart('kpis_monthly', 'select * from mart order by month limit 1');
    expect(first?.month).toEqual(new Date('2025-11-01T00:00:00Z'));
    expect(first?.revenue).toBe(182450.1);
    expect(first?.orders).toBe(310);
  });

  it('turns BIGINT counts into numbers', async () => {
    const rows = await readMart('load_summary', "select \"read\", count(*) over () as n from mart where file = 'pedidos.csv'");
    expect(rows).toEqual([{ read: 4405, n: 1 }]);
  });

  it('validates rows against a zod schema and names the mart and row on failure', async () => {
    const rows = await readMart('kpis_monthly', 'select * from mart order by month', KpiMonth);
    expect(rows).toHaveLength(12);
    await expect(readMart('kpis_monthly', 'select month, -1 as orders, revenue from mart', KpiMonth)).rejects.toThrow(
      /Mart "kpis_monthly", row 1/,
    );
  });

  it('refuses mart names that could leave the folder', async () => {
    await expect(readMart('../secret')).rejects.toThrow(/Invalid mart name/);
  });

  it('says how to fix a missing mart', async () => {
    await expect(readMart('contracts')).rejects.toThrow(/npm run pipeline/);
  });

  it('lists every mart with rows, bytes and the Parquet key-value metadata', async () => {
    const marts = await listMarts();
    expect(marts.map((m) => m.name)).toEqual(['data_dictionary', 'kpis_monthly', 'load_summary', 'rejects']);
    const kpis = marts.find((m) => m.name === 'kpis_monthly')!;
    expect(kpis.rows).toBe(12);
    expect(kpis.bytes).toBeGreaterThan(0);
    expect(kpis.metadata).toMatchObject({ schema_version: '1', as_of_date: '2026-10-31' });
    await expect(martAsOf(kpis)).resolves.toEqual(new Date('2026-10-31T00:00:00Z'));
    await expect(reportAsOf()).resolves.toEqual(new Date('2026-10-31T00:00:00Z'));
  });

  it('describes a mart’s columns with their DuckDB types', async () => {
    await expect(martColumns('kpis_monthly')).resolves.toEqual([
      { name: 'month', type: 'DATE' },
      { name: 'revenue', type: 'DECIMAL(18,2)' },
      { name: 'orders', type: 'INTEGER' },
      { name: 'customers', type: 'INTEGER' },
      { name: 'as_of_date', type: 'DATE' },
    ]);
  });

  it('resolves a relative marts folder against the project root', () => {
    process.env.CARTEIRA_MARTS_DIR = 'data/marts';
    try {
      expect(martsDir()).toBe(join(projectRoot(), 'data', 'marts'));
    } finally {
      process.env.CARTEIRA_MARTS_DIR = temp.dir;
    }
  });
});
