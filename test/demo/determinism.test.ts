import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../pipelines/demo/generateDemo.ts';

const root = mkdtempSync(join(tmpdir(), 'carteira-demo-determinism-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const filesOf = (dir: string) =>
  ['canonical', 'excel-br'].flatMap((dialect) =>
    readdirSync(join(dir, dialect))
      .sort()
      .map((name) => join(dialect, name)),
  );

describe('demo generator determinism', () => {
  it('writes byte-identical files for the same flags', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    const first = await generateDemoData({ outDir: a, customers: 150, seed: 42 });
    const second = await generateDemoData({ outDir: b, customers: 150, seed: 42 });
    expect(first.files.map((f) => f.rows)).toEqual(second.files.map((f) => f.rows));
    // nine exports and the demo marker in each dialect
    expect(filesOf(a)).toHaveLength(20);
    expect(filesOf(b)).toEqual(filesOf(a));
    for (const file of filesOf(a)) {
      expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), file).toBe(true);
    }
  });

  it('writes different data for another seed', async () => {
    const c = join(root, 'c');
    await generateDemoData({ outDir: c, customers: 150, seed: 43 });
    const orders = (dir: string) => readFileSync(join(dir, 'canonical', 'orders.csv'));
    expect(orders(c).equals(orders(join(root, 'a')))).toBe(false);
  });

  it('scales to the requested number of order lines', async () => {
    const d = join(root, 'd');
    const { files } = await generateDemoData({ outDir: d, orderLines: 40_000, seed: 1 });
    const items = files.find((f) => f.path.endsWith(join('canonical', 'order_items.csv')))!;
    expect(items.rows).toBeGreaterThan(36_000);
    expect(items.rows).toBeLessThan(44_000);
  });
});
