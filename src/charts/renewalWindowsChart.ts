import * as Plot from '@observablehq/plot';
import { formatBRLCompact, formatCount, formatNumber } from '../../pipelines/contract/locale.ts';
import { INK, MUTED } from './palette.ts';

/** Monthly value of the contracts ending in one window, split by renewal state. */
export interface RenewalWindow {
  /** "Até 30 dias", "31 a 60 dias", ... */
  window: string;
  /** "A renovar" or "Já renovado". */
  state: string;
  contracts: number;
  monthly_value: number;
  color: string;
}

/** Size of the windows chart. */
export interface RenewalWindowsOptions {
  width?: number;
  /** Windows from the nearest to the furthest. */
  windows: string[];
  /** States in stacking order (at stake first). */
  states: string[];
}

/** Monthly value ending in each window (30/60/90 days) as stacked horizontal bars, labelled with value and count. */
export function renewalWindowsChart(rows: RenewalWindow[], options: RenewalWindowsOptions, document: Document): SVGElement | HTMLElement {
  const { width = 720, windows, states } = options;
  const totals = windows.map((w) => {
    const inWindow = rows.filter((r) => r.window === w);
    return {
      window: w,
      value: inWindow.reduce((s, r) => s + r.monthly_value, 0),
      label:
        inWindow
          .filter((r) => r.contracts > 0)
          .map((r) => `${formatBRLCompact(r.monthly_value)} ${r.state.toLowerCase()} (${formatNumber(r.contracts)})`)
          .join(' + ') || 'nenhum contrato',
    };
  });
  const max = Math.max(1, ...totals.map((t) => t.value));
  const narrow = width < 480;
  return Plot.plot({
    document,
    width,
    height: windows.length * (narrow ? 62 : 44) + 24,
    marginLeft: narrow ? 84 : 100,
    marginRight: 16,
    marginTop: 4,
    marginBottom: 20,
    style: { fontSize: '12px', color: INK, background: 'transparent' },
    x: { domain: [0, max * (narrow ? 1 : 1.9)], axis: null },
    y: { domain: windows, label: null, tickSize: 0, padding: narrow ? 0.5 : 0.3 },
    color: { domain: states, range: states.map((s) => rows.find((r) => r.state === s)?.color ?? MUTED) },
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          x: 'monthly_value',
          y: 'window',
          fill: 'state',
          order: states,
          title: (d: RenewalWindow) =>
            `${d.window} · ${d.state}: ${formatBRLCompact(d.monthly_value)} por mês em ${formatCount(d.contracts, 'contrato', 'contratos')}`,
        }),
      ),
      Plot.text(
        totals,
        narrow
          ? { x: 0, y: 'window', text: 'label', textAnchor: 'start', dx: 4, dy: 19, fill: INK, lineWidth: 30 }
          : { x: 'value', y: 'window', text: 'label', textAnchor: 'start', dx: 6, fill: INK },
      ),
      Plot.ruleX([0], { stroke: MUTED }),
    ],
  });
}
