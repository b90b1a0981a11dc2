import { z } from 'zod';

/** labels: one row per value key of each coded field (status, rfm_segment, abc_class, region...). */
export const LabelRow = z.looseObject({
  field: z.string(),
  value: z.string(),
  label_pt: z.string(),
  sort_order: z.number().nullable(),
  used_in: z.string().nullable().optional(),
});
export type LabelRow = z.infer<typeof LabelRow>;
