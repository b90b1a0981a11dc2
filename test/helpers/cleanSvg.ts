/** Stable SVG for snapshots, as Plot's own tests do: numbers rounded to 2 decimals, generated ids and class names replaced. */
export function cleanSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/url\(#([^)]+)\)/g, (match, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : match))
    .replace(/plot-[0-9a-f]{6}/g, 'plot-x')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, '>\n<');
}
