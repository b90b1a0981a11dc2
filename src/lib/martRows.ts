import { z } from 'zod';
import { type ColumnDoc, martSpecs, type MartName, NOT_NULL_UNITS, type NotNullUnit, type SpecOf, type Unit } from '../../pipelines/contract/marts.ts';

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

type Columns<N extends MartName> = SpecOf<N>['columns'];

/** One row of a published mart, e.g. `MartRow<'kpis_monthly'>` ({ month: Date; revenue: number; gross_margin: number | null; ... }). */
export type MartRow<N extends MartName> = {
  -readonly [C in keyof Columns<N>]: Columns<N>[C] extends infer D extends ColumnDoc
    ? // the unit's type, with null when the 4th element (else the unit's default) allows NULL; spelled out
      // here rather than through an alias so that editors and errors show `number | null`, not the doc tuple
      UnitValue[D[2]] | (D[3] extends 'nullable' ? null : D[3] extends 'not null' ? never : D[2] extends NotNullUnit ? never : null)
    : never;
};

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
  const mayBeNull = nulls === 'nullable' || (nulls === undefined && !(NOT_NULL_UNITS as readonly Unit[]).includes(unit));
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

const shown = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : (JSON.stringify(value) ?? String(value)));

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
