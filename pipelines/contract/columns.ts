import { z } from 'zod';

/**
 * How a canonical column is read from text. The loader derives its DuckDB parsing and validation
 * SQL from the kind, so adding a column to a schema is all it takes to load it.
 */
export type ColumnKind =
  | 'id'
  | 'text'
  | 'date'
  | 'month'
  | 'money'
  | 'quantity'
  | 'integer'
  | 'percent'
  | 'uf'
  | 'document'
  | 'email'
  | 'phone'
  | 'enum'
  | 'boolean'
  | 'company_size';

/** What the loader needs to know about a column beyond its zod type. */
export interface ColumnMeta {
  kind: ColumnKind;
  /** For enums: accepted spellings (any case, accents ignored) → canonical key. */
  values?: Record<string, string>;
  /** Decimal places kept for money (2 when absent): unit prices keep the source's precision. */
  scale?: number;
  /** Smallest accepted value for numbers; below it the row is rejected (e.g. negative quantity). */
  min?: number;
  /**
   * For an optional column whose value, if it could not be read and were left out, would silently change
   * a figure (a discount read as none overstates revenue): such a row is rejected instead.
   */
  rejectsUnreadable?: boolean;
  /** Personal data (LGPD): masked in rejects and never published as is. */
  personal?: boolean;
  /** One line in Portuguese for the data dictionary. */
  description_pt: string;
}

/** Registry from each column schema to its loader metadata. */
export const columnRegistry = z.registry<ColumnMeta>();

function tag<T extends z.ZodType>(schema: T, meta: ColumnMeta): T {
  columnRegistry.add(schema, meta);
  return schema;
}

/** An identifier kept as text (codes like "C00123" or "00123" must not lose zeros). */
export const idColumn = (description_pt: string) => tag(z.string().min(1), { kind: 'id', description_pt });
/** Free text, trimmed; empty is missing. */
export const textColumn = (description_pt: string) => tag(z.string(), { kind: 'text', description_pt });
/** A calendar date (dd/mm/aaaa, aaaa-mm-dd, with or without time). */
export const dateColumn = (description_pt: string) => tag(z.date(), { kind: 'date', description_pt });
/** A month, stored as its first day (aaaa-mm, mm/aaaa or a date). */
export const monthColumn = (description_pt: string) => tag(z.date(), { kind: 'month', description_pt });
/** Money in BRL (1.234,56, R$ 1.234,56 or 1234.56), DECIMAL(18,2). */
export const moneyColumn = (description_pt: string, min?: number) => tag(z.number(), { kind: 'money', description_pt, ...(min === undefined ? {} : { min }) });
/**
 * A unit price or cost in BRL, DECIMAL(18,6): rounding it to cents before multiplying by the quantity
 * (0,0125 × 10.000 = 125, not 100) would change revenue; the line total is rounded to cents, as an invoice does.
 */
export const unitPriceColumn = (description_pt: string, min?: number, options: Pick<ColumnMeta, 'rejectsUnreadable'> = {}) =>
  tag(z.number(), { kind: 'money', scale: 6, description_pt, ...(min === undefined ? {} : { min }), ...options });
/** A quantity that may have decimals (kg, litres), DECIMAL(18,6). */
export const quantityColumn = (description_pt: string, min?: number) =>
  tag(z.number(), { kind: 'quantity', description_pt, ...(min === undefined ? {} : { min }) });
/** A whole number. */
export const integerColumn = (description_pt: string, min?: number) =>
  tag(z.number().int(), { kind: 'integer', description_pt, ...(min === undefined ? {} : { min }) });
/** A percentage 0-100 (accepts "65", "65,5" and "65%"). */
export const percentColumn = (description_pt: string) => tag(z.number().min(0), { kind: 'percent', description_pt, min: 0 });
/** A Brazilian state (UF): two letters or the state's name. */
export const ufColumn = (description_pt: string) => tag(z.string().length(2), { kind: 'uf', description_pt });
/** CPF or CNPJ, normalized to digits (and letters for new CNPJs), check digits validated. */
export const documentColumn = (description_pt: string) => tag(z.string(), { kind: 'document', description_pt, personal: true });
/** Contact columns: personal data, never published. */
export const emailColumn = (description_pt: string) => tag(z.string(), { kind: 'email', description_pt, personal: true });
export const phoneColumn = (description_pt: string) => tag(z.string(), { kind: 'phone', description_pt, personal: true });
/** Yes/no in English or Portuguese (sim/não, s/n, ativo/inativo, true/false, 1/0). */
export const booleanColumn = (description_pt: string) => tag(z.boolean(), { kind: 'boolean', description_pt });

/**
 * A company's size (porte), read to one of the keys mei, me, epp, medio, grande: the Brazilian labels (MEI,
 * ME/microempresa, EPP/pequeno porte, médio/média, grande; any case, accents ignored) or a number of
 * employees, banded as SEBRAE does for commerce and services (up to 9 → me, 10-49 → epp, 50-99 → medio,
 * 100 or more → grande). A number never reads as MEI: that is a legal form, not a headcount. Unlike an enum,
 * an unknown value is nulled with a warning (unknown_value), because a missing size only changes how the
 * customer's peers are chosen, never what its orders count as.
 */
export const companySizeColumn = (description_pt: string) => tag(z.string(), { kind: 'company_size', description_pt });

/** A closed set of keys; `values` lists every accepted spelling, Portuguese included. */
export function enumColumn<const K extends string>(keys: readonly [K, ...K[]], values: Record<string, K>, description_pt: string) {
  const spellings: Record<string, string> = {};
  for (const key of keys) spellings[key] = key;
  Object.assign(spellings, values);
  return tag(z.enum(keys), { kind: 'enum', values: spellings, description_pt });
}

/** The metadata of a (possibly optional) column schema. */
export function columnMeta(schema: z.ZodType): ColumnMeta {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const meta = columnRegistry.get(inner);
  if (!meta) throw new Error('Column schema without loader metadata: build it with one of the *Column helpers.');
  return meta;
}

/** True when the column may be absent or empty. */
export function isOptional(schema: z.ZodType): boolean {
  return schema instanceof z.ZodOptional;
}
