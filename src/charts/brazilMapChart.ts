import brazil from '@svg-maps/brazil';
import { MISSING } from '../../pipelines/contract/locale.ts';

/**
 * A choropleth of Brazil by UF. The outlines come from @svg-maps/brazil (© Victor Cazanave, CC BY 4.0):
 * a page showing this chart must credit it (see BRAZIL_MAP_CREDIT).
 */

/** One UF and its value; a null value is drawn as "sem dados". */
export interface BrazilMapRow {
  state: string | null;
  value: number | null;
  /** Name shown in the tooltip; the UF code when absent. */
  name?: string;
}

/** How to draw the measure. */
export interface BrazilMapOptions {
  /** Measure name for the aria label and legend title, e.g. "Faturamento". */
  label: string;
  /** Full value for tooltips, e.g. formatBRL. */
  format: (value: number) => string;
  /** Short value for the legend, e.g. formatBRLCompact; defaults to `format`. */
  legendFormat?: (value: number) => string;
  /** Displayed width in px; text is sized for it. Default 560. */
  width?: number;
  /** Text size in px at the displayed width. Default 12. */
  fontSize?: number;
}

/** The credit line the map's license asks for. */
export const BRAZIL_MAP_CREDIT = {
  text: 'Contornos das UFs: @svg-maps/brazil, de Victor Cazanave, licença CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/deed.pt_BR',
};

/** Five sequential blues, light to dark; the darkest is the report accent. Text on the last two is white. */
export const MAP_COLORS = ['#e3edf7', '#b3cde6', '#78a6d1', '#3f77b3', '#1d4f91'] as const;
const NO_DATA = '#f4f5f7';
const INK = '#1f2933';
const SVG_NS = 'http://www.w3.org/2000/svg';

interface MapLocation {
  id: string;
  name: string;
  path: string;
}
const map = brazil as unknown as { viewBox: string; locations: MapLocation[] };
const [, , MAP_WIDTH = 613, MAP_HEIGHT = 639] = map.viewBox.split(/\s+/).map(Number);

/** North-eastern states too small to hold their code: listed east of the coast, top to bottom, with leader lines. */
const NORTHEAST_OUTSIDE = ['RN', 'PB', 'PE', 'AL', 'SE'];
/** Narrow south-eastern states: labelled east of the coast at their own height. */
const LEVEL_OUTSIDE = ['ES', 'RJ'];
/** Nudges (view units) for labels that would collide: GO's code moves off the Distrito Federal. */
const NUDGE = new Map<string, [number, number]>([['GO', [-12, 20]]]);

/** The rings of a path made of m/M and z commands with implicit line-tos (all @svg-maps/brazil uses), as absolute points. */
export function pathRings(d: string): Array<Array<[number, number]>> {
  const tokens = d.match(/[mMzZ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const rings: Array<Array<[number, number]>> = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  let ring: Array<[number, number]> = [];
  let absolute = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === 'z' || token === 'Z') {
      if (ring.length) rings.push(ring);
      ring = [];
      [x, y] = start;
      continue;
    }
    if (token === 'm' || token === 'M') {
      absolute = token === 'M';
      const dx = Number(tokens[++i]);
      const dy = Number(tokens[++i]);
      if (ring.length) rings.push(ring);
      x = absolute ? dx : x + dx;
      y = absolute ? dy : y + dy;
      start = [x, y];
      ring = [[x, y]];
      continue;
    }
    const dx = Number(token);
    const dy = Number(tokens[++i]);
    x = absolute ? dx : x + dx;
    y = absolute ? dy : y + dy;
    ring.push([x, y]);
  }
  if (ring.length) rings.push(ring);
  return rings;
}

/** The area centroid of a path, taken on its largest ring so islands do not pull the label off the mainland. */
export function pathCentroid(d: string): [number, number] {
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const points of pathRings(d)) {
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let k = 0; k < points.length; k++) {
      const [x0, y0] = points[k]!;
      const [x1, y1] = points[(k + 1) % points.length]!;
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(area) > bestArea && area !== 0) {
      bestArea = Math.abs(area);
      best = [cx / (3 * area), cy / (3 * area)];
    }
  }
  return best;
}

/** Douglas-Peucker: drops points closer than `tolerance` to the line through their neighbours' survivors. */
function simplifyLine(points: Array<[number, number]>, tolerance: number): Array<[number, number]> {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i]!;
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const simplified = new Map<string, string>();

/**
 * The path with points closer than `tolerance` view units to their simplified outline dropped and
 * coordinates rounded to 0.1: sub-pixel detail is invisible at report sizes and halves the page weight.
 * Rings that shrink to fewer than 3 points (tiny islands) are left out.
 */
export function simplifyPath(d: string, tolerance: number): string {
  const key = `${tolerance}|${d}`;
  const cached = simplified.get(key);
  if (cached !== undefined) return cached;
  const round = (n: number) => String(Math.round(n * 10) / 10);
  const out = pathRings(d)
    .map((ring) => simplifyLine([...ring, ring[0]!], tolerance).slice(0, -1))
    .filter((ring) => ring.length >= 3)
    .map((ring) => `M${ring.map(([x, y]) => `${round(x)} ${round(y)}`).join(' ')}Z`)
    .join('');
  simplified.set(key, out);
  return out;
}

