import { formatBRLCompact, formatMonth, formatNumber, formatShare } from '../../pipelines/contract/locale.ts';
import { brazilMapChart, describeBrazilMap } from '../charts/brazilMapChart.ts';
import { describeRankedBars, rankedBarChart } from '../charts/rankedBarChart.ts';
import {
  NO_FILTERED_SALES,
  geoRegionBars,
  geoRevenueMap,
  geoSmallMapSize,
  geoSmallMaps,
  regionBarRows,
  revenueMapRows,
  smallMapRows,
} from '../lib/filterableCharts.ts';
import {
  byRevenue,
  geographyTableColumns,
  summarizeRegions,
  summarizeStates,
  type AreaSummary,
  type GeographyLabels,
  type TableColumn,
} from '../lib/geographySummary.ts';
import { formatValue } from '../lib/formatValue.ts';
import type { FieldLabels } from '../lib/labels.ts';
import type { SalesFilter } from '../lib/filterParams.ts';
import { completeMonths, periodWindow } from '../lib/filterPeriods.ts';
import { describeWindow, trailingWindow, type MonthWindow } from '../lib/reportPeriods.ts';
import { filterCells, filteredGeographyMonths, totalsBy } from '../lib/salesCubeTotals.ts';
import type { FilterEntry, SalesCube } from '../lib/salesFilterFile.ts';
import { writeCell } from '../lib/tableSort.ts';
import { keepOriginal, noSalesNotice, swapChart } from './chartSwap.ts';

/**
 * Geografia: redraws the cards, the revenue map, the regions and the small maps for the filter, over the
 * last 12 complete months unless a period is chosen. The tables stay as built (marked so on the page).
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
  swapChart(
    geoRevenueMap.id,
    cells.length
      ? {
          wide: brazilMapChart(mapRows, { ...map, ...geoRevenueMap.wide }, document),
          narrow: brazilMapChart(mapRows, { ...map, ...geoRevenueMap.narrow }, document),
          summary: describeBrazilMap(mapRows, map),
          title,
        }
      : { wide: noSalesNotice(), summary: NO_FILTERED_SALES, title },
  );

  // Regions the filter leaves without sales are dropped rather than drawn as empty bars.
  const byRegion = new Map(totalsBy(cells, (cell) => cell.region).map((t) => [t.key, t.revenue]));
  const bars = regionBarRows(cube.regions.map((r) => ({ name: r.label, revenue: byRegion.get(r.key) ?? 0 })).filter((r) => r.revenue !== 0));
  const options = geoRegionBars.options;
  swapChart(
    geoRegionBars.id,
    bars.length
      ? {
          wide: rankedBarChart(bars, { ...options, ...geoRegionBars.wide }, document),
          narrow: rankedBarChart(bars, { ...options, ...geoRegionBars.narrow }, document),
          summary: describeRankedBars(bars, options),
        }
      : { wide: noSalesNotice(), summary: NO_FILTERED_SALES },
  );

  renderSummaries(cube, filter, window);
  // The tables keep their own windows (the last 12 complete months and the last one), whatever the period.
  const year = periodWindow('12m', complete);
  if (year) renderTables(cube, filter, year);
  return windowText;
}

/** The labels the summaries need, from the file's dictionaries (built from the same labels mart). */
function dictionaryLabels(entries: FilterEntry[], name: (entry: FilterEntry) => string): FieldLabels {
  const byKey = new Map(entries.map((entry) => [entry.key, name(entry)]));
  return { order: entries.flatMap((entry) => (entry.key === null ? [] : [entry.key])), label: (key) => byKey.get(key ?? null) ?? key ?? 'Não informado' };
}

/** Labels of the UF and region keys, from the filter file. */
function geographyLabels(cube: SalesCube): GeographyLabels {
  return {
    state: dictionaryLabels(cube.states, (entry) => cube.states.find((s) => s.key === entry.key)?.name ?? entry.label),
    region: dictionaryLabels(cube.regions, (entry) => entry.label),
  };
}

/** The three tables, each row rewritten in place and the UF tables put back in order of revenue. */
function renderTables(cube: SalesCube, filter: SalesFilter, year: MonthWindow): void {
  const labels = geographyLabels(cube);
  const month = trailingWindow(year.last, 1);
  const { yearColumns, monthColumns, regionColumns } = geographyTableColumns(formatMonth(year.last));
  const yearRows = filteredGeographyMonths(cube, filter, year.months);
  const { regions, country } = summarizeRegions(yearRows, year, labels);
  writeTable('geo-regions', [...regions, country], regionColumns, false);
  writeTable('geo-states-year', summarizeStates(yearRows, year, labels).sort(byRevenue), yearColumns, true);
  writeTable('geo-states-month', summarizeStates(filteredGeographyMonths(cube, filter, month.months), month, labels).sort(byRevenue), monthColumns, true);
}

