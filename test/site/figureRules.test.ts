import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipelines/contract/config.ts';
import { abcRule, atRiskRule, paretoRule, renewalRateRule, retainRule, retainVersusAtRisk } from '../../src/lib/figureRules.ts';
import type { RunSettings } from '../../src/lib/settings.ts';

/** The run's settings as loadRunSettings gives them: the defaults with `changed` overriding some rules. */
function settings(changed: Record<string, number> = {}): RunSettings {
  const defaults = defaultConfig as unknown as Record<string, Record<string, number>>;
  const value = (key: string) => {
    const [section, field] = key.split('.');
    return changed[key] ?? defaults[section!]![field!]!;
  };
  return { number: value, isDefault: (key) => !(key in changed) };
}

const PERIOD = 'últimos 12 meses (21/11/2025 a 20/11/2026)';

describe('the definitions shown beside the figures', () => {
  it('counts Pareto up to the customer crossing 80% of the period revenue', () => {
    expect(paretoRule(PERIOD, 368, 1570)).toBe(
      '80% do faturamento dos últimos 12 meses (21/11/2025 a 20/11/2026) vem de 368 dos 1.570 clientes que compraram: ' +
        'contados do maior para o menor, até o que faz o faturamento acumulado passar de 80% (a régua fixa da regra 80/20).',
    );
  });

  it('states the default ABC cut-offs and that class A then equals the Pareto count', () => {
    expect(abcRule(settings(), PERIOD, 368, 368)).toBe(
      'Clientes ordenados pelo faturamento dos últimos 12 meses (21/11/2025 a 20/11/2026): classe A até o cliente que faz o acumulado ' +
        'passar de 80%, B até 95%, C o restante (valores padrão). Com o corte A em 80%, a classe A e o Pareto contam os mesmos clientes.',
    );
  });

  it('states a configured class A cut and why class A then differs from Pareto', () => {
    const text = abcRule(settings({ 'abc.a_share': 0.725 }), PERIOD, 301, 368);
    expect(text).toContain('passar de 72,5%, B até 95%, C o restante (valores configurados)');
    expect(text).toContain('A classe A (301 clientes) difere do Pareto (368) porque o corte A é 72,5%, e o Pareto mede sempre até 80%.');
  });

  it('states the rhythm rule with the configured multipliers and floors', () => {
    expect(atRiskRule(settings())).toBe(
      'Em risco (ritmo) = sem comprar há mais de 1,5 vezes o intervalo habitual e há mais de 30 dias, até 3 vezes o intervalo ou 180 dias ' +
        '(o que for maior); inativo = além disso, até 4 vezes ou 365 dias (valores padrão).',
    );
    const changed = atRiskRule(settings({ 'lifecycle.active_multiplier': 2, 'lifecycle.at_risk_floor_days': 200 }));
    expect(changed).toContain('mais de 2 vezes o intervalo habitual e há mais de 30 dias, até 3 vezes o intervalo ou 200 dias');
    expect(changed).toContain('(valores configurados)');
  });

  it('states who is to retain with the configured band and minimum value at stake', () => {
    expect(retainRule(settings(), true)).toBe(
      'A reter = clientes da carteira ativa com risco de churn médio ou alto (chance de seguir ativo abaixo de 70% pelo modelo BG/NBD) ' +
        'e valor em jogo de pelo menos R$\u00a01.000 (valor padrão).',
    );
    expect(retainRule(settings({ 'opportunities.min_value_at_stake': 2500, 'customer_value.churn_risk_medium_below': 0.6 }), true)).toContain(
      'abaixo de 60% pelo modelo BG/NBD) e valor em jogo de pelo menos R$\u00a02.500 (valor configurado).',
    );
    expect(retainRule(settings(), false)).toBe(
      'A reter = clientes da carteira ativa em risco pelo ritmo e com valor em jogo de pelo menos R$\u00a01.000 (valor padrão).',
    );
    expect(retainVersusAtRisk(276, 61, true)).toMatch(/^Por isso os 276 clientes em risco pelo ritmo não são os 61 a reter/);
  });

  it('gives the renewal rate without and with cancellations, with the configured grace days', () => {
    // 2 renewed, 2 not renewed, 2 canceled: 2 ÷ 4 = 50,0% and 2 ÷ 6 = 33,3%
    expect(renewalRateRule(settings({ 'windows.renewal_grace_days': 20 }), 0.5, 1 / 3)).toBe(
      'Taxa de renovação: 50,0% = renovados ÷ (renovados + não renovados); cancelados e os ainda na carência de 20 dias ficam fora da base. ' +
        'Contando os cancelados como não renovados: 33,3%.',
    );
  });
});
