import { formatMonth } from '../../pipelines/contract/locale.ts';
import { describeRevenueTrend, revenueTrendChart, type RevenueMonth } from '../charts/revenueTrendChart.ts';
import { NO_FILTERED_SALES, overviewTrend } from '../lib/filterableCharts.ts';
import type { SalesFilter } from '../lib/filterParams.ts';
import { completeMonths, includesPartialMonth, periodWindow } from '../lib/filterPeriods.ts';
import { describeWindow, monthIndex } from '../lib/reportPeriods.ts';
import { filterCells, totalsByMonth } from '../lib/salesCubeTotals.ts';
import type { SalesCube } from '../lib/salesFilterFile.ts';
import { noSalesNotice, swapChart } from './chartSwap.ts';

/**
 * Visão geral: redraws the revenue trend for the filter with the same chart function the build used.
 * Without a period the page shows the whole history, the month still running included.
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
  swapChart(overviewTrend.id, cells.length
    ? {
        wide: revenueTrendChart(rows, overviewTrend.wide, document),
        narrow: revenueTrendChart(rows.slice(-overviewTrend.narrowMonths), overviewTrend.narrow, document),
        summary: describeRevenueTrend(rows),
      }
    : { wide: noSalesNotice(), summary: NO_FILTERED_SALES });
  const text = window ? describeWindow(window) : '';
  return partial ? `${text}${text ? ' e ' : ''}${formatMonth(partial)} (em curso)` : text;
}
