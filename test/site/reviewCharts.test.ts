import { describe, expect, it } from 'vitest';
import { clusterStatusChart, describeClusterStatus, type ClusterStatus } from '../../src/charts/clusterStatusChart.ts';
import { ACCENT, PARTIAL, TARGET } from '../../src/charts/palette.ts';
import { describeQuarterRevenue, quarterRevenueChart, type QuarterRevenue } from '../../src/charts/quarterRevenueChart.ts';
import { renderChart } from '../../src/charts/renderToString.ts';

// Five quarters: T3 2026 grows 20% on T3 2025 (1.200 ÷ 1.000 − 1, kpis_periods.revenue_change_year_ago);
// T1 2026 900 ÷ 800 − 1 = 12,5%; T4 2026 is running, so it has no change.
const quarters: QuarterRevenue[] = [
  { label: 'T3 2025', revenue: 1000, previous: null, change: null, partial: false },
  { label: 'T4 2025', revenue: 1500, previous: null, change: null, partial: false },
  { label: 'T1 2026', revenue: 900, previous: 800, change: 0.125, partial: false },
  { label: 'T3 2026', revenue: 1200, previous: 1000, change: 0.2, partial: false },
  { label: 'T4 2026', revenue: 400, previous: 1500, change: null, partial: true },
];

describe('quarterRevenueChart', () => {
  it('draws a bar per quarter, the running one lighter and labelled, and a tick for each quarter a year before', () => {
    const svg = renderChart(quarterRevenueChart, quarters, { width: 960 });
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg.match(new RegExp(`fill="${PARTIAL}"`, 'g'))).toHaveLength(1);
    expect(svg.match(new RegExp(`fill="${ACCENT}"`, 'g'))).toHaveLength(4);
    // three quarters have a year before: three ticks
    expect(svg.match(/<line /g)?.length).toBeGreaterThanOrEqual(3);
    expect(svg).toContain(`stroke="${TARGET}"`);
    expect(svg).toContain('>parcial<');
  });

  it('breaks the quarter labels in two lines on a phone', () => {
    const svg = renderChart(quarterRevenueChart, quarters, { width: 358 });
    expect(svg).not.toContain('>parcial<');
    expect(svg).toContain('>T4<');
    expect(svg).toContain('>2026<');
  });

  it('is described by its best quarter, the last closed one against a year before and the running one', () => {
    expect(describeQuarterRevenue(quarters)).toBe(
      'Faturamento por trimestre de T3 2025 a T3 2026: maior em T4 2025 (R$\u00a01,5\u00a0mil); T3 2026 fechou em R$\u00a01,2\u00a0mil, 20,0% contra R$\u00a01\u00a0mil um ano antes. T4 2026 está em curso: R$\u00a0400 até a data de referência.',
    );
  });
});

describe('clusterStatusChart', () => {
  // group 1: 3 of 4 active, 1 lost; group 2: 1 active, 1 inactive
  const rows: ClusterStatus[] = [
    { group: 'Grupo 1', status: 'active', label: 'Ativo', customers: 3, share: 0.75, revenueShare: 0.9996 },
    { group: 'Grupo 1', status: 'lost', label: 'Perdido', customers: 1, share: 0.25, revenueShare: 0.9996 },
    { group: 'Grupo 2', status: 'active', label: 'Ativo', customers: 1, share: 0.5, revenueShare: 0.0004 },
    { group: 'Grupo 2', status: 'inactive', label: 'Inativo', customers: 1, share: 0.5, revenueShare: 0.0004 },
  ];

  it('stacks each group to 100% by status and writes its share of revenue after the bar', () => {
    const svg = renderChart(clusterStatusChart, rows, { width: 720 });
    expect(svg.match(/<rect /g)).toHaveLength(4);
    expect(svg).toContain('>100% do fat.<');
    expect(svg).toContain('>&lt; 0,1% do fat.<');
  });

  it('is described group by group', () => {
    expect(describeClusterStatus(rows)).toBe(
      'Grupo 1 (100% do faturamento de 12 meses): Ativo 75%, Perdido 25%; Grupo 2 (< 0,1% do faturamento de 12 meses): Ativo 50%, Inativo 50%.',
    );
  });
});
