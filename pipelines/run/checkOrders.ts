import type { PipelineConfig } from '../contract/config.ts';
import { formatDate, formatNumber as n } from '../contract/locale.ts';
import type { LoadResult } from '../load/loadExports.ts';
import { QualityFailure } from './failure.ts';

const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));

/**
 * Stops a run whose report would be empty or judged at a date the data does not cover, so it never
 * replaces a good report: no valid invoiced order at all, an --as-of date before the first order, or
 * one long after the last (stale exports). Returns the as-of date the run uses.
 */
export function checkOrdersCoverAsOf(load: LoadResult, config: PipelineConfig): string {
  const { first, last } = load.invoicedOrders;
  if (!load.asOf || !first || !last) throw noOrders(load);
  if (load.asOf < first) {
    throw new QualityFailure(
      `a data de referência --as-of ${load.asOf} (${day(load.asOf)}) é anterior ao primeiro pedido faturado (${day(first)}); o relatório sairia vazio`,
      `use uma data entre ${first} e ${last}, ou omita --as-of para usar a do último pedido`,
    );
  }
  const daysAfter = (Date.parse(load.asOf) - Date.parse(last)) / 86_400_000;
  const margin = config.as_of.max_days_after_last_order;
  if (daysAfter > margin) {
    throw new QualityFailure(
      `a data de referência --as-of ${load.asOf} (${day(load.asOf)}) fica ${n(daysAfter)} dias depois do último pedido faturado (${day(last)}), mais que o limite de ${margin} dias; as exportações parecem desatualizadas e todos os clientes pareceriam perdidos`,
      `exporte os pedidos recentes, use uma data até ${day(last)}, ou aumente "as_of": {"max_days_after_last_order": …} no --config`,
    );
  }
  return load.asOf;
}

function noOrders(load: LoadResult): QualityFailure {
  const files = load.summary.files.filter((f) => f.entity === 'orders');
  const read = files.reduce((sum, f) => sum + f.read - f.empty, 0);
  const rejected = files.reduce((sum, f) => sum + f.rejected, 0);
  const reasons = load.summary.reasons
    .filter((r) => r.severity === 'reject' && files.some((f) => f.file === r.file))
    .sort((a, b) => b.rows - a.rows)
    .slice(0, 3)
    .map((r) => `${r.reason_code} ${n(r.rows)} em ${r.file}`);
  const afterAsOf = files.reduce((sum, f) => sum + f.after_as_of, 0);
  const detail = [
    `${n(read)} linha(s) de pedidos lidas`,
    `${n(rejected)} rejeitada(s)`,
    ...(afterAsOf ? [`${n(afterAsOf)} depois da data de referência`] : []),
  ].join(', ');
  return new QualityFailure(
    `nenhum pedido faturado válido foi carregado (${detail}${reasons.length ? `; principais motivos: ${reasons.join('; ')}` : ''}); o relatório sairia vazio`,
    'confira se o arquivo de pedidos é o certo e se tem pedidos com status faturado; corrija os motivos listados (o README explica cada um)',
  );
}
