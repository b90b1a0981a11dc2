import type { PipelineConfig } from '../contract/config.ts';
import { sqlString, type Database } from '../warehouse/database.ts';
import { clusterPoints, type ClusterFeatureRow } from './clusterFeatures.ts';
import { chooseAndFit, type KScore } from './fitClusters.ts';
import { nameClusters, type ClusterTraits, type NamingRow } from './nameClusters.ts';

type FeatureRow = ClusterFeatureRow & NamingRow & { window_revenue: number; revenue: number };

const FEW_CUSTOMERS = 'poucos clientes distintos para agrupar: um só grupo';

const number = (value: number | null) => (value === null || !Number.isFinite(value) ? 'cast(null as double)' : `cast(${Number(value.toFixed(6))} as double)`);
const text = (value: string | null) => (value === null ? 'cast(null as varchar)' : sqlString(value));

/**
 * Carteirização as a pipeline node: k-means over int_customer_cluster_features (customers in code order,
 * behaviour as z-scores, profile weighted by clusters.profile_weight), k chosen by the silhouette unless
 * fixed. Writes int_customer_clusters_assigned (one row per clustered customer), and with it
 * int_customer_clusters_named (one row per cluster: name, traits, the chosen k and how it was chosen) and
 * int_cluster_k_scores (one row per k tried). Clusters are numbered by 12-month revenue, largest first.
 */
export const customerClusterModel = {
  name: 'int_customer_clusters_assigned',
  alsoCreates: ['int_customer_clusters_named', 'int_cluster_k_scores'],
  dependsOn: ['int_customer_cluster_features'],
  run: async (db: Database, config: PipelineConfig['clusters']) => {
    const rows = await db.rows<FeatureRow>('select * from int_customer_cluster_features order by customer_id');
    const points = clusterPoints(rows, config.profile_weight);
    const { scores, fit } =
      rows.length >= 3
        ? chooseAndFit(points, { fixedK: config.k, minK: config.min_k, maxK: config.max_k, sampleSize: config.silhouette_sample })
        : { scores: [] as KScore[], fit: null };
    const raw = fit ? fit.clusters : rows.map(() => 0);
    const k = fit ? fit.k : rows.length ? 1 : 0;

    // number clusters by 12-month revenue, then lifetime revenue, then size, then first customer code
    const totals = Array.from({ length: k }, (_, c) => ({ c, window: 0, revenue: 0, size: 0, first: Infinity }));
    raw.forEach((c, i) => {
      const t = totals[c]!;
      t.window += rows[i]!.window_revenue;
      t.revenue += rows[i]!.revenue;
      t.size += 1;
      t.first = Math.min(t.first, i);
    });
    totals.sort((a, b) => b.window - a.window || b.revenue - a.revenue || b.size - a.size || a.first - b.first);
    const renumber = new Map(totals.map((t, rank) => [t.c, rank]));
    const clusters = raw.map((c) => renumber.get(c)!);
    const distances = fit ? points.map((p, i) => Math.sqrt(p.reduce((sum, v, j) => sum + (v - fit.centroids[raw[i]!]![j]!) ** 2, 0))) : rows.map(() => null);

    const members = Array.from({ length: k }, () => [] as FeatureRow[]);
    for (const [i, row] of rows.entries()) members[clusters[i]!]!.push(row);
    const traits = nameClusters(members, rows);
    const chosen = scores.find((s) => s.k === k);
    const criterion = !fit ? 'poucos_clientes' : config.k > 0 ? 'fixo' : 'silhueta';

    await writeAssignments(db, rows, clusters, distances);
    await writeNamed(db, traits, k, criterion, chosen?.silhouette ?? null, fit ? null : FEW_CUSTOMERS);
    await db.run(`create or replace table int_cluster_k_scores as
      select k, silhouette, inertia, k = ${k} as is_chosen
      from (values ${scores.length ? scores.map((s) => `(${s.k}, ${number(s.silhouette)}, ${number(s.inertia)})`).join(', ') : '(0, 0.0, 0.0)'}) as t(k, silhouette, inertia)
      ${scores.length ? '' : 'where false'}`);
    return { k, scores };
  },
};

async function writeAssignments(db: Database, rows: FeatureRow[], clusters: number[], distances: (number | null)[]) {
  await db.run('create or replace table int_customer_clusters_assigned (customer_id varchar, cluster_id integer, distance_to_centre double)');
  const appender = await db.connection.createAppender('int_customer_clusters_assigned');
  rows.forEach((row, i) => {
    appender.appendVarchar(row.customer_id);
    appender.appendInteger(clusters[i]! + 1);
    const d = distances[i];
    if (d === null || d === undefined) appender.appendNull();
    else appender.appendDouble(Number(d.toFixed(6)));
    appender.endRow();
  });
  appender.closeSync();
}

async function writeNamed(db: Database, traits: ClusterTraits[], k: number, criterion: string, silhouette: number | null, note: string | null) {
  const values = traits.map(
    (t, i) => `(${i + 1}, ${text(t.cluster_name)}, ${text(t.dominant_segment)}, ${number(t.dominant_segment_share)},
      ${text(t.dominant_region)}, ${number(t.dominant_region_share)}, ${text(t.dominant_company_size)}, ${number(t.dominant_company_size_share)},
      ${number(t.median_interval_days)}, ${text(t.rhythm_band)}, ${number(t.median_avg_ticket)}, ${text(t.ticket_band)}, ${number(t.median_days_since_last_order)})`,
  );
  await db.run(`create or replace table int_customer_clusters_named as
    select *, ${k} as chosen_k, ${text(criterion)} as k_criterion, ${number(silhouette)} as silhouette, ${text(note)} as note
    from (values ${values.length ? values.join(',\n') : `(0, '', null, 0.0, null, 0.0, null, 0.0, 0.0, '', 0.0, '', 0.0)`}) as t(
      cluster_id, cluster_name, dominant_segment, dominant_segment_share, dominant_region, dominant_region_share,
      dominant_company_size, dominant_company_size_share, median_interval_days, rhythm_band, median_avg_ticket, ticket_band,
      median_days_since_last_order)
    ${values.length ? '' : 'where false'}`);
}