const NOTHING: AreaSummary = {
  key: null,
  name: '',
  region: null,
  regionName: '',
  revenue: 0,
  revenueShare: 0,
  orders: 0,
  avgTicket: null,
  portfolio: 0,
  portfolioBuying: 0,
  coveragePct: null,
  activeEnd: 0,
  newCustomers: 0,
  buyingLastMonth: 0,
};

const cellText = (column: TableColumn, row: AreaSummary): string => {
  const record = row as unknown as Record<string, unknown>;
  return typeof column.format === 'function' ? column.format(record[column.key], record) : formatValue(record[column.key], column.format);
};

/** Rewrites a DataTable's cells, row by row as matched by the name in its first column (text only). */
function writeTable(name: string, rows: AreaSummary[], columns: TableColumn[], reorder: boolean): void {
  const body = document.querySelector<HTMLTableSectionElement>(`[data-filter-table="${name}"] tbody`);
  if (!body) return;
  keepOriginal(body);
  const byName = new Map(rows.map((row) => [cellText(columns[0]!, row), row]));
  const order = new Map(rows.map((row, i) => [cellText(columns[0]!, row), i]));
  const trs = [...body.rows];
  for (const tr of trs) {
    // A row the filter leaves without data (the UF not informed, a region without customers) reads zero.
    const row = byName.get(tr.cells[0]?.textContent?.trim() ?? '') ?? NOTHING;
    columns.forEach((column, i) => {
      const cell = tr.cells[i];
      // Names stay as built; only the figures change.
      if (i > 0 && cell && column.format !== 'text') writeCell(cell, (row as unknown as Record<string, unknown>)[column.key], cellText(column, row));
    });
  }
  if (reorder) {
    const rank = (tr: HTMLTableRowElement) => order.get(tr.cells[0]?.textContent?.trim() ?? '') ?? rows.length;
    body.append(...trs.sort((a, b) => rank(a) - rank(b)));
  }
}

/** The cards and the small maps, from the same summaries as the build (geographySummary.ts) over the filtered rows. */
function renderSummaries(cube: SalesCube, filter: SalesFilter, window: MonthWindow): void {
  const labels = geographyLabels(cube);
  const rows = filteredGeographyMonths(cube, filter, window.months);
  const states = summarizeStates(rows, window, labels);
  const { regions, country } = summarizeRegions(rows, window, labels);
  const ufs = states.filter((s) => s.key !== null);
  const leader = (areas: AreaSummary[]) => areas.filter((a) => a.key !== null && a.revenue > 0).sort((a, b) => b.revenue - a.revenue)[0];
  const topState = leader(ufs);
  const topRegion = leader(regions);
  const none = 'sem vendas com estes filtros';
  writeCard('revenue', formatBRLCompact(country.revenue), describeWindow(window), filter.period ? 'Faturamento no período' : undefined);
  writeCard('state', topState?.key ?? '—', topState ? `${formatShare(topState.revenueShare)} do faturamento` : none);
  writeCard('region', topRegion?.name ?? '—', topRegion ? `${formatShare(topRegion.revenueShare)} do faturamento` : none);
  writeCard('states', `${formatNumber(ufs.filter((s) => s.orders > 0).length)} de 27`, 'no período');

  const lastText = formatMonth(window.last);
  for (const map of geoSmallMaps) {
    const mapRows = smallMapRows(states, map.value);
    swapChart(map.id, {
      wide: brazilMapChart(mapRows, { ...map.options, ...geoSmallMapSize }, document),
      summary: describeBrazilMap(mapRows, map.options),
      title: map.title(lastText),
    });
  }
}

/** Rewrites a summary card's figures in place (text only); a card the build left out stays out. */
function writeCard(name: string, value: string, note: string, label?: string): void {
  const card = document.querySelector<HTMLElement>(`[data-geo-card="${name}"]`);
  if (!card) return;
  keepOriginal(card);
  const set = (selector: string, text: string | undefined) => {
    const element = card.querySelector(selector);
    if (element && text !== undefined) element.textContent = text;
  };
  set('.card-value', value);
  set('.card-note', note);
  set('.card-label', label);
}
