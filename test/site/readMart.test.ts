import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { martAsOf, reportAsOf } from '../../src/lib/asOf.ts';
import { martSchema } from '../../src/lib/martRows.ts';
import { listMarts, martColumns, martExists, martsDir, oncePerMarts, projectRoot, queryMart, readMart } from '../../src/lib/readMart.ts';
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
    const [first] = await queryMart('kpis_monthly', 'select * from mart order by month limit 1');
    expect(first?.month).toEqual(new Date('2025-11-01T00:00:00Z'));
    expect(first?.revenue).toBe(182450.1);
    expect(first?.orders).toBe(310);
  });

  it('turns BIGINT counts into numbers', async () => {
    const rows = await queryMart('load_summary', 'select "read", count(*) over () as n from mart where file = \'pedidos.csv\'');
    expect(rows).toEqual([{ read: 4405, n: 1 }]);
  });

  it('reads whole rows of a mart that keeps its contract, typed by it', async () => {
    const rows = await readMart('rejects', { where: "severity = 'reject'", orderBy: 'file, line', limit: 2 });
    // Five problems in the fixture, one a warning: the first two rejects by file and line are clientes.csv line 15 and pedidos.csv line 2.
    expect(rows.map((r) => [r.file, r.line, r.reason_code])).toEqual([
      ['clientes.csv', 15, 'invalid_document'],
      ['pedidos.csv', 2, 'negative_amount'],
    ]);
  });

  it('fails loudly, naming the mart, row and column, when a mart lacks a column of its contract', async () => {
    // The fixture kpis_monthly has 5 columns; the contract has is_partial_month among many others.
    await expect(readMart('kpis_monthly')).rejects.toThrow(/Mart "kpis_monthly" breaks its contract .*row 1: .*column "is_partial_month" \(column missing\)/);
  });

  it('fails loudly, naming the mart, row, column and value, when a value breaks the contract', async () => {
    // orders is a count: a negative one is refused, with the value shown.
    await expect(
      queryMart('kpis_monthly', 'select month, -1 as orders, revenue from mart', martSchema('kpis_monthly').pick({ month: true, orders: true, revenue: true })),
    ).rejects.toThrow(/Mart "kpis_monthly" breaks its contract .*row 1: column "orders" \(value -1\)/);
    // rejects.file may not be NULL; rejects.line may.
    await expect(
      queryMart(
        'rejects',
        'select * replace (case when line = 9 then null else file end as file, null::bigint as line) from mart order by file nulls last, line',
        martSchema('rejects'),
      ),
    ).rejects.toThrow(/Mart "rejects" breaks its contract .*row 5: column "file" \(value null\)/);
  });

  it('refuses mart names that could leave the folder', async () => {
    await expect(queryMart('../secret', 'select 1')).rejects.toThrow(/Invalid mart name/);
  });

  it('says how to fix a missing mart', async () => {
    await expect(readMart('renewals')).rejects.toThrow(/npm run pipeline/);
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

describe('oncePerMarts', () => {
  const temp = tempDir('carteira-once-');
  const previous = process.env.CARTEIRA_MARTS_DIR;

  afterAll(() => {
    if (previous === undefined) delete process.env.CARTEIRA_MARTS_DIR;
    else process.env.CARTEIRA_MARTS_DIR = previous;
    temp.cleanup();
  });

  it('reads once for every page of a build, and again for another folder or a new publication of the same one', async () => {
    const first = join(temp.dir, 'first');
    const second = join(temp.dir, 'second');
    mkdirSync(first);
    mkdirSync(second);
    let reads = 0;
    const read = oncePerMarts(async () => ++reads);

    process.env.CARTEIRA_MARTS_DIR = first;
    expect([await read(), await read(), await read()]).toEqual([1, 1, 1]);

    process.env.CARTEIRA_MARTS_DIR = second;
    expect(await read()).toBe(2);
    process.env.CARTEIRA_MARTS_DIR = first;
    expect(await read()).toBe(3);

    // a publication puts a new folder in the place of the old one
    renameSync(first, join(temp.dir, 'old'));
    renameSync(second, first);
    expect(await read()).toBe(4);
    expect(await read()).toBe(4);
  });
});
