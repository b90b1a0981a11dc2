import type { APIRoute } from 'astro';
import { loadSellersData, sellerHref } from '../lib/vendedores.ts';

/**
 * The pages of the printed report (`npm run build -- --pdf` writes them to relatorio.pdf): the overview,
 * then each seller's page in name order. Paths are relative to the site's root.
 */
export const GET: APIRoute = async () => {
  const data = await loadSellersData();
  const sellers = (data?.sellers ?? []).map((seller) => sellerHref('', seller)).filter((href): href is string => href !== null);
  return new Response(JSON.stringify({ pages: ['/', ...sellers] }), { headers: { 'Content-Type': 'application/json' } });
};
