import { formatMonth } from '../../pipelines/contract/locale.ts';
import { describeRevenueTrend, revenueTrendChart, type RevenueMonth } from '../charts/revenueTrendChart.ts';
import { sparklineChart } from '../charts/sparklineChart.ts';
import { NO_FILTERED_SALES, overviewTrend } from '../lib/filterableCharts.ts';
import type { SalesFilter } from '../lib/filterParams.ts';
import { completeMonths, includesPartialMonth, periodWindow } from '../lib/filterPeriods.ts';
import { formatValue } from '../lib/formatValue.ts';
import { headlineIndex } from '../lib/monthComparison.ts';
import { cardContent, cardSpecs, monthTableColumns, monthTableRows, type CardContent, type OverviewMonth } from '../lib/overviewCards.ts';
import { describeWindow, monthIndex } from '../lib/reportPeriods.ts';
import { filterCells, filteredKpiMonths, totalsByMonth } from '../lib/salesCubeTotals.ts';
import type { SalesCube } from '../lib/salesFilterFile.ts';
import { writeCell } from '../lib/tableSort.ts';
import { keepOriginal, noSalesNotice, swapChart } from './chartSwap.ts';

/**
 * Visão geral: redraws the revenue trend for the filter with the same chart function the build used, and
 * rewrites the headline cards that the filter file can give and every figure of the month table. Without
 * a period the trend shows the whole history, the month still running included; the cards always
 * describe the last complete month and the table the last 13 months.
 */
export function renderFiltered(cube: SalesCube, filter: SalesFilter): string {
  const period = filter.period || 'tudo';
  const complete = completeMonths(cube.months, cube.partialMonth);
  const window = periodWindow(period, complete) ?? periodWindow('tudo', complete);
  const partial = includesPartialMonth(period, cube.partialMonth) ? cube.partialMonth : null;
  const months = [...(window?.months ?? []), ...(partial ? [partial] : [])];
  const cells = filterCells(cube, filter, months);
  // Every month of the window is drawn, a month without sales as an empty band, so periods compare at a glance.
  const rows: RevenueMonth[] = totalsByMonth(cells, months).map((t) => ({
    month: t.month,
    revenue: t.revenue,
    is_partial_month: partial !== null && monthIndex(t.month) === monthIndex(partial),
  }));
  swapChart(
    overviewTrend.id,
    cells.length
      ? {
          wide: revenueTrendChart(rows, overviewTrend.wide, document),
          narrow: revenueTrendChart(rows.slice(-overviewTrend.narrowMonths), overviewTrend.narrow, document),
          summary: describeRevenueTrend(rows),
        }
      : { wide: noSalesNotice(), summary: NO_FILTERED_SALES },
  );

  // The cards and the table: the figures kpis_monthly has, re-added for the place, seller and segment.
  const kpis: OverviewMonth[] = filteredKpiMonths(cube, filter).map((row) => ({
    ...row,
    ltv: null,
    ltv_cac: null,
    cac: null,
    top20_revenue_share: null,
    churn_rate_12m: null,
    cac_12m: null,
  }));
  const headline = kpis[headlineIndex(kpis)];
  if (headline) {
    for (const card of document.querySelectorAll<HTMLElement>('li[data-kpi]')) {
      const spec = cardSpecs.find((s) => s.key === card.dataset.kpi);
      if (spec?.filterable) writeCard(card, cardContent(spec, kpis, headline));
    }
  }
  writeMonthTable(kpis);

  const text = window ? describeWindow(window) : '';
  return partial ? `${text}${text ? ' e ' : ''}${formatMonth(partial)} (em curso)` : text;
}

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

/** An element scoped like `like` (Astro's data-astro-cid-* attributes), so the component's styles apply to it. */
function scoped<K extends keyof HTMLElementTagNameMap>(tag: K, like: Element, className: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const attribute of like.attributes) if (attribute.name.startsWith('data-astro-cid')) element.setAttribute(attribute.name, attribute.value);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Rewrites a KpiCard (src/components/KpiCard.astro) in place; text only, never markup. */
function writeCard(card: HTMLElement, content: CardContent): void {
  keepOriginal(card);
  const value = card.querySelector('.card-value');
  if (value) value.textContent = content.value;
  const note = card.querySelector<HTMLElement>('.card-note');
  if (note) {
    note.textContent = content.note ?? '';
    note.hidden = !content.note;
  }
  const list = card.querySelector('.kpi-changes');
  if (list) {
    list.replaceChildren(
      ...content.changes.map(({ change, missing }) => {
        const item = scoped('li', list, change ? `tone-${change.tone}` : 'tone-neutral');
        if (!change) {
          item.append(scoped('span', list, 'kpi-against', missing));
          return item;
        }
        const arrow = scoped('span', list, 'kpi-arrow', ARROWS[change.direction]);
        arrow.setAttribute('aria-hidden', 'true');
        item.append(arrow, ` ${change.text} `, scoped('span', list, 'kpi-against', change.against));
        return item;
      }),
    );
  }
  card.querySelector('.kpi-spark')?.replaceChildren(sparklineChart(content.spark, {}, document));
}

/** Rewrites every figure of the month table, row by row as matched by the month in its header. */
function writeMonthTable(kpis: OverviewMonth[]): void {
  const table = document.querySelector<HTMLTableSectionElement>('[data-filter-table="overview-months"] tbody');
  if (!table) return;
  const byLabel = new Map(monthTableRows(kpis).map((row) => [row.month_label, row as unknown as Record<string, unknown>]));
  keepOriginal(table);
  for (const tr of table.rows) {
    const row = byLabel.get(tr.cells[0]?.textContent?.trim() ?? '');
    if (!row) continue;
    monthTableColumns.forEach((column, i) => {
      const cell = tr.cells[i];
      if (i > 0 && cell) writeCell(cell, row[column.key], formatValue(row[column.key], column.format));
    });
  }
}
