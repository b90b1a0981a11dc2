import { join } from 'node:path';
import { columnLabel } from '../contract/columnLabels.ts';
import { dictionaryMart, SCHEMA_VERSION, type MartSpec } from '../contract/marts.ts';
import { sqlIdent, sqlString, type Database } from '../warehouse/database.ts';

/** What was written for one mart. */
export interface ExportedMart {
  name: string;
  rows: number;
  file: string;
}

/** What every mart's Parquet metadata says about the run. */
export interface RunStamp {
  asOf: string;
  /** Built from Carteira's demo dataset, not from the user's exports. */
  isDemo: boolean;
  /** How the run read codes (history/codeReading.ts), for later runs comparing with its snapshot. */
  codeReading: string;
}

/**
 * Writes each mart table to `<dir>/<name>.parquet`, sorted for byte-stable reruns, with the schema
 * version, grain, as-of date, data source ("demo" or "exports") and code reading in the Parquet key-value metadata,
 * so a mart downloaded on its own still says when it was judged and whether its numbers are fake.
 * A mart whose columns differ from its documented contract is refused, so the dictionary can never
 * fall behind. Every text value is masked by content on its way out (LGPD), whatever column it is in.
 */
export async function exportMarts(db: Database, marts: MartSpec[], dir: string, { asOf, isDemo, codeReading }: RunStamp): Promise<ExportedMart[]> {
  await checkContracts(db, marts);
  await db.run(dictionarySql(marts));
  const exported: ExportedMart[] = [];
  const all = [...marts, dictionaryMart];
  for (const mart of all) {
    const file = join(dir, `${mart.name}.parquet`);
    const metadata = `{schema_version: ${sqlString(SCHEMA_VERSION)}, as_of_date: ${sqlString(asOf)}, grain: ${sqlString(mart.grain_en)}, data_source: '${isDemo ? 'demo' : 'exports'}', code_reading: ${sqlString(codeReading)}}`;
    const { select, masked } = await maskedColumns(db, mart);
    // Masking can make two values alike (two phones in a category name); ordering on the masked columns
    // last keeps the file byte-stable, since rows tied on every one of them are written the same.
    const orderBy = [mart.orderBy, ...masked].join(', ');
    await db.run(`copy (select ${select} from ${mart.name} order by ${orderBy}) to ${sqlString(file)}
      (format parquet, compression zstd, kv_metadata ${metadata})`);
    const rows = Number(await db.scalar<string>(`select count(*) from ${mart.name}`));
    exported.push({ name: mart.name, rows, file });
  }
  return exported;
}

/** The select list of a mart with every text column but the exempt ones passed through mask_personal, and those columns. */
async function maskedColumns(db: Database, mart: MartSpec): Promise<{ select: string; masked: string[] }> {
  const columns = await db.rows<{ column_name: string; column_type: string }>(`describe ${mart.name}`);
  const masked = columns
    .filter(({ column_name: name, column_type: type }) => type === 'VARCHAR' && !mart.unmaskedColumns?.includes(name))
    .map(({ column_name: name }) => sqlIdent(name));
  const select = columns.map(({ column_name: name }) => {
    const column = sqlIdent(name);
    return masked.includes(column) ? `mask_personal(${column}) as ${column}` : column;
  });
  return { select: select.join(', '), masked };
}

async function checkContracts(db: Database, marts: MartSpec[]): Promise<void> {
  const problems: string[] = [];
  for (const mart of marts) {
    const actual = (await db.rows<{ column_name: string }>(`describe ${mart.name}`)).map((r) => r.column_name);
    const documented = Object.keys(mart.columns);
    const undocumented = actual.filter((c) => !documented.includes(c));
    const missing = documented.filter((c) => !actual.includes(c));
    if (undocumented.length) problems.push(`${mart.name}: columns without a dictionary entry: ${undocumented.join(', ')}`);
    if (missing.length) problems.push(`${mart.name}: documented columns the model does not produce: ${missing.join(', ')}`);
  }
  if (problems.length) throw new Error(`Mart contracts do not match pipelines/contract/marts.ts:\n  ${problems.join('\n  ')}`);
}

/** The column's short Portuguese name (pipelines/contract/columnLabels.ts), NULL when it has none yet. */
const labelSql = (mart: string, column: string): string => {
  const label = columnLabel(mart, column);
  return label === undefined ? 'null::varchar' : sqlString(label);
};

function dictionarySql(marts: MartSpec[]): string {
  const rows = marts.flatMap((mart) =>
    Object.entries(mart.columns).map(
      ([column, [pt, en, unit]], position) =>
        `(${sqlString(mart.name)}, ${position + 1}, ${sqlString(column)}, ${labelSql(mart.name, column)}, ${sqlString(pt)}, ${sqlString(en)}, ${sqlString(unit)}, ${sqlString(mart.grain_pt)}, ${sqlString(mart.grain_en)})`,
    ),
  );
  return `
    create or replace temp table data_dictionary as
    select d.mart, d.position, d.column, d.label_pt, c.data_type as type, d.description_pt, d.description_en, d.unit, d.grain_pt, d.grain_en
    from (values ${rows.join(',\n')}) as d(mart, position, "column", label_pt, description_pt, description_en, unit, grain_pt, grain_en)
    left join duckdb_columns() c on c.table_name = d.mart and c.column_name = d.column`;
}
