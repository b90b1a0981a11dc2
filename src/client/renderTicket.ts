import { describeMonthlyTrend, monthlyTrendChart } from '../charts/monthlyTrendChart.ts';
import { describeRankedBars, rankedBarChart } from '../charts/rankedBarChart.ts';
import {
  NO_FILTERED_SALES,
  ticketCutBars,
  ticketCutId,
  ticketCutOptions,
  ticketCutSizes,
  ticketCutTitle,
  ticketCuts,
  ticketTrend,
  type TicketDimension,
} from '../lib/filterableCharts.ts';
import type { SalesFilter } from '../lib/filterParams.ts';
import { completeMonths, periodWindow } from '../lib/filterPeriods.ts';
import { describeWindow, type MonthWindow } from '../lib/reportPeriods.ts';
import { filterCells, salesTotals, totalsBy, totalsByMonth } from '../lib/salesCubeTotals.ts';
import type { CubeCell, FilterEntry, SalesCube } from '../lib/salesFilterFile.ts';
import { noSalesNotice, swapChart } from './chartSwap.ts';

type CutDimension = Exclude<TicketDimension, 'category'>;

const keyOf: Record<CutDimension, (cell: CubeCell) => string | null> = {
  segment: (cell) => cell.segment,
  state: (cell) => cell.state,
  seller: (cell) => cell.seller,
};

const labels = (entries: FilterEntry[]) => new Map(entries.map((entry) => [entry.key, entry.label]));

/** Redraws the monthly ticket trend. Months without orders have no ticket and are left as gaps, never drawn as zero. */
function renderTrend(cube: SalesCube, filter: SalesFilter, window: MonthWindow): void {
  const cells = filterCells(cube, filter, window.months);
  const rows = totalsByMonth(cells, window.months)
    .filter((t) => t.avgTicket !== null)
    .map((t) => ({ month: t.month, avg_ticket: t.avgTicket }));
  swapChart(
    ticketTrend.id,
    rows.length
      ? {
          wide: monthlyTrendChart(rows, ticketTrend.wide, document),
          narrow: monthlyTrendChart(rows, ticketTrend.narrow, document),
          summary: describeMonthlyTrend(rows, ticketTrend.wide),
        }
      : { wide: noSalesNotice(), summary: NO_FILTERED_SALES },
  );
}

/** Redraws the cuts by segment, UF and seller; the category cut stays as built (the file has no categories). */
function renderCuts(cube: SalesCube, filter: SalesFilter, window: MonthWindow): void {
  const cells = filterCells(cube, filter, window.months);
  const overall = salesTotals(cells).avgTicket;
  const names: Record<CutDimension, Map<string | null, string>> = {
    segment: labels(cube.segments),
    state: labels(cube.states),
    seller: labels(cube.sellers),
  };
  for (const section of ticketCuts) {
    if (section.dimension === 'category') continue;
    const dimension = section.dimension;
    const rows = totalsBy(cells, keyOf[dimension]);
    const bars = ticketCutBars(rows, (cut) => names[dimension].get(cut.key) ?? cut.key ?? '');
    const options = ticketCutOptions(dimension, overall);
    const title = ticketCutTitle(section, describeWindow(window), rows.length);
    swapChart(
      ticketCutId(section),
      bars.length
        ? {
            wide: rankedBarChart(bars, { ...options, ...ticketCutSizes.wide }, document),
            narrow: rankedBarChart(bars, { ...options, ...ticketCutSizes.narrow }, document),
            summary: describeRankedBars(bars, options),
            title,
          }
        : { wide: noSalesNotice(), summary: NO_FILTERED_SALES, title },
    );
  }
}

/**
 * Ticket médio: without a period the monthly chart keeps the whole history and the cuts the last 12
 * complete months, as the build drew them; a chosen period applies to both.
 */
export function renderFiltered(cube: SalesCube, filter: SalesFilter): string {
  const complete = completeMonths(cube.months, cube.partialMonth);
  const trendWindow = periodWindow(filter.period || 'tudo', complete);
  const cutWindow = periodWindow(filter.period || '12m', complete);
  if (trendWindow) renderTrend(cube, filter, trendWindow);
  if (cutWindow) renderCuts(cube, filter, cutWindow);
  const trendText = trendWindow ? describeWindow(trendWindow) : '';
  const cutText = cutWindow ? describeWindow(cutWindow) : '';
  return trendText === cutText ? trendText : `gráfico mensal ${trendText}; cortes ${cutText}`;
}
