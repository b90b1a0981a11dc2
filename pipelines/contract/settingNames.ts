import { entity, type EntityName } from './entities.ts';
import { formatBRLAmount, formatNumber } from './locale.ts';

/**
 * The Portuguese name and unit of every business rule of the configuration (config.ts), for readers of the
 * settings download: "Parcela acumulada da classe A: 80%" rather than "abc.a_share: 0.8". The settings mart
 * keeps the codes and the values as the --config file spells them; the Excel CSV shows these names and
 * values written the Brazilian way. Every rule must have a name here (test/site/settingNames.test.ts).
 */

/** How a rule's value reads: a share (0-1) as a percentage, days, months, reais, a yes/no, or a plain number. */
export type SettingUnit = 'share' | 'days' | 'months' | 'orders' | 'customers' | 'count' | 'brl' | 'times' | 'number' | 'flag';

/** Rule → [Portuguese name, unit]. Names at most 60 characters, read beside the value. */
export const settingNames: Readonly<Record<string, readonly [string, SettingUnit]>> = {
  'abc.a_share': ['Classe A: até esta parcela do faturamento acumulado', 'share'],
  'abc.b_share': ['Classe B: até esta parcela do faturamento acumulado', 'share'],
  'as_of.max_days_after_last_order': ['Data de referência: máximo após o último pedido', 'days'],
  'balance.max_moved_share': ['Equilíbrio: máximo de clientes a mudar de vendedor', 'share'],
  'balance.overload_tolerance_share': ['Equilíbrio: carga tolerada acima da média da região', 'share'],
  'clusters.k': ['Carteirização: número de grupos (0 = o melhor)', 'count'],
  'clusters.max_k': ['Carteirização: máximo de grupos testados', 'count'],
  'clusters.min_k': ['Carteirização: mínimo de grupos testados', 'count'],
  'clusters.profile_weight': ['Carteirização: peso do perfil (segmento, região, porte)', 'number'],
  'clusters.silhouette_sample': ['Carteirização: clientes na amostra da silhueta', 'customers'],
  'customer_value.churn_risk_high_below': ['Risco alto de churn: chance de seguir ativo abaixo de', 'share'],
  'customer_value.churn_risk_medium_below': ['Risco médio de churn: chance de seguir ativo abaixo de', 'share'],
  'customer_value.min_history_days': ['Modelo de recompra: histórico mínimo', 'days'],
  'customer_value.min_repeat_buyers': ['Modelo de recompra: mínimo de clientes com recompra', 'customers'],
  'customer_value.monthly_discount_rate': ['Valor do cliente (CLV): desconto ao mês', 'share'],
  'lifecycle.active_floor_days': ['Em risco: mínimo de dias sem comprar', 'days'],
  'lifecycle.active_multiplier': ['Em risco: vezes o intervalo habitual sem comprar', 'times'],
  'lifecycle.at_risk_floor_days': ['Inativo: mínimo de dias sem comprar', 'days'],
  'lifecycle.at_risk_multiplier': ['Inativo: vezes o intervalo habitual sem comprar', 'times'],
  'lifecycle.inactive_floor_days': ['Perdido: mínimo de dias sem comprar', 'days'],
  'lifecycle.inactive_multiplier': ['Perdido: vezes o intervalo habitual sem comprar', 'times'],
  'lifecycle.new_days': ['Novo: primeira compra há no máximo', 'days'],
  'lifecycle.single_purchase_rhythm_days': ['Ritmo de quem comprou num só dia', 'days'],
  'opportunities.action_horizon_months': ['Lista de trabalho: meses de valor em jogo', 'months'],
  'opportunities.holdout_months': ['Oportunidades: meses escondidos na verificação', 'months'],
  'opportunities.max_suggestions': ['Oportunidades: sugestões por cliente', 'count'],
  'opportunities.min_category_buyers': ['Oportunidades: mínimo de semelhantes na categoria', 'customers'],
  'opportunities.min_peer_share': ['Cross-sell: parcela mínima dos semelhantes que compram', 'share'],
  'opportunities.min_peers': ['Oportunidades: mínimo de semelhantes no grupo', 'customers'],
  'opportunities.min_value_at_stake': ['Lista de trabalho: valor em jogo mínimo', 'brl'],
  'opportunities.reactivate_max_days_silent': ['Reativar: no máximo estes dias sem comprar', 'days'],
  'opportunities.revenue_tiers': ['Oportunidades: faixas de gasto sem porte', 'count'],
  'opportunities.size_factor_max': ['Oportunidades: fator de tamanho máximo', 'number'],
  'opportunities.size_factor_min': ['Oportunidades: fator de tamanho mínimo', 'number'],
  'opportunities.upsell_below_share': ['Upsell: gasto abaixo desta parcela dos semelhantes', 'share'],
  'opportunities.window_months': ['Oportunidades: meses de gasto medidos', 'months'],
  'privacy.pseudonymize_person_names': ['Pseudônimo no nome de pessoas físicas', 'flag'],
  'privacy.pseudonymize_seller_names': ['Pseudônimo no nome dos vendedores', 'flag'],
  'products.trend_months': ['Produtos perdendo compradores: meses comparados', 'months'],
  'rejects.max_share': ['Máximo de linhas rejeitadas por arquivo', 'share'],
  'rfm.frequency_2_min_orders': ['RFM: pedidos para frequência 2', 'orders'],
  'rfm.frequency_3_min_orders': ['RFM: pedidos para frequência 3', 'orders'],
  'rfm.frequency_4_min_orders': ['RFM: pedidos para frequência 4', 'orders'],
  'rfm.frequency_5_min_orders': ['RFM: pedidos para frequência 5', 'orders'],
  'windows.renewal_grace_days': ['Renovações: carência após o fim do contrato', 'days'],
  'windows.renewal_horizon_days': ['Renovações: contratos que vencem em até', 'days'],
  'windows.renewal_lookback_days': ['Renovações: contratos encerrados há até', 'days'],
  'windows.segmentation_months': ['RFM, ABC e Pareto: meses analisados', 'months'],
};

