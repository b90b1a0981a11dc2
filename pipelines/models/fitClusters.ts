import { kmeans } from 'ml-kmeans';

/** Restarts of k-means++ per k, seeded 1..RESTARTS; the one with the least within-cluster sum of squares wins. */
const RESTARTS = 5;
/** Lloyd iterations per fit: real bases settle in a few dozen; structureless ones would crawl on for hundreds without changing the story. */
const MAX_ITERATIONS = 100;

/** One k-means fit: the cluster index of each point, the centroids and the within-cluster sum of squares. */
export interface ClusterFit {
  k: number;
  clusters: number[];
  centroids: number[][];
  inertia: number;
}

/** How well one k did on the sample. */
export interface KScore {
  k: number;
  silhouette: number;
  inertia: number;
}

/** A plain loop: the silhouette calls this n² times per k. */
function squaredDistance(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return sum;
}

function inertiaOf(points: number[][], clusters: number[], centroids: number[][]): number {
  return points.reduce((sum, p, i) => sum + squaredDistance(p, centroids[clusters[i]!]!), 0);
}

/**
 * k-means (ml-kmeans, Lloyd's algorithm) with k-means++ starts from fixed seeds, or from given centroids:
 * the same points in the same order always give the same fit. Clusters left empty are dropped and the
 * rest renumbered in order of first appearance.
 */
export function fitKMeans(points: number[][], k: number, start?: number[][]): ClusterFit {
  let best: ClusterFit | null = null;
  const starts: (number[][] | number)[] = start ? [start] : Array.from({ length: RESTARTS }, (_, i) => i + 1);
  for (const s of starts) {
    const result =
      typeof s === 'number'
        ? kmeans(points, k, { initialization: 'kmeans++', seed: s, maxIterations: MAX_ITERATIONS })
        : kmeans(points, k, { initialization: s, maxIterations: MAX_ITERATIONS });
    const inertia = inertiaOf(points, result.clusters, result.centroids);
    if (best === null || inertia < best.inertia - 1e-9) best = { k, clusters: result.clusters, centroids: result.centroids, inertia };
  }
  return compact(best!);
}

function compact(fit: ClusterFit): ClusterFit {
  const order = new Map<number, number>();
  for (const c of fit.clusters) if (!order.has(c)) order.set(c, order.size);
  const centroids = [...order.keys()].map((c) => fit.centroids[c]!);
  return { k: order.size, clusters: fit.clusters.map((c) => order.get(c)!), centroids, inertia: fit.inertia };
}

/**
 * Mean silhouette of each of several fits of the same points (one per k): per point, a = mean distance to the
 * other members of its cluster, b = the least mean distance to another cluster's members, s = (b − a) ÷ max(a, b),
 * 0 for a point alone in its cluster. Each distance is computed once for all the fits, and every fit adds them
 * up in the same order as it would alone, so the result is the same to the last bit.
 */
export function silhouettes(points: number[][], fits: ReadonlyArray<{ clusters: number[]; k: number }>): number[] {
  const n = points.length;
  const totals = fits.map(() => 0);
  const sums = fits.map((fit) => new Float64Array(fit.k));
  const sizes = fits.map((fit) => {
    const size = new Float64Array(fit.k);
    for (const c of fit.clusters) size[c]! += 1;
    return size;
  });
  for (let i = 0; i < n; i++) {
    for (const sum of sums) sum.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const distance = Math.sqrt(squaredDistance(points[i]!, points[j]!));
      for (let f = 0; f < fits.length; f++) sums[f]![fits[f]!.clusters[j]!]! += distance;
    }
    for (let f = 0; f < fits.length; f++) {
      const { clusters, k } = fits[f]!;
      const sum = sums[f]!;
      const size = sizes[f]!;
      const own = clusters[i]!;
      if (size[own]! <= 1) continue;
      const a = sum[own]! / (size[own]! - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sum[c]! / size[c]!);
      totals[f]! += Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
    }
  }
  return totals.map((total) => total / n);
}

/** Every n-th point (n = ⌈points ÷ size⌉) from the first: a deterministic sample of at most `size` points. */
export function everyNth<T>(items: T[], size: number): T[] {
  const step = Math.ceil(items.length / size);
  return step <= 1 ? items : items.filter((_, i) => i % step === 0);
}

/**
 * Chooses k: with `fixedK` > 0 that k; otherwise each k from `minK` to `maxK` (and below the number of distinct
 * points) is fitted on the sample and the best mean silhouette wins (the smaller k on a tie). Then every
 * point is clustered with k-means started from the sample's centroids.
 */
export function chooseAndFit(points: number[][], options: { fixedK: number; minK: number; maxK: number; sampleSize: number }) {
  const sample = everyNth(points, options.sampleSize);
  const distinct = new Set(sample.map((p) => p.join(','))).size;
  // a small base cannot reach min_k: it still gets the k (from 2) that it can hold
  const largest = Math.min(options.maxK, distinct - 1);
  const smallest = Math.max(2, Math.min(options.minK, largest));
  const candidates = options.fixedK > 0 ? [options.fixedK] : Array.from({ length: Math.max(0, largest - smallest + 1) }, (_, i) => i + smallest);
  const tried = candidates.filter((k) => k <= distinct).map((k) => ({ k, fit: fitKMeans(sample, k) }));
  // a fit whose clusters collapsed into one has no silhouette: 0
  const measured = silhouettes(
    sample,
    tried.filter((t) => t.fit.k > 1).map((t) => t.fit),
  );
  const scores: KScore[] = [];
  let chosen: { score: KScore; fit: ClusterFit } | null = null;
  for (const { k, fit } of tried) {
    const score = { k, silhouette: fit.k > 1 ? measured.shift()! : 0, inertia: fit.inertia };
    scores.push(score);
    if (chosen === null || score.silhouette > chosen.score.silhouette + 1e-12) chosen = { score, fit };
  }
  if (chosen === null) return { scores, fit: null };
  const fit = sample.length === points.length ? chosen.fit : fitKMeans(points, chosen.fit.k, chosen.fit.centroids);
  return { scores, chosenK: chosen.score.k, fit };
}
