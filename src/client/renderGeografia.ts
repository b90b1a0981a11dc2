import { brazilMapChart, describeBrazilMap } from '../charts/brazilMapChart.ts';
import { describeRankedBars, rankedBarChart } from '../charts/rankedBarChart.ts';
import { NO_FILTERED_SALES, geoRegionBars, geoRevenueMap, regionBarRows, revenueMapRows } from '../lib/filterableCharts.ts';
import type { SalesFilter } from '../lib/filterParams.ts';
import { completeMonths, periodWindow } from '../lib/filterPeriods.ts';
import { describeWindow } from '../lib/reportPeriods.ts';
import { filterCells, totalsBy } from '../lib/salesCubeTotals.ts';
import type { SalesCube } from '../lib/salesFilterFile.ts';
import { noSalesNotice, swapChart } from './chartSwap.ts';

/**
 * Geografia: redraws the revenue map and the regions for the filter, over the last 12 complete months
 * unless a period is chosen. The other maps count distinct customers, which the cube cannot re-add.
 */
export function renderFiltered(cube: SalesCube, filter: SalesFilter): string {
  const complete = completeMonths(cube.months, cube.partialMonth);
  const window = periodWindow(filter.period || '12m', complete);
  if (!window) return '';
  const cells = filterCells(cube, filter, window.months);
  const windowText = describeWindow(window);

  const byState = new Map(totalsBy(cells, (cell) => cell.state).map((t) => [t.key, t.revenue]));
  const mapRows = revenueMapRows(cube.states.map((s) => ({ key: s.key, name: s.name, revenue: byState.get(s.key) ?? 0 })));
  const map = geoRevenueMap.options;
  const title = geoRevenueMap.title(windowText);
  swapChart(geoRevenueMap.id, cells.length
    ? {
        wide: brazilMapChart(mapRows, { ...map, ...geoRevenueMap.wide }, document),
        narrow: brazilMapChart(mapRows, { ...map, ...geoRevenueMap.narrow }, document),
        summary: describeBrazilMap(mapRows, map),
        title,
      }
    : { wide: noSalesNotice(), summary: NO_FILTERED_SALES, title });

  // Regions the filter leaves without sales are dropped rather than drawn as empty bars.
  const byRegion = new Map(totalsBy(cells, (cell) => cell.region).map((t) => [t.key, t.revenue]));
  const bars = regionBarRows(cube.regions.map((r) => ({ name: r.label, revenue: byRegion.get(r.key) ?? 0 })).filter((r) => r.revenue !== 0));
  const options = geoRegionBars.options;
  swapChart(geoRegionBars.id, bars.length
    ? {
        wide: rankedBarChart(bars, { ...options, ...geoRegionBars.wide }, document),
        narrow: rankedBarChart(bars, { ...options, ...geoRegionBars.narrow }, document),
        summary: describeRankedBars(bars, options),
      }
    : { wide: noSalesNotice(), summary: NO_FILTERED_SALES });
  return windowText;
}
