import type { APIRoute } from 'astro';
import { customerWindowMonths } from '../../../lib/asOf.ts';
import { loadBalanceData, proposalCsv } from '../../../lib/equilibrio.ts';
import { fieldLabels } from '../../../lib/labels.ts';

/** The whole reassignment proposal for Brazilian Excel, written by the report's one CSV writer (empty without the marts). */
export const GET: APIRoute = async () => {
  const data = await loadBalanceData();
  return new Response(new Uint8Array(proposalCsv(data?.moves ?? [], await fieldLabels('region'), await customerWindowMonths())), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
