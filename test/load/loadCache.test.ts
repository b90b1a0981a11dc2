import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOAD_CACHE_FOLDER } from '../../pipelines/load/loadCache.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';
import { TEST_PSEUDONYM_KEY } from '../marts/runMarts.ts';

/**
 * Two monthly files of orders and of order lines. September holds what makes a load interesting: a
 * row rejected for a missing customer, an order of an unknown customer (a warning), and PED0004, which
 * October repeats with other content (October's copy is rejected, naming September's line 5).
 */
const FILES: Record<string, string[]> = {
  'sellers.csv': ['seller_id,name,team,state,hired_at,active', 'V001,Maria Almeida,Key Accounts,SP,2021-03-10,true'],
  'customers.csv': [
    'customer_id,name,document,segment,city,state,seller_id,created_at,email,phone',
    'C001,Mercado Bom Preço Ltda,42.514.690/0001-47,Supermercado,Santos,SP,V001,2024-01-05,,',
    'C002,Padaria Estrela Ltda,11.222.333/0001-81,Padaria,Campinas,SP,V001,2024-02-10,,',
  ],
  'products.csv': ['product_id,name,category', 'P001,Leite Integral UHT 1L cx 12,Laticínios', 'P002,Café Torrado 500g,Mercearia'],
  'orders_2026-09.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'PED0001,C001,2026-09-02,V001,invoiced,Vendedor externo,100.00',
    'PED0002,,2026-09-03,V001,invoiced,Vendedor externo,50.00',
    'PED0003,C999,2026-09-10,V001,invoiced,Vendedor externo,80.00',
    'PED0004,C002,2026-09-15,V001,invoiced,Vendedor externo,60.00',
  ],
  'orders_2026-10.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'PED0004,C002,2026-10-01,V001,invoiced,Vendedor externo,65.00',
    'PED0005,C002,2026-10-05,V001,invoiced,Vendedor externo,40.00',
    'PED0006,C001,2026-10-20,V001,invoiced,Vendedor externo,120.00',
  ],
  'order_items_2026-09.csv': [
    'order_id,product_id,quantity,unit_price,discount,unit_cost',
    'PED0001,P001,2,50.00,0.00,30.00',
    'PED0003,P002,4,20.00,0.00,12.00',
    'PED0004,P001,1,60.00,0.00,35.00',
  ],
  'order_items_2026-10.csv': [
    'order_id,product_id,quantity,unit_price,discount,unit_cost',
    'PED0005,P002,2,20.00,0.00,12.00',
    'PED0006,P001,2,60.00,0.00,35.00',
  ],
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** An exports folder with the fixture files (some replaced), and a run of the pipeline on it. */
function workspace() {
  const root = tempDir('carteira-load-cache-');
  cleanups.push(root.cleanup);
  const exportsDir = join(root.dir, 'exports');
  const keyFile = join(root.dir, 'pseudonym.key');
  writeFileSync(keyFile, TEST_PSEUDONYM_KEY);
  const write = (files: Record<string, string[]>) => {
    for (const [name, lines] of Object.entries(files)) writeExport(exportsDir, name, lines);
  };
  let runs = 0;
  /** Runs the pipeline, with the warehouse (and its load cache) in `warehouse/` or in memory; returns the marts folder and the log. */
  const run = async (withWarehouse: boolean) => {
    const outDir = join(root.dir, `marts-${++runs}`);
    const log: string[] = [];
    await runPipeline({
      exportsDir,
      outDir,
      asOf: '2026-10-31',
      warehousePath: withWarehouse ? join(root.dir, 'warehouse', 'carteira.duckdb') : null,
      pseudonymKeyFile: keyFile,
      acceptRejects: true,
      log: (line) => log.push(line),
    });
    return { outDir, log };
  };
  return { root: root.dir, write, run, cacheDir: join(root.dir, 'warehouse', LOAD_CACHE_FOLDER) };
}

/** The progress line of an entity's files, e.g. "orders 2 arquivo(s) 12 ms (1 sem mudança, do cache)". */
const entityLine = (log: string[], entity: string) => log.find((l) => l.trim().startsWith(`${entity} `))?.replace(/\s+/g, ' ') ?? '';

/** The marts folders' Parquet files that differ in bytes (the same files must exist in both). */
function differingMarts(a: string, b: string): string[] {
  const names = readdirSync(a).filter((f) => f.endsWith('.parquet'));
  expect(readdirSync(b).filter((f) => f.endsWith('.parquet'))).toEqual(names);
  return names.filter((name) => !readFileSync(join(a, name)).equals(readFileSync(join(b, name))));
}

