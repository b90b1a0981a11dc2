/** The traits of one customer that name its cluster (columns of int_customer_cluster_features). */
export interface NamingRow {
  segment: string;
  region: string;
  company_size: string | null;
  median_interval_days: number | null;
  avg_ticket: number;
  days_since_last_order: number;
}

/** A trait held by at least this share of a cluster's members, and ... */
export const DOMINANT_SHARE = 0.5;
/** ... over-represented by this factor against all clustered customers, is the cluster's own (Sudeste, half of most bases, names nothing by itself). */
export const OVER_REPRESENTED = 1.2;
/** A cluster whose median customer has not bought for longer than this says so in its name. */
const SILENT_DAYS = 180;

/** What one cluster is called and the traits behind the name. */
export interface ClusterTraits {
  cluster_name: string;
  dominant_segment: string | null;
  dominant_segment_share: number;
  dominant_region: string | null;
  dominant_region_share: number;
  dominant_company_size: string | null;
  dominant_company_size_share: number;
  median_interval_days: number | null;
  rhythm_band: string;
  median_avg_ticket: number;
  ticket_band: string;
  median_days_since_last_order: number;
}

const PORTE_LABELS: Record<string, string> = { mei: 'MEI', me: 'ME', epp: 'EPP', medio: 'médio', grande: 'grande' };

/** The median of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The empirical quantile q (0-1) of sorted values, interpolated between neighbours. */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (position - low);
}

/** The most common value and its share (ties: alphabetical first); NULL values count as members, never as the mode. */
function mode(values: (string | null)[]): { value: string | null; share: number } {
  return shareOf(values, undefined);
}

/** The most common value (or `value` when given) and its share of all values. */
function shareOf(values: (string | null)[], value: string | null | undefined): { value: string | null; share: number } {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (value !== undefined) return { value, share: values.length && value !== null ? (counts.get(value) ?? 0) / values.length : 0 };
  const [top, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null, 0];
  return { value: top, share: values.length ? count / values.length : 0 };
}

/** A one-word segment in the plural (Supermercado → Supermercados, Hotel → Hotéis); a longer one as "Segmento X". */
export function segmentPlural(segment: string): string {
  if (/\s/.test(segment.trim())) return `Segmento ${segment}`;
  if (/[aeiouáéíóúâêôãõ]$/i.test(segment)) return `${segment}s`;
  if (/el$/i.test(segment)) return segment.replace(/el$/i, 'éis');
  if (/al$/i.test(segment)) return segment.replace(/al$/i, 'ais');
  if (/[rz]$/i.test(segment)) return `${segment}es`;
  if (/m$/i.test(segment)) return segment.replace(/m$/i, 'ns');
  return segment;
}

/** Purchase rhythm from the median days between purchase days; most members with a single purchase day → "compra única". */
export function rhythmBand(medianInterval: number | null): string {
  if (medianInterval === null) return 'compra única';
  if (medianInterval <= 10) return 'compra semanal';
  if (medianInterval <= 20) return 'compra quinzenal';
  if (medianInterval <= 45) return 'compra mensal';
  return 'compra esporádica';
}

function recencyBand(days: number): string {
  if (days <= 60) return 'compras recentes';
  if (days <= SILENT_DAYS) return 'sem comprar há 2 a 6 meses';
  return 'sem comprar há mais de 6 meses';
}

/**
 * Names each cluster in Portuguese from its dominant traits: segment (plural) and region when held by at
 * least half of the members and over-represented against the base, the rhythm band of the median interval,
 * and the ticket band of the median ticket against the terciles of every clustered customer's ticket
 * ("Supermercados do Sudeste, compra semanal, ticket alto"; "Compra mensal, ticket baixo" without a
 * dominant profile), plus "sem comprar há mais de 6 meses" when the median customer is that silent.
 * Names that coincide get the first trait that tells them apart (porte, then recency), then the number.
 */
export function nameClusters(members: NamingRow[][], everyone: NamingRow[]): ClusterTraits[] {
  const tickets = everyone.map((r) => r.avg_ticket).sort((a, b) => a - b);
  const lowTicket = quantile(tickets, 1 / 3);
  const highTicket = quantile(tickets, 2 / 3);
  const traits = members.map((rows) => {
    const segment = mode(rows.map((r) => r.segment));
    const region = mode(rows.map((r) => r.region));
    const porte = mode(rows.map((r) => r.company_size));
    const repeatBuyers = rows.filter((r) => r.median_interval_days !== null);
    const interval = repeatBuyers.length * 2 > rows.length ? median(repeatBuyers.map((r) => r.median_interval_days!)) : null;
    const ticket = median(rows.map((r) => r.avg_ticket))!;
    const own = (trait: { value: string | null; share: number }, field: 'segment' | 'region', unknown: string) =>
      trait.value !== null &&
      trait.value !== unknown &&
      trait.share >= DOMINANT_SHARE &&
      trait.share >=
        OVER_REPRESENTED *
          shareOf(
            everyone.map((r) => r[field]),
            trait.value,
          ).share
        ? trait.value
        : null;
    const ownSegment = own(segment, 'segment', 'Sem segmento');
    const ownRegion = own(region, 'region', 'Sem região');
    const head = ownSegment ? `${segmentPlural(ownSegment)}${ownRegion ? ` do ${ownRegion}` : ''}, ` : ownRegion ? `Clientes do ${ownRegion}, ` : '';
    const ticketBand = ticket < lowTicket ? 'ticket baixo' : ticket > highTicket ? 'ticket alto' : 'ticket médio';
    const silent = median(rows.map((r) => r.days_since_last_order))! > SILENT_DAYS ? `, ${recencyBand(SILENT_DAYS + 1)}` : '';
    const rest = `${rhythmBand(interval)}, ${ticketBand}${silent}`;
    return {
      cluster_name: head ? `${head}${rest}` : rest[0]!.toUpperCase() + rest.slice(1),
      dominant_segment: ownSegment,
      dominant_segment_share: segment.share,
      dominant_region: ownRegion,
      dominant_region_share: region.share,
      dominant_company_size: porte.share >= DOMINANT_SHARE ? porte.value : null,
      dominant_company_size_share: porte.share,
      median_interval_days: interval,
      rhythm_band: rhythmBand(interval),
      median_avg_ticket: ticket,
      ticket_band: ticketBand,
      median_days_since_last_order: median(rows.map((r) => r.days_since_last_order))!,
    };
  });
  const distinguishers: ((t: ClusterTraits) => string | null)[] = [
    (t) => (t.dominant_company_size ? `porte ${PORTE_LABELS[t.dominant_company_size] ?? t.dominant_company_size}` : null),
    (t) => (t.median_days_since_last_order > SILENT_DAYS ? null : recencyBand(t.median_days_since_last_order)),
  ];
  for (const trait of distinguishers) {
    for (const group of collisions(traits)) {
      const values = group.map((i) => trait(traits[i]!));
      if (new Set(values).size > 1) for (const [n, i] of group.entries()) if (values[n]) traits[i]!.cluster_name += `, ${values[n]}`;
    }
  }
  for (const group of collisions(traits)) for (const i of group) traits[i]!.cluster_name += ` (grupo ${i + 1})`;
  return traits;
}

/** Indexes of clusters sharing a name, one list per shared name. */
function collisions(traits: ClusterTraits[]): number[][] {
  const byName = new Map<string, number[]>();
  for (const [i, t] of traits.entries()) byName.set(t.cluster_name, [...(byName.get(t.cluster_name) ?? []), i]);
  return [...byName.values()].filter((group) => group.length > 1);
}
