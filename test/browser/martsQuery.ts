import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Runs SQL over a marts folder, each Parquet file as a view named after it, and returns rows as JSON
 * values (BIGINT and DECIMAL as strings, dates as "YYYY-MM-DD"). Independent of the site's own reader,
 * so the browser tests compare the pages with the marts rather than with the code that drew them.
 */
export async function queryMarts(martsDir: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    for (const file of readdirSync(martsDir).filter((f) => f.endsWith('.parquet'))) {
      await connection.run(`create view "${file.slice(0, -8)}" as select * from read_parquet('${join(martsDir, file).replace(/'/g, "''")}')`);
    }
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** "2026-11-20" → "20/11/2026", written out here rather than taken from the locale module under test. */
export const brazilianDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const MONTHS = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];
/** "2026-10-01" → "out/2026". */
export const brazilianMonth = (iso: string): string => `${MONTHS[Number(iso.slice(5, 7)) - 1]}/${iso.slice(0, 4)}`;

/** Money, shares and counts as pt-BR shows them, formatted with Intl here rather than by the report's locale module. */
export const brazilianBrl = (value: unknown): string => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(Number(value));
export const brazilianShare = (value: unknown): string =>
  new Intl.NumberFormat('pt-BR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(value));
export const brazilianCount = (value: unknown): string => new Intl.NumberFormat('pt-BR').format(Number(value));

/**
 * The names a customer list shows, worked out here apart from the site's helper: the name alone, or
 * "name (code · city/UF)" when another customer of the same list has the same name (one customer on
 * several rows is not a repeat). Each row: customer_id, name, city and state from the marts.
 */
export function listedCustomerNames(rows: Array<Record<string, unknown>>): string[] {
  const key = (row: Record<string, unknown>) => String(row.name).toLowerCase();
  const ids = new Map<string, Set<string>>();
  for (const row of rows) ids.set(key(row), (ids.get(key(row)) ?? new Set()).add(String(row.customer_id)));
  return rows.map((row) => {
    if (ids.get(key(row))!.size < 2) return String(row.name);
    const place = [row.city, row.state].filter((part) => typeof part === 'string' && part).join('/');
    return `${String(row.name)} (${[String(row.customer_id), place].filter(Boolean).join(' · ')})`;
  });
}
