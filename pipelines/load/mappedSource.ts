import type { ColumnSource } from '../contract/mapping.ts';
import { columnNames } from '../contract/entities.ts';
import { isOptional } from '../contract/columns.ts';
import { sqlIdent, sqlString, type Database } from '../warehouse/database.ts';
import { checkColumnExpression } from './expressionGuard.ts';
import { LoadError } from './loadError.ts';
import { columnSources, headerRenames, latestBy } from './mappedColumns.ts';
import type { ColumnUse } from './columnUse.ts';
import { readWithFallbacks, type RawFile } from './prepareFile.ts';
import { missingAlternatives } from './alternativeColumns.ts';

/**
 * Wraps a file read by a mapping entry that computes its columns: the file is read once into a
 * table (row i = record i, so line numbers stay right), each canonical column is computed from it as
 * text in the file's convention, and the usual parse and checks then run on that text. An entity
 * derived from a flat report (one line per item) gives every line of an id the attributes of the id's
 * latest line, so the other lines collapse as exact duplicates instead of being rejected.
 */
export async function mappedSource(db: Database, base: RawFile): Promise<RawFile> {
  const rule = base.file.mapping!;
  const spec = base.file.entity;
  const where = (column?: string) => `${base.file.name} (mapeamento de ${spec.name}${column ? `, coluna ${column}` : ''})`;
  const table = `mapped_src_${base.index}`;
  await readWithFallbacks((mode) => db.run(`create or replace temp table ${table} as select * from ${base.source(mode)}`));
  const headers = base.dialect.headers;
  const sources = columnSources(rule);
  // A query's columns named after the contract are the user's explicit choice: take them as they are.
  if (rule.sql !== undefined) {
    for (const h of headers) if (columnNames(spec).includes(h) && !sources.has(h)) sources.set(h, { from: h });
  }
  const derivedBy = isDerived(base) ? latestBy(rule, base.file.siblings ?? []) : undefined;

  const usedInExpressions = new Set<string>();
  for (const [column, source] of [...sources, ...(derivedBy ? [['latest_by', derivedBy] as const] : [])]) {
    if (source.expr) for (const h of await checkColumnExpression(db, source.expr, headers, where(column))) usedInExpressions.add(h);
    if (source.from !== undefined && headerIndex(headers, source.from) < 0) {
      throw new LoadError(where(column), `a coluna "${source.from}" não existe no arquivo`, `use uma destas: ${headers.map((h) => `"${h}"`).join(', ')}`);
    }
    if (source.date_format) await checkDateFormat(db, source.date_format, where(column));
  }
  const numeric = await numericHeaders(db, table, headers, [...usedInExpressions], base.decimalComma);
  const scope = headers
    // Expressions name columns by header: an empty or repeated header (DuckDB folds case) cannot be named.
    .map((h, i) =>
      h.trim() === '' || headers.findIndex((o) => o.toLowerCase() === h.toLowerCase()) !== i
        ? null
        : `${numeric.has(h) ? `parse_number(nullif(trim(c${i}), ''), ${base.decimalComma})` : `c${i}`} as ${sqlIdent(h)}`,
    )
    .filter(Boolean);
  const scopeSql = `(select rowid as __line, ${headers.map((_, i) => `c${i} as __c${i}`).join(', ')}, ${scope.join(', ')} from ${table})`;

  const shape = spec.schema.shape as Record<string, Parameters<typeof isOptional>[0]>;
  const missing = columnNames(spec).filter((c) => !isOptional(shape[c]!) && !sources.has(c));
  const stillMissing = missingAlternatives(spec.name, missing, new Set(sources.keys()));
  if (stillMissing.length) {
    throw new LoadError(
      where(),
      `faltam colunas obrigatórias de ${spec.name}: ${stillMissing.join(', ')}`,
      `defina-as em "columns", ex.: "${stillMissing[0]}": {"from": "Coluna do arquivo"}`,
    );
  }

  const canonical = [...sources.keys()];
  const texts: string[] = [];
  for (const column of canonical) texts.push(await columnText(db, sources.get(column)!, headers, scopeSql, base.decimalComma, where(column)));
  const first = headers.length;
  const computed = canonical.map((_c, k) => `${texts[k]} as c${first + k}`).join(', ');
  let source = `(select ${computed} from ${scopeSql} order by __line)`;
  if (derivedBy && spec.key) {
    const key = texts[canonical.indexOf(spec.key[0]!)];
    const date = `parse_date(${await columnText(db, derivedBy, headers, scopeSql, base.decimalComma, where('latest_by'))})`;
    const outs = canonical.map((_, k) => `c${first + k}`);
    source = `(
      with lines as (select __line, ${computed}, nullif(trim(${key}), '') as __key, ${date} as __date from ${scopeSql}),
      latest as (select * from lines where __key is not null
                 qualify row_number() over (partition by __key order by __date desc nulls last, __line desc) = 1)
      select ${outs.map((c) => `case when latest.__key is null then lines.${c} else latest.${c} end as ${c}`).join(', ')}
      from lines left join latest on latest.__key = lines.__key
      order by lines.__line)`;
  }
  const labels = canonical.map((c) => label(sources.get(c)!, c));
  const uses = sourceColumnUse(headers, sources, usedInExpressions, derivedBy);
  const nulled = new Set(Object.keys(headerRenames(rule)).map((h) => h.toLowerCase()));
  return {
    ...base,
    computed: true,
    dialect: { ...base.dialect, headers: [...headers, ...labels] },
    resolution: {
      positions: new Map(canonical.map((c, k) => [c, first + k])),
      // a header the entry sets to null is ignored on purpose: not worth a word
      ignored: uses.filter((u) => u.column === null && !nulled.has(u.source.toLowerCase())).map((u) => u.source),
      shadowed: [],
      percentages: [],
      missingRequired: [],
    },
    columnUses: uses,
    source: () => source,
  };
}

