import { describe, expect, it } from 'vitest';
import { MAP_COLORS, brazilMapChart, describeBrazilMap, pathCentroid, quantileBreaks, roundBreak, simplifyPath } from '../../src/charts/brazilMapChart.ts';
import { describeRankedBars, fittedTicks, rankedBarChart } from '../../src/charts/rankedBarChart.ts';
import { renderChart } from '../../src/charts/renderToString.ts';

const format = (v: number) => `R$ ${v}`;

describe('brazilMapChart', () => {
  it('finds the centre of a square drawn with relative moves', () => {
    expect(pathCentroid('m 0,0 10,0 0,10 -10,0 z')).toEqual([5, 5]);
  });

  it('keeps the corners of a square and drops a point on its edge when simplifying', () => {
    expect(simplifyPath('m 0,0 5,0.01 5,-0.01 0,10 -10,0 z', 0.5)).toBe('M0 0 10 0 10 10 0 10Z');
  });

  it('rounds class breaks to two significant digits', () => {
    expect([roundBreak(104_137), roundBreak(972.2), roundBreak(0.0634)]).toEqual([100_000, 970, 0.063]);
  });

  it('splits ten values into five classes at rounded quintiles', () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([2.8, 4.6, 6.4, 8.2]);
  });

  it('draws all 27 UFs, colouring the ones with data and marking the rest "sem dados"', () => {
    const svg = renderChart(
      brazilMapChart,
      [
        { state: 'SP', value: 10 },
        { state: 'RJ', value: 5 },
      ],
      { label: 'Faturamento', format },
    );
    expect(svg.match(/<path [^>]*data-uf=/g)).toHaveLength(27);
    expect(svg).toContain('sem dados');
    const fillOf = (uf: string) => svg.match(new RegExp(`<path[^>]*data-uf="${uf}"[^>]*>`))?.[0].match(/fill="([^"]+)"/)?.[1];
    expect([fillOf('SP'), fillOf('RJ')]).toEqual([MAP_COLORS[4], MAP_COLORS[0]]);
  });

  it('escapes user text in tooltips', () => {
    const svg = renderChart(brazilMapChart, [{ state: 'SP', value: 1, name: '<img src=x onerror=alert(1)> & Cia' }], { label: 'Clientes', format });
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Cia (SP)');
    expect(svg).not.toContain('<img');
  });

  it('names the top states and the lowest one in its text alternative', () => {
    const rows = [
      { state: 'SP', value: 30, name: 'São Paulo' },
      { state: 'RJ', value: 20, name: 'Rio de Janeiro' },
      { state: 'AC', value: 1, name: 'Acre' },
    ];
    expect(describeBrazilMap(rows, { label: 'Faturamento', format }, 2)).toBe(
      'Faturamento por UF: maiores valores em São Paulo (R$ 30), Rio de Janeiro (R$ 20); menor em Acre (R$ 1).',
    );
  });
});

describe('rankedBarChart', () => {
  it('writes seller names with markup as text, in the axis and in the tooltip', () => {
    const svg = renderChart(
      rankedBarChart,
      [
        { label: '<b>Ana</b>', value: 2 },
        { label: 'Bia', value: 1 },
      ],
      { label: 'Ticket', format },
    );
    expect(svg).toContain('&lt;b&gt;Ana&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg.match(/<rect /g)).toHaveLength(2);
  });

  it('spaces the axis ticks so their labels never overlap on a phone-wide chart', () => {
    const compact = (v: number) => (v >= 1e6 ? `R$ ${v / 1e6} mi` : v > 0 ? `R$ ${v / 1e3} mil` : 'R$ 0');
    const rows = [
      { label: 'Sudeste', value: 1_300_000 },
      { label: 'Centro-Oeste', value: 103_400 },
    ];
    const svg = renderChart(rankedBarChart, rows, { label: 'Faturamento', format: compact, width: 350, barHeight: 30 });
    const group = svg.match(/aria-label="x-axis tick label">(.*?)<\/g>/)?.[1] ?? '';
    const ticks = [...group.matchAll(/translate\(([\d.]+),[\d.]+\)"[^>]*>([^<]*)</g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    // 12 px system-ui is at most about 7 px a character: centred labels must keep their half-widths apart.
    for (let i = 1; i < ticks.length; i++) {
      expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThan(((ticks[i]!.text.length + ticks[i - 1]!.text.length) / 2) * 7);
    }
  });

  it('ends the axis of a top value of 1.500 at 1.600 and steps its ticks by 1.000 in 150 px, by 500 in 300 px', () => {
    // "R$ 1500" is 7 characters, about 50 px, so labels need about 66 px between ticks.
    const format = (v: number) => `R$ ${v}`;
    expect(fittedTicks(1500, 150, format)).toEqual({ end: 1600, ticks: [0, 1000] });
    expect(fittedTicks(1500, 300, format)).toEqual({ end: 1600, ticks: [0, 500, 1000, 1500] });
    expect(fittedTicks(1500, 40, format)).toEqual({ end: 1600, ticks: [0] });
    expect(fittedTicks(0, 300, format)).toEqual({ end: 1, ticks: [0, 1] });
  });

  it('says how many bars reach the reference line', () => {
    const rows = [
      { label: 'A', value: 120 },
      { label: 'B', value: 90 },
      { label: 'C', value: 100 },
    ];
    expect(describeRankedBars(rows, { label: 'Atingimento', format: (v) => `${v}%`, reference: { value: 100, label: 'Meta' } }, 1)).toBe(
      'Atingimento: maiores A (120%); menor B (90%); 2 de 3 na linha de referência (Meta) ou acima.',
    );
  });
});
