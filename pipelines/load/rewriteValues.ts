import type { EntitySpec } from '../contract/entities.ts';
import type { Database } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * One way of writing a value that the load reads as another (a code written for Excel, a CPF with its
 * punctuation): which values, what they become and what each file's notes say about them.
 */
export interface ValueRewrite {
  /** The columns whose values may be written that way. */
  columns: TypedColumnSql[];
  /** SQL: a cheap test a value must pass to need the rewrite (a range, a character), for the first scan. */
  mayNeed: (column: TypedColumnSql) => string;
  /** SQL: the value needs the rewrite. */
  needs: (column: TypedColumnSql) => string;
  /** SQL: the value rewritten. */
  rewritten: (column: TypedColumnSql) => string;
  /** The note for a file that had `count` such values under `header`. */
  note: (header: string, count: number, column: TypedColumnSql) => string;
}

/**
 * Rewrites the values of the files just read (restored ones were rewritten when first read, and the
 * load cache keeps their notes) and adds a note per file and column that had any. A file without
 * such values costs one scan of the columns with the cheap test.
 */
export async function rewriteValues(db: Database, spec: EntitySpec, files: RawFile[], rewrite: ValueRewrite): Promise<void> {
  const read = files.filter((f) => !f.restored);
  if (!read.length || !rewrite.columns.length) return;
  const table = `src_${spec.name}`;
  const fileFilter = `file_idx in (${read.map((f) => f.index).join(', ')})`;
  const [any] = await db.rows<Record<string, boolean | null>>(
    `select ${rewrite.columns.map((c) => `bool_or(${rewrite.mayNeed(c)}) as ${c.name}`).join(', ')} from ${table} where ${fileFilter}`,
  );
  const suspects = rewrite.columns.filter((c) => any?.[c.name]);
  if (!suspects.length) return;
  const counts = await db.rows<Record<string, string> & { file_idx: number }>(
    `select file_idx, ${suspects.map((c) => `count(*) filter (where ${rewrite.needs(c)}) as ${c.name}`).join(', ')}
     from ${table} where ${fileFilter} group by file_idx`,
  );
  for (const column of suspects) {
    await db.run(`update ${table} set ${column.name} = ${rewrite.rewritten(column)} where ${fileFilter} and ${rewrite.needs(column)}`);
  }
  for (const row of counts) {
    const file = read.find((f) => f.index === Number(row.file_idx))!;
    for (const column of suspects) {
      const count = Number(row[column.name]);
      if (!count) continue;
      const header = file.dialect.headers[file.resolution.positions.get(column.name) ?? -1] ?? column.name;
      file.notes.push(rewrite.note(header, count, column));
    }
  }
}
