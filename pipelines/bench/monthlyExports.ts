import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database, sqlString } from '../warehouse/database.ts';

/**
 * Writes the canonical exports of `canonicalDir` to `outDir` the way ERPs often hand them over: the
 * orders and their lines one file per month of order date (`orders_2026-10.csv`,
 * `order_items_2026-10.csv`), every other file copied as it is. Values are copied as text, untouched.
 * Returns the months written, oldest first.
 */
export async function splitOrdersByMonth(canonicalDir: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(canonicalDir)) {
    if (name !== 'orders.csv' && name !== 'order_items.csv') await copyFile(join(canonicalDir, name), join(outDir, name));
  }
  const db = await Database.open();
  try {
    const read = (name: string) => `read_csv(${sqlString(join(canonicalDir, name))}, all_varchar = true, header = true)`;
    await db.run(`create table orders as select *, substr(order_date, 1, 7) as month from ${read('orders.csv')}`);
    await db.run(`create table items as
      select i.* exclude (line), o.month from (select *, row_number() over () as line from ${read('order_items.csv')}) i
      join orders o using (order_id) order by line`);
    const months = (await db.rows<{ month: string }>('select distinct month from orders order by month')).map((m) => m.month);
    for (const month of months) {
      for (const [table, stem] of [
        ['orders', 'orders'],
        ['items', 'order_items'],
      ] as const) {
        const target = sqlString(join(outDir, `${stem}_${month}.csv`));
        await db.run(`copy (select * exclude (month) from ${table} where month = ${sqlString(month)}) to ${target} (format csv, header)`);
      }
    }
    return months;
  } finally {
    db.close();
  }
}

/**
 * Changes one order of a monthly orders file the way a corrected re-export would: the first order's
 * date moves one day within its month. Returns the file's name.
 */
export async function changeOneOrder(dir: string, month: string): Promise<string> {
  const name = `orders_${month}.csv`;
  const lines = (await readFile(join(dir, name), 'utf8')).split('\n');
  const dateAt = lines[0]!.split(',').indexOf('order_date');
  const fields = lines[1]!.split(',');
  const [year, mm, day] = fields[dateAt]!.split('-').map(Number) as [number, number, number];
  fields[dateAt] = `${year}-${String(mm).padStart(2, '0')}-${String(day >= 28 ? day - 1 : day + 1).padStart(2, '0')}`;
  lines[1] = fields.join(',');
  await writeFile(join(dir, name), lines.join('\n'));
  return name;
}