/**
 * What became of each source column: the columns read from it (`CNPJ → customer_id`), nothing when
 * only an expression or the choice of latest lines uses it, else ignored; then each expression with
 * its column. The file's own headers, not the computed copies the load reads.
 */
function sourceColumnUse(headers: string[], sources: Map<string, ColumnSource>, inExpressions: Set<string>, derivedBy?: ColumnSource): ColumnUse[] {
  const from = [...sources].filter(([, s]) => s.from !== undefined);
  const uses = headers.flatMap((header, i): ColumnUse[] => {
    const read = from.filter(([, s]) => headerIndex(headers, s.from!) === i).map(([column]) => ({ source: header, column }));
    if (read.length) return read;
    const used = inExpressions.has(header) || (derivedBy?.from !== undefined && headerIndex(headers, derivedBy.from) === i);
    return used ? [] : [{ source: header, column: null }];
  });
  const computed = [...sources].filter(([, s]) => s.from === undefined).map(([column, s]) => ({ source: label(s, column), column }));
  return [...uses, ...computed];
}

/** A flat report's entity with an id takes each id's latest line; line-level entities (items) keep every line. */
function isDerived(raw: RawFile): boolean {
  const rule = raw.file.mapping!;
  return Boolean(raw.file.entity.key) && raw.file.entity.name !== 'order_items' && ((raw.file.siblings?.length ?? 0) > 0 || rule.latest_by !== undefined);
}

