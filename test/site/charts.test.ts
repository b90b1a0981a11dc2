import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { describeMonthlyTrend, monthlyTrendChart } from '../../src/charts/monthlyTrendChart.ts';
import { monthDomain } from '../../src/charts/monthTicks.ts';
import { renderChart, renderToString } from '../../src/charts/renderToString.ts';

const month = (text: string): Date => new Date(`${text}-01T00:00:00Z`);

// Six months worked by hand: the lowest is fev (80), the highest mai (240), jun falls 25% from 240 to 180.
const rows = [
  { month: month('2026-01'), revenue: 100, orders: 10 },
  { month: month('2026-02'), revenue: 80, orders: 8 },
  { month: month('2026-03'), revenue: 120.5, orders: 12 },
  { month: month('2026-04'), revenue: 200, orders: 20 },
  { month: month('2026-05'), revenue: 240, orders: 24 },
  { month: month('2026-06'), revenue: 180, orders: 18 },
];

/** Stable SVG for snapshots: numbers rounded to 2 decimals, generated ids replaced. */
function clean(svg: string): string {
  const ids = new Map<string, string>();
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/url\(#([^)]+)\)/g, (match, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : match))
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, '>\n<');
}

describe('monthlyTrendChart', () => {
  it('draws revenue bars by month with a BRL axis', async () => {
    const svg = renderChart(monthlyTrendChart, rows, { y: 'revenue', label: 'Faturamento' });
    expect(svg).toContain('R$\u00a0200');
    expect(svg).toContain('>jun/2026<');
    expect(svg.match(/<rect /g)).toHaveLength(6);
    await expect(clean(svg)).toMatchFileSnapshot('__snapshots__/monthlyTrend-bar.svg');
  });

  it('draws a line with dots for counts', async () => {
    const svg = renderChart(monthlyTrendChart, rows, { y: 'orders', label: 'Pedidos', unit: 'count', mark: 'line', width: 360 });
    expect(svg).not.toContain('R$');
    expect(svg.match(/<circle /g)).toHaveLength(6);
    await expect(clean(svg)).toMatchFileSnapshot('__snapshots__/monthlyTrend-line.svg');
  });

  it('formats months in UTC, so January stays January', () => {
    const svg = renderChart(monthlyTrendChart, rows, { y: 'revenue', label: 'Faturamento' });
    expect(svg).toContain('jan/2026: R$\u00a0100,00');
    expect(svg).not.toContain('dez/2025');
  });

  it('leaves a gap for a missing month instead of joining its neighbours', () => {
    const gappy = [rows[0]!, rows[2]!];
    const svg = renderChart(monthlyTrendChart, gappy, { y: 'revenue', label: 'Faturamento' });
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('>fev/2026<');
  });

  it('draws no bar for a month whose measure is NULL (no orders, so no ticket), rather than a zero', () => {
    const tickets = [
      { month: month('2026-01'), avg_ticket: 100 },
      { month: month('2026-02'), avg_ticket: null },
      { month: month('2026-03'), avg_ticket: 120 },
    ];
    const svg = renderChart(monthlyTrendChart, tickets, { y: 'avg_ticket', label: 'Ticket médio' });
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).not.toContain('fev/2026: R$');
  });
});

describe('monthDomain', () => {
  it('lists every month between the first and the last, across years', () => {
    expect(monthDomain([month('2026-02'), month('2025-11')]).map((d) => d.toISOString().slice(0, 7))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('describeMonthlyTrend', () => {
  it('names the period, the lowest and highest months and the last change', () => {
    expect(describeMonthlyTrend(rows, { y: 'revenue', label: 'Faturamento' })).toBe(
      'Faturamento de jan/2026 a jun/2026: menor valor R$\u00a080,00 em fev/2026, maior R$\u00a0240,00 em mai/2026; ' +
        'em jun/2026, R$\u00a0180,00, 25,0% abaixo do mês anterior.',
    );
  });

  it('says so when there is no data', () => {
    expect(describeMonthlyTrend([], { y: 'revenue', label: 'Faturamento' })).toBe('Faturamento: sem dados no período.');
  });
});

describe('renderToString', () => {
  it('escapes user text in text nodes and attributes', () => {
    const svg = renderToString({
      ariaLabel: 'P&D "novo" <b>',
      marks: [Plot.text([{ x: 1, y: 1, label: '<script>alert(1)</script> & =1+1' }], { x: 'x', y: 'y', text: 'label' })],
    });
    expect(svg).toContain('aria-label="P&amp;D &quot;novo&quot; &lt;b&gt;"');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; =1+1');
    expect(svg).not.toContain('<script>');
  });

  it('keeps Plot stylesheet selectors intact', () => {
    const html = renderToString({ color: { legend: true }, marks: [Plot.dot([{ a: 1, b: 2, c: 'x' }], { x: 'a', y: 'b', fill: 'c' })] });
    expect(html.startsWith('<figure')).toBe(true);
    expect(html).toContain('swatch > svg');
  });
});