/** One entity's own reject limit: rejects.per_entity.<entity>. */
const PER_ENTITY = /^rejects\.per_entity\.([a-z_]+)$/;

/** A rule's Portuguese name and unit; undefined for a rule this file does not know. */
export function settingName(setting: string): { name: string; unit: SettingUnit } | undefined {
  const known = settingNames[setting];
  if (known) return { name: known[0], unit: known[1] };
  const perEntity = PER_ENTITY.exec(setting);
  if (!perEntity) return undefined;
  let label: string;
  try {
    label = entity(perEntity[1] as EntityName).label_pt;
  } catch {
    return undefined;
  }
  return { name: `Máximo de linhas rejeitadas no arquivo de ${label}`, unit: 'share' };
}

/**
 * A rule's value (as the settings mart stores it: the --config text, "0.8", "true") written for a reader:
 * "80%", "90 dias", "R$ 1.000", "Sim". A value that does not read as its unit is returned as it is.
 */
export function formatSettingValue(setting: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const unit = settingName(setting)?.unit ?? 'number';
  if (unit === 'flag') return value === 'true' ? 'Sim' : value === 'false' ? 'Não' : value;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return value;
  const decimals = (x: number) => Math.min(4, (String(x).split('.')[1] ?? '').length);
  const count = (one: string, many: string) => `${formatNumber(n, { digits: decimals(n) })} ${n === 1 ? one : many}`;
  switch (unit) {
    case 'share':
      return `${formatNumber(n * 100, { digits: decimals(Math.round(n * 1e6) / 1e4) })}%`;
    case 'days':
      return count('dia', 'dias');
    case 'months':
      return count('mês', 'meses');
    case 'orders':
      return count('pedido', 'pedidos');
    case 'customers':
      return count('cliente', 'clientes');
    case 'brl':
      return formatBRLAmount(n);
    case 'times':
      return `${formatNumber(n, { digits: decimals(n) })}×`;
    case 'count':
    case 'number':
      return formatNumber(n, { digits: decimals(n) });
  }
}
