import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** The as-of date of the fixture marts. */
export const FIXTURE_AS_OF = '2026-10-31';

/** Twelve months of revenue and orders, small enough to check by hand (nov/2025 … out/2026). */
export const fixtureKpis: Array<{ month: string; revenue: number; orders: number; customers: number }> = [
  { month: '2025-11-01', revenue: 182_450.1, orders: 310, customers: 120 },
  { month: '2025-12-01', revenue: 240_300.0, orders: 402, customers: 151 },
  { month: '2026-01-01', revenue: 150_020.55, orders: 250, customers: 98 },
  { month: '2026-02-01', revenue: 161_900.0, orders: 268, customers: 104 },
  { month: '2026-03-01', revenue: 198_760.4, orders: 331, customers: 127 },
  { month: '2026-04-01', revenue: 205_110.0, orders: 340, customers: 130 },
  { month: '2026-05-01', revenue: 221_480.9, orders: 366, customers: 139 },
  { month: '2026-06-01', revenue: 210_000.0, orders: 350, customers: 133 },
  { month: '2026-07-01', revenue: 232_615.25, orders: 381, customers: 142 },
  { month: '2026-08-01', revenue: 245_900.0, orders: 399, customers: 148 },
  { month: '2026-09-01', revenue: 238_010.7, orders: 388, customers: 146 },
  { month: '2026-10-01', revenue: 1_251_340.0, orders: 420, customers: 160 },
];

const sql = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const kpisSql = `
  select month::date as month, revenue::decimal(18,2) as revenue, orders::integer as orders,
         customers::integer as customers, date '${FIXTURE_AS_OF}' as as_of_date
  from (values ${fixtureKpis.map((k) => `(${sql(k.month)}, ${k.revenue}, ${k.orders}, ${k.customers})`).join(', ')})
    as t(month, revenue, orders, customers)`;

const loadSummarySql = `
  select file, entity, encoding, delimiter, "read"::bigint as "read", loaded::bigint as loaded, empty::bigint as empty,
         rejected::bigint as rejected, collapsed::bigint as collapsed, after_as_of::bigint as after_as_of,
         warnings::bigint as warnings, ignored_columns, date '${FIXTURE_AS_OF}' as as_of_date
  from (values
    ('clientes.csv', 'customers', 'windows-1252', ';', 1200, 1196, 2, 3, 1, 0, 4, 'Observação'),
    ('pedidos.csv', 'orders', 'utf-8', ';', 4405, 4400, 0, 5, 0, 12, 0, null)
  ) as t(file, entity, encoding, delimiter, "read", loaded, empty, rejected, collapsed, after_as_of, warnings, ignored_columns)`;

// Values that look like formulas, accents and delimiters: the CSV download must neutralize and quote them.
const rejectsSql = `
  select file, line::bigint as line, "column", value, reason_code, reason, severity, entity, canonical_column,
         date '${FIXTURE_AS_OF}' as as_of_date
  from (values
    ('clientes.csv', 14, 'UF', 'São Paulo', 'invalid_uf', 'UF deve ter 2 letras (ex.: SP)', 'warning', 'customers', 'state'),
    ('clientes.csv', 15, 'CNPJ', '=HYPERLINK("http://x")', 'invalid_document', 'CNPJ com dígito verificador inválido', 'reject', 'customers', 'document'),
    ('pedidos.csv', 2, 'Valor', '-1.234,56', 'negative_amount', 'Valor negativo; use a situação "devolvido"', 'reject', 'orders', 'amount'),
    ('pedidos.csv', 3, 'Data', '31/02/2026', 'invalid_date', 'Data inexistente; use dd/mm/aaaa', 'reject', 'orders', 'order_date'),
    ('pedidos.csv', 9, 'Cliente', '@cliente; "teste"', 'unknown_customer', 'Cliente não está em clientes.csv', 'reject', 'orders', 'customer_id')
  ) as t(file, line, "column", value, reason_code, reason, severity, entity, canonical_column)`;

const dictionary: Array<[string, string, string, string, string, string]> = [
  ['kpis_monthly', 'month', 'DATE', 'Mês', 'Month', 'month'],
  ['kpis_monthly', 'revenue', 'DECIMAL(18,2)', 'Faturamento do mês', 'Revenue in the month', 'brl'],
  ['kpis_monthly', 'orders', 'INTEGER', 'Pedidos faturados', 'Invoiced orders', 'count'],
  ['kpis_monthly', 'customers', 'INTEGER', 'Clientes que compraram', 'Buying customers', 'count'],
  ['kpis_monthly', 'as_of_date', 'DATE', 'Data de referência da análise', 'Date the portfolio is judged at', 'date'],
  ['load_summary', 'file', 'VARCHAR', 'Arquivo de exportação', 'Export file name', 'text'],
  ['load_summary', 'rejected', 'BIGINT', 'Linhas rejeitadas', 'Records rejected', 'count'],
  ['rejects', 'file', 'VARCHAR', 'Arquivo de exportação', 'Export file name', 'text'],
  ['rejects', 'line', 'BIGINT', 'Linha física no arquivo (cabeçalho = 1)', 'Physical line in the file (header = 1)', 'number'],
];

const grains: Record<string, [string, string]> = {
  kpis_monthly: ['uma linha por mês', 'one row per month'],
  load_summary: ['uma linha por arquivo de entrada', 'one row per input file'],
  rejects: ['uma linha por problema encontrado numa linha de entrada', 'one row per problem found in an input row'],
};

const dictionarySql = `
  select mart, position::integer as position, "column", type, description_pt, description_en, unit, grain_pt, grain_en
  from (values ${dictionary.map((d, i) => `(${[d[0], String(i + 1), ...d.slice(1), ...(grains[d[0]] ?? ['', ''])].map(sql).join(', ')})`).join(', ')})
    as t(mart, position, "column", type, description_pt, description_en, unit, grain_pt, grain_en)`;

/** Which fixture marts to write; all by default. */
export interface MartsFixtureOptions {
  marts?: Array<'kpis_monthly' | 'load_summary' | 'rejects' | 'data_dictionary'>;
}

/**
 * Writes tiny marts shaped like the pipeline's (same columns and Parquet metadata) into `dir`, so the
 * site can be built and tested without running the pipeline.
 */
export async function writeMartsFixture(dir: string, options: MartsFixtureOptions = {}): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const all = { kpis_monthly: kpisSql, load_summary: loadSummarySql, rejects: rejectsSql, data_dictionary: dictionarySql };
  const names = options.marts ?? (Object.keys(all) as Array<keyof typeof all>);
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    for (const name of names) {
      const grain = grains[name]?.[1] ?? 'one row per mart column';
      const metadata = `{schema_version: '1', as_of_date: '${FIXTURE_AS_OF}', grain: ${sql(grain)}}`;
      await connection.run(`copy (${all[name]}) to ${sql(join(dir, `${name}.parquet`))} (format parquet, compression zstd, kv_metadata ${metadata})`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return names.map((name) => join(dir, `${name}.parquet`));
}
