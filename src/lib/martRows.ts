import { z } from 'zod';
import { type ColumnDoc, martSpecs, type MartName, NOT_NULL_UNITS, type SpecOf, type Unit } from '../../pipelines/contract/marts.ts';

/**
 * The row type and the runtime check of every published mart, both derived from its contract
 * (MartSpec in pipelines/contract): a column's unit gives its JS type as readMart returns it (DATE as a
 * UTC Date, BIGINT and DECIMAL as number), and its nulls mark (or the unit's default) whether it may be null.
 */

export type { MartName } from '../../pipelines/contract/marts.ts';

/** The JS type of a non-null value of each unit. */
interface UnitValue {
  brl: number;
  pct: number;
  share: number;
  count: number;
  days: number;
  ratio: number;
  number: number;
  date: Date;
  month: Date;
  text: string;
  flag: boolean;
}

type DefaultNotNull = 'count' | 'date' | 'month' | 'flag';

/** Whether a column may be null: its 4th element, else its unit's default. */
type MayBeNull<D extends ColumnDoc> = D[3] extends 'nullable' ? true : D[3] extends 'not null' ? false : D[2] extends DefaultNotNull ? false : true;

/** The value of a column as readMart returns it. */
export type ColumnValue<D extends ColumnDoc> = UnitValue[D[2]] | (MayBeNull<D> extends true ? null : never);

/** One row of a published mart, e.g. `MartRow<'kpis_monthly'>`. */
export type MartRow<N extends MartName> = { -readonly [C in keyof SpecOf<N>['columns']]: SpecOf<N>['columns'][C] extends ColumnDoc ? ColumnValue<SpecOf<N>['columns'][C]> : never };

/** The zod schema of a mart's rows (pick and extend it for queries that project or compute columns). */
export type MartSchema<N extends MartName> = z.ZodObject<{ [C in keyof MartRow<N>]: z.ZodType<MartRow<N>[C]> }>;

const count = z.number().int().nonnegative();

const unitSchemas: Record<Unit, z.ZodType> = {
  brl: z.number(),
  pct: z.number(),
  share: z.number(),
  count,
  days: z.number(),
  ratio: z.number(),
  number: z.number(),
  date: z.date(),
  month: z.date(),
  text: z.string(),
  flag: z.boolean(),
};

/** The check of one column, from its doc. */
export function columnSchema([, , unit, nulls]: ColumnDoc): z.ZodType {
  const mayBeNull = nulls === 'nullable' || (nulls === undefined && !NOT_NULL_UNITS.includes(unit));
  return mayBeNull ? unitSchemas[unit].nullable() : unitSchemas[unit];
}

const schemas = new Map<string, z.ZodObject>();

/** The zod schema of a mart's rows, built once from its spec. */
export function martSchema<N extends MartName>(name: N): MartSchema<N> {
  let schema = schemas.get(name);
  if (!schema) {
    const spec = martSpecs.find((m) => m.name === name);
    if (!spec) throw new Error(`Mart "${name}" has no spec in pipelines/contract.`);
    const columns: Readonly<Record<string, ColumnDoc>> = spec.columns;
    schema = z.object(Object.fromEntries(Object.entries(columns).map(([column, doc]) => [column, columnSchema(doc)])));
    schemas.set(name, schema);
  }
  return schema as unknown as MartSchema<N>;
}

/** Whether a name is a published mart with a spec. */
export const isMartName = (name: string): name is MartName => martSpecs.some((m) => m.name === name);

const shown = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value) ?? String(value));

/**
 * Checks rows read from a mart against a schema; the first row that breaks it throws an error naming
 * the mart, the row, each column at fault and its value.
 */
export function checkRows<T>(mart: string, rows: readonly Record<string, unknown>[], schema: z.ZodType<T>): T[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((issue) => {
      const column = String(issue.path[0] ?? '');
      const value = column in row ? `value ${shown(row[column])}` : 'column missing';
      return `column "${column}" (${value}): ${issue.message}`;
    });
    throw new Error(`Mart "${mart}" breaks its contract (pipelines/contract), row ${index + 1}: ${problems.join('; ')}`);
  });
}

/** A schema's columns made nullable: the side of a left join that may find no row. */
export function orNull<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<{ [K in keyof S]: z.ZodNullable<S[K]> }> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([column, type]) => [column, (type as z.ZodType).nullable()]));
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof S]: z.ZodNullable<S[K]> }>;
}
