import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSellersData } from '../../../lib/vendedores.ts';
import { workListCsv } from '../../../lib/workList.ts';

/** One work-list CSV per seller page, only when the pipeline published an action list. */
export const getStaticPaths = (async () => {
  const data = await loadSellersData();
  if (!data?.workLists) return [];
  return data.sellers.filter((s) => s.slug).map((s) => ({ params: { id: s.slug! }, props: { sellerId: s.id } }));
}) satisfies GetStaticPaths;

/** The seller's whole work list for Brazilian Excel, written by the report's one CSV writer. */
export const GET: APIRoute = async ({ props }) => {
  const data = (await loadSellersData())!;
  const rows = data.workLists?.get(props.sellerId as string | null) ?? [];
  return new Response(new Uint8Array(workListCsv(rows, data.labels.action)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
