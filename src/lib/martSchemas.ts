import { z } from 'zod';

/**
 * The columns the site relies on in each mart it reads, as rows arrive from readMart (numbers and
 * UTC Dates). Extra columns pass through, so the pipeline can add columns without breaking pages.
 */

const count = z.number().int().nonnegative();

/** kpis_monthly: one row per month. */
export const KpiMonth = z.looseObject({
  month: z.date(),
  revenue: z.number(),
  orders: count,
});
export type KpiMonth = z.infer<typeof KpiMonth>;

/** data_dictionary: one row per mart column. */
export const DictionaryEntry = z.looseObject({
  mart: z.string(),
  column: z.string(),
  /** The column's short Portuguese name (absent in marts built before it existed). */
  label_pt: z.string().nullable().optional(),
  type: z.string().nullable(),
  description_pt: z.string().nullable(),
  description_en: z.string().nullable(),
  unit: z.string().nullable(),
  grain_pt: z.string().nullable().optional(),
});
export type DictionaryEntry = z.infer<typeof DictionaryEntry>;

/** load_summary: one row per input file. */
export const LoadSummaryRow = z.looseObject({
  file: z.string(),
  entity: z.string().nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  read: count,
  loaded: count,
  empty: count,
  rejected: count,
  collapsed: count,
  after_as_of: count,
  warnings: count,
  /** How ambiguous values were read, one note per line (absent in marts before it was published). */
  notes: z.string().nullable().optional(),
});
export type LoadSummaryRow = z.infer<typeof LoadSummaryRow>;

/** rejects: one row per problem found in an input row. */
export const RejectRow = z.looseObject({
  file: z.string(),
  line: z.number().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason_code: z.string().nullable(),
  reason: z.string().nullable(),
  severity: z.string().nullable(),
});
export type RejectRow = z.infer<typeof RejectRow>;
