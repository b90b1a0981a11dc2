import { describe, expect, it } from 'vitest';
import { cohortHeatmapChart, describeCohorts } from '../../src/charts/cohortHeatmapChart.ts';
import { describeFlows, flowsChart } from '../../src/charts/flowsChart.ts';
import { contrast, heatColor, textOn } from '../../src/charts/palette.ts';
import { describePareto, paretoChart } from '../../src/charts/paretoChart.ts';
import { renderChart } from '../../src/charts/renderToString.ts';
import { describeRevenueAgainstTarget, revenueTrendChart } from '../../src/charts/revenueTrendChart.ts';
import { describeRfmGrid, hyphenateLongWords, rfmGridChart } from '../../src/charts/rfmGridChart.ts';
import { describeStatusBars, statusBarsChart } from '../../src/charts/statusBarsChart.ts';
import { cleanSvg } from '../helpers/cleanSvg.ts';

const month = (text: string): Date => new Date(`${text}-01T00:00:00Z`);

describe('rfmGridChart', () => {
  // Four cells with customers; the other 21 hold zero, as the rfm_cells mart publishes them (all 25, r then f).
  const cells = [
    { r: 5, f: 5, segment: 'Campeões', customers: 40 },
    { r: 3, f: 3, segment: 'Precisam de atenção', customers: 10 },
    { r: 1, f: 1, segment: 'Hibernando', customers: 7 },
    { r: 1, f: 5, segment: 'Não pode perder', customers: 3 },
  ];
  const scores = [1, 2, 3, 4, 5];
  const grid = scores.flatMap((r) => scores.map((f) => cells.find((c) => c.r === r && c.f === f) ?? { r, f, segment: `R${r}F${f}`, customers: 0 }));

  it('labels each cell with its count and segment, white text on the darkest cell only', async () => {
    const svg = renderChart(rfmGridChart, grid, { width: 760 });
    expect(svg.match(/<rect /g)).toHaveLength(25);
    expect(svg).toContain('>Campeões<');
    expect(svg).toContain('>Precisam de atenção<');
    expect(svg).toContain('>F3 · 3-4 pedidos<');
    expect(svg.match(/fill="#ffffff"/g)?.length).toBe(2); // count and name of the 40-customer cell
    await expect(cleanSvg(svg)).toMatchFileSnapshot('__snapshots__/rfmGrid.svg');
  });

  it('hyphenates on a phone only the segment names too long for a cell, between syllables', () => {
    const phone = renderChart(rfmGridChart, [...grid.slice(0, 24), { r: 5, f: 5, segment: 'Promissores', customers: 1 }], { width: 358, compact: true });
    expect(phone).toContain('>Promis-<');
    expect(phone).toContain('>sores<');
    expect(phone).toContain('>Hibernando<');
    expect(hyphenateLongWords('Potenciais fiéis', 9)).toBe('Poten-\nciais fiéis');
    expect(hyphenateLongWords('Acompanhamento', 10)).toBe('Acompanha-\nmento');
    // never inside a cluster or digraph: Com-pras, not Comp-ras; a word with no place stays whole
    expect(hyphenateLongWords('Compras', 5)).toBe('Com-\npras');
    expect(hyphenateLongWords('Xkcdwxyz', 5)).toBe('Xkcdwxyz');
  });

  it('describes the fullest cells and the empty ones', () => {
    // 40 + 10 + 7 + 3 = 60 buyers, as the marts count them
    expect(
      describeRfmGrid(
        cells.map((c) => ({ ...c })),
        60,
      ),
    ).toBe(
      'Grade R × F dos 60 clientes que compraram no período. Células mais cheias: R5 × F5 (Campeões) com 40; ' +
        'R3 × F3 (Precisam de atenção) com 10; R1 × F1 (Hibernando) com 7.',
    );
  });
});

