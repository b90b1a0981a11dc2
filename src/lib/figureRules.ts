import { formatBRLAmount, formatCount, formatNumber, formatShare } from '../../pipelines/contract/locale.ts';
import type { RunSettings } from './settings.ts';

/**
 * One definition per figure, in the words shown beside it: what a count counts and why it differs from the
 * figure next to it. Every threshold comes from the run's settings (the --config file or its defaults).
 */

/** A configured share as a percent, with a decimal only when it has one: "80%", "82,5%". */
export const configuredPercent = (share: number): string => formatShare(share, { digits: Number.isInteger(Math.round(share * 1000) / 10) ? 0 : 1 });

/** A configured multiplier or day count, with a decimal only when it has one: "3", "1,5". */
const configuredNumber = (value: number): string => formatNumber(value, { digits: Number.isInteger(value) ? 0 : 1 });

/** Whether the rules' values are the defaults or the run's own configuration: "valores padrão", "valor configurado". */
const source = (settings: RunSettings, ...keys: string[]): string => {
  const noun = keys.length > 1 ? 'valores' : 'valor';
  return keys.every((key) => settings.isDefault(key)) ? `${noun} padrão` : `${noun} ${keys.length > 1 ? 'configurados' : 'configurado'}`;
};

/** Pareto: the customers behind 80% of the window's revenue, up to the one crossing it. */
export function paretoRule(period: string, customers: number, buyers: number): string {
  return (
    `80% do faturamento dos ${period} vem de ${formatNumber(customers)} dos ${formatNumber(buyers)} clientes que compraram: ` +
    'contados do maior para o menor, até o que faz o faturamento acumulado passar de 80% (a régua fixa da regra 80/20).'
  );
}

/** ABC: the configured cut-offs, and why class A matches the Pareto count or not. */
export function abcRule(settings: RunSettings, period: string, classA: number | null, pareto: number | null): string {
  const a = settings.number('abc.a_share');
  const b = settings.number('abc.b_share');
  const rule =
    `Clientes ordenados pelo faturamento dos ${period}: classe A até o cliente que faz o acumulado passar de ${configuredPercent(a)}, ` +
    `B até ${configuredPercent(b)}, C o restante (${source(settings, 'abc.a_share', 'abc.b_share')}).`;
  if (classA === null || pareto === null) return rule;
  if (classA === pareto) return `${rule} Com o corte A em ${configuredPercent(a)}, a classe A e o Pareto contam os mesmos clientes.`;
  return (
    `${rule} A classe A (${formatCount(classA, 'cliente', 'clientes')}) difere do Pareto (${formatNumber(pareto)}) porque o corte A é ` +
    `${configuredPercent(a)}, e o Pareto mede sempre até 80%.`
  );
}

const LIFECYCLE_KEYS = ['active_multiplier', 'active_floor_days', 'at_risk_multiplier', 'at_risk_floor_days', 'inactive_multiplier', 'inactive_floor_days'];

/** The rhythm-based at-risk status (lifecycle rules), as the Carteira page counts it. */
export function atRiskRule(settings: RunSettings): string {
  const n = (key: string) => configuredNumber(settings.number(`lifecycle.${key}`));
  return (
    `Em risco (ritmo) = sem comprar há mais de ${n('active_multiplier')} vezes o intervalo habitual e há mais de ${n('active_floor_days')} dias, ` +
    `até ${n('at_risk_multiplier')} vezes o intervalo ou ${n('at_risk_floor_days')} dias (o que for maior); ` +
    `inativo = além disso, até ${n('inactive_multiplier')} vezes ou ${n('inactive_floor_days')} dias ` +
    `(${source(settings, ...LIFECYCLE_KEYS.map((key) => `lifecycle.${key}`))}).`
  );
}

/** Who is on the list of customers to retain (action_list, action retain). */
export function retainRule(settings: RunSettings, fitted: boolean): string {
  const minValue = `${formatBRLAmount(settings.number('opportunities.min_value_at_stake'))} (${source(settings, 'opportunities.min_value_at_stake')})`;
  return fitted
    ? `A reter = clientes da carteira ativa com risco de churn médio ou alto (chance de seguir ativo abaixo de ` +
        `${configuredPercent(settings.number('customer_value.churn_risk_medium_below'))} pelo modelo BG/NBD) e valor em jogo de pelo menos ${minValue}.`
    : `A reter = clientes da carteira ativa em risco pelo ritmo e com valor em jogo de pelo menos ${minValue}.`;
}

/** Why the at-risk count and the to-retain count differ, with both figures. */
export function retainVersusAtRisk(atRisk: number, retain: number, fitted: boolean): string {
  return fitted
    ? `Por isso os ${formatNumber(atRisk)} clientes em risco pelo ritmo não são os ${formatNumber(retain)} a reter: o ritmo conta todo ` +
        'atraso, sem modelo nem valor mínimo.'
    : `Por isso os ${formatNumber(atRisk)} clientes em risco pelo ritmo não são os ${formatNumber(retain)} a reter: a lista deixa de fora ` +
        'os de valor em jogo pequeno.';
}

/** The renewal rate of the contracts ended in the look-back days, with and without the cancellations in its base. */
export function renewalRateRule(settings: RunSettings, rate: number | null, withCancellations: number | null): string {
  const grace = configuredNumber(settings.number('windows.renewal_grace_days'));
  const parts = [
    rate === null
      ? 'Nenhum contrato decidido ainda (renovado ou não renovado).'
      : `Taxa de renovação: ${formatShare(rate)} = renovados ÷ (renovados + não renovados); cancelados e os ainda na carência de ${grace} dias ficam fora da base.`,
  ];
  if (withCancellations !== null) parts.push(`Contando os cancelados como não renovados: ${formatShare(withCancellations)}.`);
  return parts.join(' ');
}
