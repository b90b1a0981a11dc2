import { z } from 'zod';
import { martSchema } from '../martRows.ts';

/** Aggregations of the Visão geral page (kpis_monthly, with its target sums, is read whole, typed by its contract). */

const count = z.number().int().nonnegative();

/** customers grouped by lifecycle status at the as-of date. */
export const StatusCountRow = martSchema('customers').pick({ status: true }).extend({ customers: count, revenue: z.number() });
export type StatusCountRow = z.infer<typeof StatusCountRow>;
