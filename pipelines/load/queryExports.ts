import { readdir, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { entities } from '../contract/entities.ts';
import type { MappingFile } from '../contract/mapping.ts';
import { sqlIdent, sqlString, type Database } from '../warehouse/database.ts';
import type { ExportFile } from './discoverExports.ts';
import { parseSelect, tableReferences } from './expressionGuard.ts';
import { LoadError } from './loadError.ts';
import { headerRenames, isComputed } from './mappedColumns.ts';
import { mappedSource } from './mappedSource.ts';
import { prepareSourceFile, readWithFallbacks, type RawFile } from './prepareFile.ts';
import { resolveHeaders } from './resolveHeaders.ts';

/** The entities the mapping file defines by a query, as export files named `sql:<entity>`. */
export function queryExports(dir: string, mapping: MappingFile): ExportFile[] {
  const rules = mapping.files.filter((m) => m.sql !== undefined);
  return rules.map((rule, i) => {
    const entity = entities.find((e) => e.name === rule.entity)!;
    const same = rules.filter((r, j) => j < i && r.entity === rule.entity).length;
    // A query has no lines of its own: like a Parquet file, its rows are numbered from 1.
    return { path: dir, name: `sql:${entity.name}${same ? `#${same + 1}` : ''}`, entity, format: 'parquet', mapping: rule };
  });
}

/**
 * The file names the mapping's queries quote (lower case). A file a query reads is not also loaded
 * by its name (clientes.csv read by a customers query would load twice); an explicit "match" still
 * loads it. Quoted strings that are not table names only spare a file that no query needed anyway.
 */
export function filesReadByQueries(mapping: MappingFile): Set<string> {
  const names = new Set<string>();
  for (const rule of mapping.files) {
    for (const m of (rule.sql ?? '').matchAll(/'((?:[^']|'')+)'/g)) names.add(m[1]!.replace(/''/g, "'").toLowerCase());
  }
  return names;
}

/**
 * Runs an entity's query over files of the exports folder, sandboxed: DuckDB's parser reads the query,
 * every table it names must be a file of the folder (no path, no glob, no link leading out, no table
 * function), each such file is read by the loader as any export and the query is rewritten to read
 * those copies only. Its result is then loaded like a Parquet file whose rows are the query's rows.
 */
export async function prepareQuery(db: Database, file: ExportFile, index: number, scratchDir: string): Promise<RawFile> {
  const rule = file.mapping!;
  const where = `${file.name} (consulta do arquivo de mapeamento)`;
  const node = await parseSelect(db, rule.sql!, where);
  const refs = tableReferences(node);
  const outside = [...new Set([...refs.functions.map((f) => String((f.function as { function_name?: string })?.function_name ?? 'função')), ...refs.outside])];
  if (outside.length) {
    throw new LoadError(
      where,
      `a consulta usa ${outside.map((f) => `${f}()`).join(', ')}, que lê fora dos arquivos exportados`,
      "leia os arquivos pelo nome entre aspas simples, ex.: from 'clientes.csv'",
    );
  }
  const folder = await realpath(file.path);
  const names = await readdir(file.path);
  const tables = new Map<string, string>();
  for (const table of refs.tables) {
    const name = String(table.table_name);
    if (!table.schema_name && !table.catalog_name && refs.ctes.has(name.toLowerCase())) continue;
    const found = names.find((n) => n === name) ?? names.find((n) => n.toLowerCase() === name.toLowerCase());
    if (table.schema_name || table.catalog_name || !found || /[\\/*?[\]{}]/.test(name) || name.includes('..')) {
      throw new LoadError(
        where,
        `a consulta lê "${[table.catalog_name, table.schema_name, name].filter(Boolean).join('.')}", que não é um arquivo da pasta de exportações`,
        "use só nomes de arquivos da pasta, entre aspas simples, sem caminho nem curingas, ex.: from 'pedidos.csv'",
      );
    }
    const real = await realpath(join(file.path, found));
    if (!real.startsWith(folder + sep)) {
      throw new LoadError(where, `a consulta lê "${found}", um link para ${real}, fora da pasta de exportações`, 'copie o arquivo para a pasta de exportações');
    }
    if (!tables.has(found)) tables.set(found, `query_${index}_${tables.size}`);
    table.table_name = tables.get(found)!;
    if (!table.alias) table.alias = name;
  }
  let k = 0;
  for (const [name, view] of tables)
    await materialize(
      db,
      1_000_000 + index * 100 + k++,
      { ...file, path: join(file.path, name), name, format: extname(name).toLowerCase() === '.parquet' ? 'parquet' : 'csv', mapping: undefined },
      view,
      scratchDir,
    );
  const rewritten = await db.scalar<string>(
    `select json_deserialize_sql(${sqlString(JSON.stringify({ error: false, statements: [{ node, named_param_map: [] }] }))})`,
  );
  const result = `query_result_${index}`;
  try {
    await db.run(`create or replace temp table ${result} as ${rewritten}`);
  } catch (error) {
    throw new LoadError(
      where,
      `a consulta falhou: ${(error as Error).message.split('\n')[0]}`,
      'corrija a consulta; os arquivos são lidos como texto, com os nomes de coluna do cabeçalho',
    );
  }
  const headers = (await db.rows<{ column_name: string }>(`describe ${result}`)).map((r) => r.column_name);
  const select = headers.map((h, i) => `cast(${sqlIdent(h)} as VARCHAR) as c${i}`).join(', ');
  const base: RawFile = {
    index,
    file,
    dialect: { encoding: 'utf-8', delimiter: '', headers },
    resolution: resolveHeaders(file.entity, headers, {}),
    readPath: file.path,
    decimalComma: rule.decimal === ',',
    notes: [],
    conventions: new Map(),
    advisories: new Map(),
    csvRejectsTable: null,
    reading: null,
    source: () => `(select ${select} from ${result} order by rowid)`,
  };
  if (isComputed(rule, false)) return mappedSource(db, base);
  // the query's own column names are the user's words, not an export's headers: contract names count as given
  const resolution = resolveHeaders(file.entity, headers, headerRenames(rule));
  if (resolution.missingRequired.length) {
    throw new LoadError(
      where,
      `faltam colunas obrigatórias de ${file.entity.name}: ${resolution.missingRequired.join(', ')}. Colunas da consulta: ${headers.join(', ')}`,
      'dê às colunas da consulta os nomes do contrato (ex.: select p.pedido as order_id …) ou associe-as em "columns"',
    );
  }
  return { ...base, resolution };
}

/** Reads one file named by a query into a table with its header names as columns, every value as text. */
async function materialize(db: Database, rawIndex: number, file: ExportFile, table: string, scratchDir: string): Promise<void> {
  const raw = await prepareSourceFile(db, file, rawIndex, scratchDir);
  const seen = new Set<string>();
  const columns = raw.dialect.headers.flatMap((h, i) => {
    if (seen.has(h.toLowerCase())) return [];
    seen.add(h.toLowerCase());
    return [`c${i} as ${sqlIdent(h)}`];
  });
  await readWithFallbacks((mode) => db.run(`create or replace temp table ${table} as select ${columns.join(', ')} from ${raw.source(mode)}`));
  // A query's rows are not the file's lines, so a line the reader had to leave out could not be
  // reported where it is: rather than drop it in silence, the run stops and says so.
  const unread =
    (raw.reading?.scan.dropped.length ?? 0) + (raw.csvRejectsTable ? Number(await db.scalar<string>(`select count(*) from ${raw.csvRejectsTable}`)) : 0);
  if (unread > 0) {
    throw new LoadError(
      file.name,
      `lido pela consulta do arquivo de mapeamento, tem ${unread} linha(s) que não podem ser lidas (aspas abertas, colunas a mais)`,
      'corrija essas linhas; para vê-las uma a uma, carregue o arquivo sem a consulta (uma entrada com "match")',
    );
  }
}
