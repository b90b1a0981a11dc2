import * as Plot from '@observablehq/plot';
import { formatNumber, formatShare } from '../../pipelines/contract/locale.ts';
import { INK, statusColor } from './palette.ts';

/** A share with no decimals, or one under 1% ("0,4%"), and "< 0,1%" for a positive share below that. */
const shareText = (value: number): string => (value > 0 && value < 0.0005 ? '< 0,1%' : formatShare(value, { digits: value > 0 && value < 0.01 ? 1 : 0 }));

/** The members of one cluster in one lifecycle status. */
export interface ClusterStatus {
  /** Short bar name: "Grupo 1". */
  group: string;
  status: string;
  /** Portuguese status label. */
  label: string;
  customers: number;
  /** Share of the cluster's members. */
  share: number;
  /** The cluster's share of the 12-month revenue, written after its bar. */
  revenueShare: number;
}

/** Size of the status-mix bars. */
export interface ClusterStatusOptions {
  width?: number;
}

/**
 * One 100% bar per cluster split by lifecycle status (healthy left, gone right), with the cluster's share
 * of the 12-month revenue after the bar: where the money is, and how much of each group still buys.
 */
export function clusterStatusChart(rows: ClusterStatus[], options: ClusterStatusOptions, document: Document): SVGElement | HTMLElement {
  const { width = 720 } = options;
  const groups = [...new Set(rows.map((r) => r.group))];
  const statuses = [...new Set(rows.map((r) => r.status))];
  const marginLeft = 70;
  const marginRight = width < 480 ? 84 : 120;
  const plotWidth = width - marginLeft - marginRight;
  const stack = { x: 'share', y: 'group', z: 'status', order: statuses } as const;
  // a segment's share label must fit inside it (about 7 px per character at 12 px)
  const text = (d: ClusterStatus) => (d.share * plotWidth >= formatShare(d.share, { digits: 0 }).length * 7 + 8 ? formatShare(d.share, { digits: 0 }) : '');
  const revenue = groups.map((group) => ({ group, revenueShare: rows.find((r) => r.group === group)?.revenueShare ?? 0 }));
  return Plot.plot({
    document,
    width,
    height: groups.length * 40 + 36,
    marginLeft,
    marginRight,
    marginTop: 8,
    marginBottom: 28,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { domain: [0, 1], tickFormat: (v: number) => formatShare(v, { digits: 0 }), label: null, ticks: width < 480 ? 3 : 5 },
    y: { domain: groups, label: null, tickSize: 0, padding: 0.2 },
    color: { domain: statuses, range: statuses.map(statusColor) },
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          ...stack,
          fill: 'status',
          stroke: '#ffffff',
          title: (d: ClusterStatus) => `${d.group} · ${d.label}: ${formatNumber(d.customers)} (${formatShare(d.share)})`,
        }),
      ),
      Plot.text(rows, Plot.stackX({ ...stack, text, fill: '#ffffff', fontWeight: 600 })),
      Plot.text(revenue, {
        x: 1,
        y: 'group',
        text: (d: { revenueShare: number }) => `${shareText(d.revenueShare)} do fat.`,
        dx: 8,
        textAnchor: 'start',
        fill: INK,
      }),
    ],
  });
}

/** The chart's text alternative: per cluster, its status mix and share of revenue. */
export function describeClusterStatus(rows: ClusterStatus[]): string {
  const groups = [...new Set(rows.map((r) => r.group))];
  if (!groups.length) return 'Nenhum cliente agrupado.';
  return (
    groups
      .map((group) => {
        const members = rows.filter((r) => r.group === group && r.customers > 0);
        return `${group} (${shareText(members[0]?.revenueShare ?? 0)} do faturamento de 12 meses): ${members.map((m) => `${m.label} ${shareText(m.share)}`).join(', ')}`;
      })
      .join('; ') + '.'
  );
}
