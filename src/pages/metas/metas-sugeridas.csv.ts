import type { APIRoute } from 'astro';
import { loadTargetsData, suggestionsCsv } from '../../lib/metas.ts';
import { loadSellersData, sellerLinks } from '../../lib/vendedores.ts';

/** Next month's suggested targets for Brazilian Excel; an empty sheet (header only) when the mart is missing. */
export const GET: APIRoute = async () => {
  const { suggestions } = await loadTargetsData();
  const seller = sellerLinks(await loadSellersData(), '');
  return new Response(new Uint8Array(suggestionsCsv(suggestions, (id) => seller.name(id))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
