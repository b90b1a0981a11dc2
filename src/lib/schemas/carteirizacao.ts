import { z } from 'zod';

/** Rows of the marts the Carteirização page reads (numbers and UTC Dates); loose so columns can be added. */

const count = z.number().int().nonnegative();

/** customer_clusters: one row per cluster (money cast to DOUBLE by the query). */
export const ClusterRow = z.looseObject({
  cluster_id: z.number().int().positive(),
  cluster_name: z.string(),
  customers: count,
  customer_share: z.number(),
  revenue_12m: z.number(),
  revenue_12m_share: z.number().nullable(),
  revenue_12m_per_customer: z.number().nullable(),
  status_new: count,
  status_active: count,
  status_at_risk: count,
  status_reactivated: count,
  status_inactive: count,
  status_lost: count,
  median_interval_days: z.number().nullable(),
  median_avg_ticket: z.number().nullable(),
  median_days_since_last_order: z.number().nullable(),
  median_categories: z.number().nullable(),
  chosen_k: count,
  k_criterion: z.string(),
  silhouette: z.number().nullable(),
  note: z.string().nullable(),
  as_of_date: z.date(),
});
export type ClusterRow = z.infer<typeof ClusterRow>;

/** customer_cluster_k_scores: one row per k tried. */
export const KScoreRow = z.looseObject({
  k: count,
  silhouette: z.number(),
  inertia: z.number(),
  is_chosen: z.boolean(),
});
export type KScoreRow = z.infer<typeof KScoreRow>;

/** customer_cluster_members: the top members of each cluster by 12-month revenue. */
export const ClusterMemberRow = z.looseObject({
  cluster_id: z.number().int().positive(),
  revenue_rank_in_cluster: count,
  name: z.string(),
  status: z.string(),
  segment: z.string().nullable(),
  state: z.string().nullable(),
  revenue_12m: z.number(),
  avg_ticket: z.number().nullable(),
  median_interval_days: z.number().nullable(),
  days_since_last_order: z.number().nullable(),
});
export type ClusterMemberRow = z.infer<typeof ClusterMemberRow>;
