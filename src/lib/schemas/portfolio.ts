import type { z } from 'zod';
import { martSchema } from '../martRows.ts';

/** Queries of the Carteira page over the customer marts: each column is the mart's own, with its contract check. */

/** customers who slowed down or stopped against their own rhythm (status at_risk or inactive). */
export const SlowingCustomerRow = martSchema('customers').pick({
  customer_id: true,
  name: true,
  seller_id: true,
  state: true,
  segment: true,
  status: true,
  last_order_date: true,
  days_since_last_order: true,
  median_interval_days: true,
  rhythm_days: true,
  revenue: true,
  window_revenue: true,
});
export type SlowingCustomerRow = z.infer<typeof SlowingCustomerRow>;