describe('the load cache', () => {
  it('re-reads only the monthly file that changed, and publishes marts byte-identical to a full read', async () => {
    const w = workspace();
    w.write(FILES);
    const first = await w.run(true);
    expect(entityLine(first.log, 'orders')).not.toContain('do cache');

    // October's PED0006 was placed on the 25th, not the 20th
    w.write({ 'orders_2026-10.csv': FILES['orders_2026-10.csv']!.map((l) => l.replace('PED0006,C001,2026-10-20', 'PED0006,C001,2026-10-25')) });
    const incremental = await w.run(true);
    expect(entityLine(incremental.log, 'orders')).toMatch(/orders 2 arquivo\(s\) \d+ ms \(1 sem mudança, do cache\)/);
    expect(entityLine(incremental.log, 'order_items')).toMatch(/order_items 2 arquivo\(s\) \d+ ms \(2 sem mudança, do cache\)/);
    expect(entityLine(incremental.log, 'customers')).toContain('(1 sem mudança, do cache)');

    const full = await w.run(false);
    expect(differingMarts(full.outDir, incremental.outDir)).toEqual([]);
    // and the change did reach the marts: C001's last purchase moved, so the first run's customers differ
    expect(differingMarts(full.outDir, first.outDir)).toContain('customers.parquet');
  });

  it('reports the rejects of unchanged files with their lines, as a full read does', async () => {
    const w = workspace();
    w.write(FILES);
    await w.run(true);
    w.write({ 'order_items_2026-10.csv': [...FILES['order_items_2026-10.csv']!, 'PED0006,P002,1,20.00,0.00,12.00'] });
    const incremental = await w.run(true);
    expect(entityLine(incremental.log, 'orders')).toContain('(2 sem mudança, do cache)');
    const full = await w.run(false);
    expect(differingMarts(full.outDir, incremental.outDir)).toEqual([]);
    // the rejects the unchanged September file gave: line 3 (no customer) and October's PED0004 naming line 5
    const { Database } = await import('../../pipelines/warehouse/database.ts');
    const db = await Database.open();
    try {
      const rejects = await db.rows<{ file: string; line: string; reason_code: string; reason: string }>(
        `select file, line, reason_code, reason from read_parquet('${join(incremental.outDir, 'rejects.parquet')}') where severity = 'reject' order by file, line`,
      );
      expect(rejects.map((r) => [r.file, Number(r.line), r.reason_code])).toEqual([
        ['orders_2026-09.csv', 3, 'missing_required'],
        ['orders_2026-10.csv', 2, 'duplicate_id'],
      ]);
      expect(rejects[1]!.reason).toContain('primeira ocorrência: orders_2026-09.csv linha 5');
    } finally {
      db.close();
    }
  });

  it('reads every file of an entity again when the changed one can no longer take the fast native read', async () => {
    const w = workspace();
    w.write(FILES);
    await w.run(true);
    // a month 13 date: the CSV reader cannot parse it, so the dates of every orders file are read as text
    // (and that row is rejected), which the cached September rows were not
    w.write({ 'orders_2026-10.csv': [...FILES['orders_2026-10.csv']!, 'PED0007,C001,2026-13-01,V001,invoiced,Vendedor externo,10.00'] });
    const incremental = await w.run(true);
    expect(entityLine(incremental.log, 'orders')).toMatch(/orders 2 arquivo\(s\) \d+ ms$/);
    expect(entityLine(incremental.log, 'order_items')).toContain('(2 sem mudança, do cache)');
    const full = await w.run(false);
    expect(differingMarts(full.outDir, incremental.outDir)).toEqual([]);
  });

  it('survives a damaged entry and the leftovers of a killed run, and keeps only the entries in use', async () => {
    const w = workspace();
    w.write(FILES);
    await w.run(true);
    const entries = readdirSync(w.cacheDir).filter((f) => f.endsWith('.parquet'));
    // one entry per export: 7 files
    expect(entries).toHaveLength(7);
    for (const name of entries) writeFileSync(join(w.cacheDir, name), 'not parquet');
    // a killed run's half-written entry (no such process), and one a run still alive is writing
    writeFileSync(join(w.cacheDir, `${entries[0]}.999999999.partial`), 'half');
    writeFileSync(join(w.cacheDir, `${entries[1]}.${process.ppid}.partial`), 'being written');
    writeFileSync(join(w.cacheDir, 'notes-of-the-user.txt'), 'mine');
    const again = await w.run(true);
    const full = await w.run(false);
    expect(differingMarts(full.outDir, again.outDir)).toEqual([]);
    const after = readdirSync(w.cacheDir);
    expect(after.filter((f) => f.endsWith('.partial'))).toEqual([`${entries[1]}.${process.ppid}.partial`]);
    expect(after).toContain('notes-of-the-user.txt');

    // a file removed from the exports leaves the cache with the next load
    const { rmSync } = await import('node:fs');
    rmSync(join(w.root, 'exports', 'orders_2026-10.csv'));
    rmSync(join(w.root, 'exports', 'order_items_2026-10.csv'));
    await w.run(true);
    expect(readdirSync(w.cacheDir).filter((f) => f.endsWith('.parquet'))).toHaveLength(5);
  });
});
