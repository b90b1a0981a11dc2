import { z } from 'zod';
import { martSchema } from '../martRows.ts';

/** renewals joined to customers for the name: one row per contract ending soon or ended recently. */
export const RenewalRow = martSchema('renewals').extend({ customer_name: z.string().nullable() });
export type RenewalRow = z.infer<typeof RenewalRow>;
