import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipelines/contract/config.ts';
import { formatSettingValue, settingName, settingNames } from '../../pipelines/contract/settingNames.ts';

/** Every rule of the configuration as section.field, the way the settings mart names it. */
const rules = Object.entries(defaultConfig).flatMap(([section, fields]) =>
  Object.entries(fields as Record<string, unknown>)
    .filter(([, value]) => typeof value !== 'object' || value === null)
    .map(([field]) => `${section}.${field}`),
);

describe('the Portuguese names of the business rules', () => {
  it('names every rule of the configuration, and no rule the configuration does not have', () => {
    expect(rules.length).toBe(48);
    expect(rules.filter((rule) => !settingName(rule))).toEqual([]);
    expect(Object.keys(settingNames).filter((rule) => !rules.includes(rule))).toEqual([]);
  });

  it('gives each rule a distinct Portuguese name, without codes', () => {
    const names = rules.map((rule) => settingName(rule)!.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => /_|\b[a-z]+\.[a-z]+\b/.test(name) || name.length > 60)).toEqual([]);
  });

  it("names an entity's own reject limit after the export file", () => {
    expect(settingName('rejects.per_entity.leads')?.name).toBe('Máximo de linhas rejeitadas no arquivo de leads');
    expect(settingName('rejects.per_entity.nothing')).toBeUndefined();
  });

  it("writes values in the rule's unit, the Brazilian way", () => {
    expect(formatSettingValue('abc.a_share', '0.8')).toBe('80%');
    expect(formatSettingValue('rejects.max_share', '0.05')).toBe('5%');
    // 0.055 × 100 = 5.5: one decimal kept
    expect(formatSettingValue('rejects.max_share', '0.055')).toBe('5,5%');
    expect(formatSettingValue('customer_value.monthly_discount_rate', '0.01')).toBe('1%');
    expect(formatSettingValue('lifecycle.active_multiplier', '1.5')).toBe('1,5×');
    expect(formatSettingValue('lifecycle.new_days', '90')).toBe('90 dias');
    expect(formatSettingValue('lifecycle.single_purchase_rhythm_days', '1')).toBe('1 dia');
    expect(formatSettingValue('windows.segmentation_months', '12')).toBe('12 meses');
    expect(formatSettingValue('opportunities.min_value_at_stake', '1000')).toBe('R$\u00a01.000');
    expect(formatSettingValue('clusters.silhouette_sample', '2000')).toBe('2.000 clientes');
    expect(formatSettingValue('opportunities.size_factor_min', '0.25')).toBe('0,25');
    expect(formatSettingValue('privacy.pseudonymize_person_names', 'true')).toBe('Sim');
    expect(formatSettingValue('privacy.pseudonymize_seller_names', 'false')).toBe('Não');
  });

  it('leaves a missing value empty and a value that is not a number as it is', () => {
    expect(formatSettingValue('rejects.per_entity.leads', null)).toBe('');
    expect(formatSettingValue('abc.a_share', 'abc')).toBe('abc');
  });
});
