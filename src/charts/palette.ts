/**
 * Colours of the report's charts. Every fill drawn on white reaches at least 3:1 (WCAG non-text
 * contrast), and white labels drawn on them at least 3.6:1; pairs are also told apart by position or text.
 */

/** Text in charts, as the page body (#1f2933). */
export const INK = '#1f2933';
/** Secondary text and reference lines (#52606d, 7.1:1 on white). */
export const MUTED = '#52606d';
/** The report's accent (#1d4f91, 8.1:1). */
export const ACCENT = '#1d4f91';
/** A month still running: lighter than complete months and always labelled "parcial" too. */
export const PARTIAL = '#8fb1dd';
/** Targets and reference marks drawn over bars (#c05621, 4.6:1). */
export const TARGET = '#c05621';
/** Good and bad changes in text (≥ 6:1 on white). */
export const GOOD = '#276749';
export const BAD = '#9b2c2c';

/** One colour per lifecycle status, ordered from healthy (green) to gone (dark red); prospects grey. */
export const STATUS_COLORS: Record<string, string> = {
  prospect: '#7b8794',
  new: '#2b6cb0',
  active: '#276749',
  reactivated: '#6b46c1',
  at_risk: '#b7791f',
  inactive: '#c05621',
  lost: '#742a2a',
};

/** The colour of a status, grey for keys the palette does not know. */
export const statusColor = (status: string): string => STATUS_COLORS[status] ?? '#7b8794';

/** Sequential ramp for heat maps: from a pale blue-grey to the accent. */
export const HEAT_RANGE: [string, string] = ['#eef3f8', ACCENT];

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const hex = (channels: number[]): string => `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The heat-map colour at `t` (0-1, clamped) along HEAT_RANGE, interpolated in RGB. */
export function heatColor(t: number): string {
  const k = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const [a, b] = HEAT_RANGE.map(rgb) as [[number, number, number], [number, number, number]];
  return hex(a.map((c, i) => c + (b[i]! - c) * k));
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/**
 * The text colour for a label on `background`: white on dark fills, INK on light ones, and pure black
 * in the middle of a ramp, where neither white nor INK reaches 4.5:1 but black always does.
 */
export function textOn(background: string): string {
  if (contrast('#ffffff', background) >= 4.5) return '#ffffff';
  if (contrast(INK, background) >= 4.5) return INK;
  return '#000000';
}