const centroids = new Map(map.locations.map((loc) => [loc.id.toUpperCase(), pathCentroid(loc.path)]));

/** A number rounded to two significant digits (104.137 → 100, 972.2 → 970), so legend bounds read easily. */
export function roundBreak(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(2)) : value;
}

/**
 * Class breaks at the quintiles of the values, rounded to two significant digits (fewer classes when
 * there are few distinct values or two breaks round alike). A value equal to a break goes in the upper class.
 */
export function quantileBreaks(values: number[], classes = MAP_COLORS.length): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  if (distinct <= 1) return [];
  const n = Math.min(classes, distinct);
  const breaks: number[] = [];
  for (let k = 1; k < n; k++) {
    const position = (k / n) * (sorted.length - 1);
    const low = sorted[Math.floor(position)]!;
    const high = sorted[Math.ceil(position)]!;
    const value = roundBreak(low + (high - low) * (position - Math.floor(position)));
    if (!breaks.includes(value) && value > sorted[0]! && value <= sorted[sorted.length - 1]!) breaks.push(value);
  }
  return breaks;
}

/** The class of a value: the number of breaks at or below it. */
const classOf = (value: number, breaks: number[]): number => breaks.filter((b) => value >= b).length;

/** Spreads the classes over the palette so two classes use the lightest and darkest colors. */
function paletteFor(classes: number): string[] {
  if (classes >= MAP_COLORS.length) return [...MAP_COLORS];
  if (classes <= 1) return [MAP_COLORS[2]];
  return Array.from({ length: classes }, (_, k) => MAP_COLORS[Math.round((k * (MAP_COLORS.length - 1)) / (classes - 1))]!);
}

