import { LoadError } from './loadError.ts';
import { sqlString, type Database } from '../warehouse/database.ts';

/** A node of DuckDB's parsed-SQL JSON (json_serialize_sql), walked generically. */
type Node = { [key: string]: unknown };

/** Expression classes a column expression may use: values, operators, functions, CASE and casts. */
const PLAIN_CLASSES = new Set(['COLUMN_REF', 'CONSTANT', 'FUNCTION', 'OPERATOR', 'COMPARISON', 'CONJUNCTION', 'CASE', 'CAST', 'BETWEEN']);

/** Scalar functions that reach outside the row (environment, files, settings) are refused everywhere. */
const OUTSIDE_FUNCTIONS = /^(getenv|current_setting|read_.*|glob|sniff_csv|parquet_.*|query.*|nextval|currval|setseed)$/i;

/** Parses one SELECT with DuckDB's own parser; a mistake becomes a LoadError naming where it was written. */
export async function parseSelect(db: Database, sql: string, where: string): Promise<Node> {
  const json = await db.scalar<string>(`select json_serialize_sql(${sqlString(sql)})`);
  const parsed = JSON.parse(String(json)) as Node;
  if (parsed.error) {
    throw new LoadError(where, `não é uma consulta SELECT válida (${String(parsed.error_message ?? parsed.error_type)})`, 'corrija o SQL; só SELECT é aceito');
  }
  const statements = parsed.statements as Node[];
  if (statements.length !== 1) throw new LoadError(where, 'deve ter exatamente uma consulta SELECT', 'remova os comandos a mais');
  return statements[0]!.node as Node;
}

/**
 * The source columns a column expression reads, after checking it is a plain expression over them:
 * no subquery, window, aggregate, table function, star or column of another table.
 */
export async function checkColumnExpression(db: Database, expr: string, headers: string[], where: string): Promise<string[]> {
  const node = await parseSelect(db, `select (${expr}) as v`, where);
  const list = node.select_list as Node[];
  const from = node.from_table as Node;
  if (list.length !== 1 || from.type !== 'EMPTY' || node.where_clause || (node.group_expressions as unknown[]).length || (node.modifiers as unknown[]).length) {
    throw refused(where, 'mais que uma expressão');
  }
  const aggregates = new Set(
    (
      await db.rows<{ name: string }>(
        `select distinct function_name as name from duckdb_functions() where function_type in ('aggregate', 'table', 'table_macro', 'pragma')`,
      )
    ).map((r) => r.name.toLowerCase()),
  );
  // The first of two headers DuckDB cannot tell apart (case) is the one expressions see.
  const folded = new Map<string, string>();
  for (const h of headers) if (!folded.has(h.toLowerCase())) folded.set(h.toLowerCase(), h);
  const used = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const n = value as Node;
    if (typeof n.class === 'string') {
      if (!PLAIN_CLASSES.has(n.class))
        throw refused(where, n.class === 'SUBQUERY' ? 'subconsulta' : n.class === 'WINDOW' ? 'função de janela' : `elemento ${n.class}`);
      if (n.class === 'COLUMN_REF') {
        const names = n.column_names as string[];
        const header = names.length === 1 ? folded.get(names[0]!.toLowerCase()) : undefined;
        if (!header)
          throw new LoadError(
            where,
            `a expressão usa a coluna ${names.map((x) => `"${x}"`).join('.')}, que não existe no arquivo`,
            `use uma destas colunas, entre aspas duplas: ${headers.map((h) => `"${h}"`).join(', ')}`,
          );
        used.add(header);
      }
      if (n.class === 'FUNCTION') {
        const name = String(n.function_name).toLowerCase();
        if (
          OUTSIDE_FUNCTIONS.test(name) ||
          aggregates.has(name) ||
          n.filter ||
          ((n.order_bys as Node)?.orders && ((n.order_bys as Node).orders as unknown[]).length)
        ) {
          throw refused(where, `a função ${name}`);
        }
      }
    }
    for (const child of Object.values(n)) walk(child);
  };
  walk(list[0]);
  return [...used];
}

/** Every BASE_TABLE and TABLE_FUNCTION of a parsed query, and the names its CTEs define, for sandboxing. */
export function tableReferences(node: unknown): { tables: Node[]; functions: Node[]; ctes: Set<string>; outside: string[] } {
  const tables: Node[] = [];
  const functions: Node[] = [];
  const ctes = new Set<string>();
  const outside: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const n = value as Node;
    if (n.type === 'BASE_TABLE') tables.push(n);
    if (n.type === 'TABLE_FUNCTION') functions.push(n);
    if (n.class === 'FUNCTION' && OUTSIDE_FUNCTIONS.test(String(n.function_name))) outside.push(String(n.function_name));
    const map = (n.cte_map as Node | undefined)?.map as Node[] | undefined;
    for (const entry of map ?? []) ctes.add(String(entry.key).toLowerCase());
    for (const child of Object.values(n)) walk(child);
  };
  walk(node);
  return { tables, functions, ctes, outside };
}

function refused(where: string, what: string): LoadError {
  return new LoadError(
    where,
    `a expressão não é uma expressão simples sobre as colunas do arquivo (${what})`,
    'use só colunas do arquivo entre aspas duplas, números, textos, operadores e funções de valor, ex.: "Sales" / "Quantity"',
  );
}
