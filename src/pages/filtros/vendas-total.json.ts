import type { APIRoute } from 'astro';
import { loadSalesFilterFiles } from '../../lib/salesFilterData.ts';

/** The filter data summed over sellers (see salesFilterFile.ts): what a filter without a seller fetches. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await loadSalesFilterFiles())?.summed ?? null), { headers: { 'content-type': 'application/json; charset=utf-8' } });
