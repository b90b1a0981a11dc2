import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/renderToString.ts';
import { describeWorkloadShift, workloadShiftChart } from '../../src/charts/workloadShiftChart.ts';
import { cleanSvg } from '../helpers/cleanSvg.ts';

// The fixture of test/marts/balance.test.ts: V1 15/11 → 12/11, V2 and V3 3/11 → 12/11 and 6/11.
const rows = [
  { label: 'Bruno Reis (V2)', before: 0.2727, after: 1.0909 },
  { label: 'Ana Lima (V1)', before: 1.3636, after: 1.0909 },
  { label: 'Carla Dias (V3)', before: 0.2727, after: 0.5455 },
];

describe('workloadShiftChart', () => {
  it('draws one hollow dot today and one filled dot after the proposal per seller, most loaded today first, with the mean at 1,00', async () => {
    const svg = renderChart(workloadShiftChart, rows, { width: 640 });
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*(?:\(V\d\)))<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Ana Lima (V1)', 'Bruno Reis (V2)', 'Carla Dias (V3)']);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('Carga média');
    await expect(cleanSvg(svg)).toMatchFileSnapshot('__snapshots__/workloadShift.svg');
  });

  it('says in words how many sellers end closer to the mean and the range before and after', () => {
    // |1.0909 − 1| = 0.09 < 0.36 (V1) and < 0.73 (V2); V3 0.45 < 0.73: all three closer
    expect(describeWorkloadShift(rows)).toBe(
      'Carga de 3 vendedores: hoje de 0,27 a 1,36, depois da proposta de 0,55 a 1,09; 3 ficam mais perto da carga média (1,00).',
    );
  });
});
