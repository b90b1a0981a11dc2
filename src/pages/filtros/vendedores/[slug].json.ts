import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSalesFilterFiles } from '../../../lib/salesFilterData.ts';
import type { SalesFilterFile } from '../../../lib/salesFilterFile.ts';

/** One seller's filter data (see salesFilterFile.ts): what a filter on that seller fetches. */
export const getStaticPaths = (async () => {
  const files = await loadSalesFilterFiles();
  return [...(files?.bySeller.values() ?? [])].map(({ slug, file }) => ({ params: { slug }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { file: SalesFilterFile }).file), { headers: { 'content-type': 'application/json; charset=utf-8' } });