/** Brazil by UF, colored in quantile classes of the value, with UF codes and a legend. */
export function brazilMapChart(rows: BrazilMapRow[], options: BrazilMapOptions, document: Document): SVGElement {
  const { label, format, legendFormat = format, width = 560, fontSize = 12 } = options;
  // Room on the right for the outside labels, sized from the text: the view is scaled to `width` px.
  const viewWidth = Math.ceil((MAP_WIDTH + 10) / (1 - (1.8 * fontSize) / width));
  const scale = viewWidth / width;
  const font = fontSize * scale;
  // Detail finer than about half a screen pixel cannot be seen.
  const tolerance = Math.round(scale * 0.5 * 100) / 100;
  const outside = new Map<string, number>();
  const step = Math.max(20, font * 1.15);
  for (const [k, uf] of NORTHEAST_OUTSIDE.entries()) outside.set(uf, 212 + (k - (NORTHEAST_OUTSIDE.length - 1) / 2) * step);
  for (const uf of LEVEL_OUTSIDE) outside.set(uf, centroids.get(uf)?.[1] ?? 0);
  const byState = new Map(rows.filter((r) => r.state).map((r) => [r.state!.toUpperCase(), r]));
  const values = rows.filter((r) => r.state && r.value !== null && Number.isFinite(r.value)).map((r) => r.value!);
  const breaks = quantileBreaks(values);
  const palette = paletteFor(breaks.length + 1);

  const el = (name: string, attributes: Record<string, string | number> = {}, text?: string): SVGElement => {
    const node = document.createElementNS(SVG_NS, name) as SVGElement;
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const legendItems: Array<{ fill: string; text: string }> = [];
  const lower = values.length ? Math.min(...values) : null;
  if (lower !== null) {
    if (!breaks.length) legendItems.push({ fill: palette[0]!, text: legendFormat(lower) });
    else {
      legendItems.push({ fill: palette[0]!, text: `menos de ${legendFormat(breaks[0]!)}` });
      for (let k = 1; k < breaks.length; k++) {
        legendItems.push({ fill: palette[k]!, text: `${legendFormat(breaks[k - 1]!)} a ${legendFormat(breaks[k]!)}` });
      }
      legendItems.push({ fill: palette[breaks.length]!, text: `${legendFormat(breaks[breaks.length - 1]!)} ou mais` });
    }
  }
  const valued = (uf: string) => {
    const value = byState.get(uf)?.value;
    return value !== null && value !== undefined && Number.isFinite(value);
  };
  if (map.locations.some((loc) => !valued(loc.id.toUpperCase()))) legendItems.push({ fill: NO_DATA, text: 'sem dados' });

  // The legend fits the empty south-west corner when its text is short at this size; otherwise it goes below the map.
  const swatch = font * 1.3;
  const line = font * 1.6;
  const legendWidth = swatch + font * 0.5 + Math.max(label.length, ...legendItems.map((i) => i.text.length)) * font * 0.6;
  const inCorner = legendWidth <= 250;
  const columns = inCorner ? 1 : legendWidth * 2 + font <= viewWidth ? 2 : 1;
  const legendRows = Math.ceil(legendItems.length / columns);
  const viewHeight = inCorner ? MAP_HEIGHT : Math.ceil(MAP_HEIGHT + font + line * (legendRows + 1));
  const height = Math.round((viewHeight / viewWidth) * width);
  const svg = el('svg', {
    xmlns: SVG_NS,
    viewBox: `0 0 ${viewWidth} ${viewHeight}`,
    width,
    height,
    'aria-label': `Mapa do Brasil por UF: ${label}`,
    'font-family': 'system-ui, sans-serif',
    'font-size': font.toFixed(1),
    class: 'brazil-map',
  });

  const states = el('g', { stroke: '#ffffff', 'stroke-width': (0.8 * scale).toFixed(2), 'stroke-linejoin': 'round' });
  const labelsGroup = el('g', { 'text-anchor': 'middle', 'pointer-events': 'none' });
  for (const location of map.locations) {
    const uf = location.id.toUpperCase();
    const row = byState.get(uf);
    const value = row?.value ?? null;
    const hasValue = value !== null && Number.isFinite(value);
    const klass = hasValue ? classOf(value, breaks) : -1;
    const fill = hasValue ? palette[klass]! : NO_DATA;
    const shape = el('path', { d: simplifyPath(location.path, tolerance), fill, 'data-uf': uf });
    if (!hasValue) shape.setAttribute('stroke', '#9aa5b1');
    shape.appendChild(el('title', {}, `${row?.name ?? location.name} (${uf}): ${hasValue ? format(value) : `${MISSING} sem dados`}`));
    states.appendChild(shape);

    const [cx, cy] = centroids.get(uf) ?? [0, 0];
    const outsideY = outside.get(uf);
    if (outsideY !== undefined) {
      labelsGroup.appendChild(
        el('line', {
          x1: cx.toFixed(1),
          y1: cy.toFixed(1),
          x2: MAP_WIDTH + 4,
          y2: outsideY.toFixed(1),
          stroke: '#52606d',
          'stroke-width': (0.8 * scale).toFixed(2),
        }),
      );
      labelsGroup.appendChild(el('text', { x: MAP_WIDTH + 6, y: outsideY.toFixed(1), dy: '0.35em', 'text-anchor': 'start', fill: INK }, uf));
    } else {
      const [nx, ny] = NUDGE.get(uf) ?? [0, 0];
      const dark = fill === MAP_COLORS[3] || fill === MAP_COLORS[4];
      // A halo in the state's own color keeps the code legible where it crosses a border (DF inside GO).
      labelsGroup.appendChild(
        el(
          'text',
          {
            x: (cx + nx).toFixed(1),
            y: (cy + ny).toFixed(1),
            dy: '0.35em',
            fill: dark ? '#ffffff' : INK,
            stroke: fill,
            'stroke-width': (font * 0.28).toFixed(1),
            'paint-order': 'stroke',
            'stroke-linejoin': 'round',
          },
          uf,
        ),
      );
    }
  }
  svg.appendChild(states);
  svg.appendChild(labelsGroup);

  const legend = el('g', { class: 'map-legend' });
  const top = inCorner ? MAP_HEIGHT - 6 - line * (legendItems.length + 1) : MAP_HEIGHT + font;
  legend.appendChild(el('text', { x: 4, y: (top + font * 0.4).toFixed(1), 'font-weight': 600, fill: INK }, label));
  legendItems.forEach((item, k) => {
    // Column by column, so the classes read light to dark downwards.
    const x = 4 + Math.floor(k / legendRows) * (viewWidth / columns);
    const y = top + line * ((k % legendRows) + 0.7);
    legend.appendChild(
      el('rect', {
        x: x.toFixed(1),
        y: y.toFixed(1),
        width: swatch.toFixed(1),
        height: swatch.toFixed(1),
        fill: item.fill,
        stroke: '#9aa5b1',
        'stroke-width': (0.6 * scale).toFixed(2),
      }),
    );
    legend.appendChild(el('text', { x: (x + swatch + font * 0.5).toFixed(1), y: (y + swatch / 2).toFixed(1), dy: '0.35em', fill: INK }, item.text));
  });
  svg.appendChild(legend);
  return svg;
}

/** The states with the highest and lowest values, as the map's text alternative. */
export function describeBrazilMap(rows: BrazilMapRow[], options: Pick<BrazilMapOptions, 'label' | 'format'>, top = 3): string {
  const valued = rows.filter((r) => r.state && r.value !== null && Number.isFinite(r.value)) as Array<BrazilMapRow & { value: number }>;
  if (!valued.length) return `${options.label}: sem dados por UF.`;
  const sorted = [...valued].sort((a, b) => b.value - a.value);
  const name = (r: BrazilMapRow) => r.name ?? r.state ?? '';
  const highest = sorted
    .slice(0, top)
    .map((r) => `${name(r)} (${options.format(r.value)})`)
    .join(', ');
  const lowest = sorted[sorted.length - 1]!;
  const missing = rows.filter((r) => r.state && (r.value === null || !Number.isFinite(r.value))).length;
  return (
    `${options.label} por UF: maiores valores em ${highest}; menor em ${name(lowest)} (${options.format(lowest.value)}).` +
    (missing ? ` ${missing} UF${missing > 1 ? 's' : ''} sem dados.` : '')
  );
}