describe('paretoChart', () => {
  // 10 buyers; at 20% (2 buyers) 55% of revenue, 80% is reached at 50% of the customers.
  const rows = Array.from({ length: 100 }, (_, i) => {
    const pct = i + 1;
    const share = pct <= 20 ? (pct / 20) * 0.55 : pct <= 50 ? 0.55 + ((pct - 20) / 30) * 0.25 : 0.8 + ((pct - 50) / 50) * 0.2;
    return { pct_customers: pct, customers: Math.ceil(pct / 10), cum_revenue_share: share };
  });

  it('marks the 80/20 reference and labels the real share at 20%', async () => {
    const svg = renderChart(paretoChart, rows, { width: 720, height: 380 });
    expect(svg).toContain('20% dos clientes → 55,0% do faturamento');
    expect(svg).toContain('>regra 80/20<');
    await expect(cleanSvg(svg)).toMatchFileSnapshot('__snapshots__/pareto.svg');
  });

  it('states the share at 20% against the rule and where 80% is reached', () => {
    expect(describePareto(rows)).toBe(
      'Os 20% maiores clientes (2 de 10 compradores) trouxeram 55,0% do faturamento, abaixo dos 80% da regra 80/20. ' +
        '80% do faturamento vem de 50% dos clientes (5).',
    );
  });

  it('gives the exact count behind 80% when the pareto mart states it, not the percentile rounded up', () => {
    // the curve reaches 80% at the 50th percentile (5 customers); the mart counts 4 up to the customer crossing 80%
    const exact = rows.map((r) => ({ ...r, customers_to_reach_80: 4 }));
    expect(describePareto(exact)).toContain('80% do faturamento vem de 4 dos 10 clientes.');
  });
  it('names products instead of customers on the Produtos page', () => {
    const svg = renderChart(paretoChart, rows, { width: 720, height: 380, items: 'produtos' });
    expect(svg).toContain('20% dos produtos → 55,0% do faturamento');
    expect(svg).toContain('Produtos, do maior para o menor');
    expect(describePareto(rows, { items: 'produtos', population: 'produtos vendidos no período' })).toBe(
      'Os 20% maiores produtos (2 de 10 produtos vendidos no período) trouxeram 55,0% do faturamento, abaixo dos 80% da regra 80/20. ' +
        '80% do faturamento vem de 50% dos produtos (5).',
    );
  });
});

describe('cohortHeatmapChart', () => {
  // Cohort jan: 10 customers, 6 then 4 buying; cohort fev: 20 customers, 10 buying in mar.
  const cells = [
    { cohort_month: month('2026-01'), months_since: 0, cohort_customers: 10, customers_buying: 10, retention_pct: 100 },
    { cohort_month: month('2026-01'), months_since: 1, cohort_customers: 10, customers_buying: 6, retention_pct: 60 },
    { cohort_month: month('2026-01'), months_since: 2, cohort_customers: 10, customers_buying: 4, retention_pct: 40 },
    { cohort_month: month('2026-02'), months_since: 0, cohort_customers: 20, customers_buying: 20, retention_pct: 100 },
    { cohort_month: month('2026-02'), months_since: 1, cohort_customers: 20, customers_buying: 10, retention_pct: 50 },
  ];

  it('draws one cell per month after acquisition, leaving out month 0, with the percentage inside', () => {
    const svg = renderChart(cohortHeatmapChart, cells, { cohorts: [month('2026-01'), month('2026-02')], maxMonths: 2 });
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('>jan/2026 · 10<');
    expect(svg).toContain('>60<');
    expect(svg).not.toContain('>100<');
  });

  it('states the average retention of months 1, 3, 6 and 12 from the curve mart', () => {
    const curve = [
      { months_since: 1, retention_pct: (16 / 30) * 100, cohorts: 3 },
      { months_since: 2, retention_pct: 40, cohorts: 3 },
      { months_since: 3, retention_pct: 25, cohorts: 3 },
    ];
    expect(describeCohorts([month('2026-01'), month('2026-02')], curve)).toBe(
      'Retenção das coortes de jan/2026 a fev/2026: percentual de cada coorte que comprou em cada mês depois da primeira compra. ' +
        'Em média (ponderada pelo tamanho), 53% compraram no mês 1, 25% compraram no mês 3.',
    );
  });
});

