/** One customer as int_customer_cluster_features gives it (the columns the clustering reads). */
export interface ClusterFeatureRow {
  customer_id: string;
  recency_log: number;
  frequency_log: number;
  ticket_log: number;
  categories_log: number;
  region: string;
  segment: string;
  company_size: string | null;
}

/** The behaviour features, standardised to z-scores: recency, purchase frequency, ticket, categories bought. */
export const BEHAVIOUR_FEATURES = ['recency_log', 'frequency_log', 'ticket_log', 'categories_log'] as const;

/** Porte in order, for an ordinal coordinate (labels.sql, field company_size). */
const COMPANY_SIZES = ['mei', 'me', 'epp', 'medio', 'grande'];

/**
 * The points k-means clusters: each behaviour feature as a z-score (population standard deviation; a
 * constant feature, such as categories without order lines, is left out), then the profile scaled by
 * `profileWeight`: region and segment one-hot with each coordinate at weight/√2, so two customers of
 * different regions are exactly `profileWeight` apart, and porte (when any customer has one) on an
 * ordinal 0..weight scale, the unknown at the median porte.
 */
export function clusterPoints(rows: ClusterFeatureRow[], profileWeight: number): number[][] {
  const columns: number[][] = [];
  for (const feature of BEHAVIOUR_FEATURES) {
    const values = rows.map((r) => Number(r[feature]));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    if (sd > 1e-9) columns.push(values.map((v) => (v - mean) / sd));
  }
  if (profileWeight > 0) {
    for (const key of ['region', 'segment'] as const) {
      const levels = [...new Set(rows.map((r) => r[key]))].sort();
      if (levels.length < 2) continue;
      for (const level of levels) columns.push(rows.map((r) => (r[key] === level ? profileWeight / Math.SQRT2 : 0)));
    }
    const ranks = rows.map((r) => (r.company_size === null ? null : COMPANY_SIZES.indexOf(r.company_size)));
    const known = ranks.filter((r): r is number => r !== null && r >= 0).sort((a, b) => a - b);
    if (known.length > 0 && new Set(known).size > 1) {
      const median = known[Math.floor((known.length - 1) / 2)]!;
      columns.push(ranks.map((r) => ((r === null || r < 0 ? median : r) / (COMPANY_SIZES.length - 1)) * profileWeight));
    }
  }
  return rows.map((_, i) => columns.map((column) => column[i]!));
}
