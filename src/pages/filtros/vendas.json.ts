import type { APIRoute } from 'astro';
import { loadSalesFilterData } from '../../lib/salesFilterData.ts';

/**
 * The sales cube the filters re-aggregate in the browser, every seller cell by cell (see salesFilterFile.ts),
 * written once at build time. Pages only fetch filter data when a reader first touches a filter. `null`
 * when there is no sales_cube mart: the pages then draw no filter bar.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await loadSalesFilterData()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
