import { z } from 'zod';

/**
 * data_dictionary: one row per mart column. The only published mart without a MartSpec of its own
 * (the exporter writes it from the specs of the others), so its rows keep a hand-written schema.
 */
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