/** The text of one computed column, in the file's number convention, for the usual parse to read. */
async function columnText(db: Database, source: ColumnSource, headers: string[], scopeSql: string, decimalComma: boolean, where: string): Promise<string> {
  let text: string;
  if (source.from !== undefined) {
    text = `__c${headerIndex(headers, source.from)}`;
  } else if (source.constant !== undefined) {
    const c = source.constant;
    text = typeof c === 'number' ? sqlString(decimalComma ? String(c).replace('.', ',') : String(c)) : sqlString(String(c));
  } else {
    let described: { column_type: string } | undefined;
    try {
      [described] = await db.rows<{ column_type: string }>(`describe select (${source.expr}) as v from ${scopeSql}`);
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0];
      throw new LoadError(
        where,
        `a expressão "${source.expr}" não pode ser calculada (${reason})`,
        'confira os nomes e os tipos: colunas com números em todas as linhas são números, as demais são texto (converta com try_cast)',
      );
    }
    text = asText(`(${source.expr})`, described?.column_type ?? 'VARCHAR', decimalComma);
  }
  if (source.values) {
    const cases = Object.entries(source.values)
      .map(([from, to]) => `when ${sqlString(from.trim().toLowerCase())} then ${sqlString(to)}`)
      .join(' ');
    text = `(case lower(trim(${text})) ${cases} else ${text} end)`;
  }
  if (source.date_format) {
    const fmt = sqlString(source.date_format);
    // A value that does not follow the format keeps its text and says which format was expected, so
    // it is rejected as bad_date instead of being read in another convention (13/1 as 13 January).
    text = `(case when nullif(trim(${text}), '') is null then null
      when try_strptime(trim(${text}), ${fmt}) is null then trim(${text}) || ' (formato ' || ${fmt} || ')'
      else strftime(try_strptime(trim(${text}), ${fmt}), '%Y-%m-%d') end)`;
  }
  return text;
}

/** An expression's value as text the parse macros read the same way: numbers in the file's convention, ISO dates. */
function asText(value: string, type: string, decimalComma: boolean): string {
  if (/^(DECIMAL|DOUBLE|FLOAT|REAL|HUGEINT|BIGINT|INTEGER|SMALLINT|TINYINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/.test(type)) {
    const fixed = `cast(cast(round(${value}, 6) as DECIMAL(38,6)) as VARCHAR)`;
    return decimalComma ? `replace(${fixed}, '.', ',')` : fixed;
  }
  if (type === 'DATE' || type.startsWith('TIMESTAMP')) return `strftime(${value}, '%Y-%m-%d')`;
  return `cast(${value} as VARCHAR)`;
}

/** Source columns used in expressions whose every value is a number: expressions see them as numbers. */
async function numericHeaders(db: Database, table: string, headers: string[], used: string[], decimalComma: boolean): Promise<Set<string>> {
  if (!used.length) return new Set();
  const checks = used.map((h, k) => {
    const c = `nullif(trim(c${headers.indexOf(h)}), '')`;
    return `count(${c}) > 0 and count(*) filter (where ${c} is not null and parse_number(${c}, ${decimalComma}) is null) = 0 as n${k}`;
  });
  const [row] = await db.rows<Record<string, boolean>>(`select ${checks.join(', ')} from ${table}`);
  return new Set(used.filter((_, k) => row?.[`n${k}`]));
}

async function checkDateFormat(db: Database, format: string, where: string): Promise<void> {
  try {
    await db.run(`select try_strptime('2026-01-31', ${sqlString(format)})`);
  } catch (error) {
    throw new LoadError(
      where,
      `o formato de data "${format}" não é válido (${(error as Error).message.split('\n')[0]})`,
      'use os códigos do strptime, ex.: "%m/%d/%Y" ou "%d/%m/%y"',
    );
  }
}

/** A source header by exact name, else ignoring case. */
function headerIndex(headers: string[], name: string): number {
  const exact = headers.indexOf(name);
  return exact >= 0 ? exact : headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
}

/** How a computed column is named in rejects: its source column, else its expression or constant. */
function label(source: ColumnSource, canonical: string): string {
  if (source.from !== undefined) return source.from;
  if (source.expr !== undefined) return source.expr;
  return canonical;
}

/** Drops the copies mapping entries and queries read (a flat report is held once per entity), once the load is summarized. */
export async function dropMappedTables(db: Database): Promise<void> {
  const tables = await db.rows<{ name: string }>(
    `select table_name as name from duckdb_tables() where temporary and regexp_matches(table_name, '^(mapped_src|query)_[0-9_]+$|^query_result_[0-9]+$')`,
  );
  for (const t of tables) await db.run(`drop table if exists ${sqlIdent(t.name)}`);
}