describe('flowsChart', () => {
  const rows = [
    { month: month('2026-09'), is_partial_month: false, active_start: 100, new: 8, reactivated: 2, churned: 5, active_end: 105, net_change: 5 },
    { month: month('2026-10'), is_partial_month: false, active_start: 105, new: 4, reactivated: 1, churned: 9, active_end: 101, net_change: -4 },
  ];

  it('stacks new and reactivated above zero and churned below', () => {
    const svg = renderChart(flowsChart, rows, { width: 400 });
    expect(svg.match(/<rect /g)).toHaveLength(6);
    expect(svg).toContain('out/2026 · Saíram (churn): 9');
    expect(svg).toContain('out/2026 · saldo: -4');
  });

  it('states the flows of the complete months as the mart summed them (8 + 4 new, 2 + 1 reactivated, 5 + 9 churned)', () => {
    expect(describeFlows(rows, { new: 12, reactivated: 3, churned: 14 })).toBe(
      'De set/2026 a out/2026 entraram 12 clientes novos e 3 reativados, e saíram 14; a carteira ativa foi de 100 para 101. ' +
        'Em out/2026: 4 novos, 1 reativados, 9 saíram.',
    );
  });
});

describe('statusBarsChart', () => {
  const rows = [
    { status: 'active', label: 'Ativo', customers: 1094, customer_share: 1094 / 1100 },
    { status: 'reactivated', label: 'Reativado', customers: 6, customer_share: 6 / 1100 },
  ];

  it('shows a share under 1% with one decimal instead of 0%', () => {
    expect(describeStatusBars(rows, 1100)).toBe('Clientes por situação (1.100 no total): Ativo 1.094 (99%); Reativado 6 (0,5%).');
    expect(renderChart(statusBarsChart, rows, {})).toContain('>6 (0,5%)<');
  });
});

describe('revenueTrendChart', () => {
  const rows = [
    { month: month('2026-09'), revenue: 90, is_partial_month: false, revenue_target: 100, target_pct: 90, revenue_target_met: false },
    { month: month('2026-10'), revenue: 120, is_partial_month: false, revenue_target: 100, target_pct: 120, revenue_target_met: true },
    { month: month('2026-11'), revenue: 50, is_partial_month: true, revenue_target: 100, target_pct: 50, revenue_target_met: false },
  ];

  it('marks the month still running and draws the target as ticks', () => {
    const svg = renderChart(revenueTrendChart, rows, { width: 720, showTarget: true });
    expect(svg).toContain('>parcial<');
    expect(svg).toContain('fill="#8fb1dd"');
    expect(svg.match(/<line /g)?.length).toBeGreaterThanOrEqual(3);
    expect(svg).toContain('nov/2026 (parcial) · Faturamento: R$\u00a050,00 · meta R$\u00a0100,00 (50,0%)');
  });

  it('says which complete months reached the target', () => {
    expect(describeRevenueAgainstTarget(rows)).toBe(
      '1 de 2 meses completos bateram a meta (out/2026); melhor out/2026 com 120,0% da meta, pior set/2026 com 90,0%. ' +
        'nov/2026, ainda em curso: R$\u00a050 de R$\u00a0100 (50,0%).',
    );
  });
});

describe('heat-map colours', () => {
  it('keeps cell labels readable: the chosen text colour reaches 4.5:1 all along the ramp', () => {
    for (let t = 0; t <= 1; t += 0.05) {
      const fill = heatColor(t);
      expect(contrast(textOn(fill), fill), `at ${t.toFixed(2)} (${fill})`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
