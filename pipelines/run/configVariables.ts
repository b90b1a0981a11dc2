import { defaultConfig, type PipelineConfig } from '../contract/config.ts';
import { sqlString } from '../warehouse/database.ts';

/**
 * Hands the as-of date and every configured threshold to the SQL models as DuckDB variables, read
 * there with getvariable('name'), so the SQL holds no magic numbers.
 */
export function configVariablesSql(config: PipelineConfig, asOf: string): string {
  const variables: Record<string, string> = { as_of_date: `DATE ${sqlString(asOf)}` };
  for (const { group, key, value } of settingsOf(config)) {
    variables[`${group}_${key.replace('.', '_')}`] = typeof value === 'boolean' || typeof value === 'number' ? String(value) : sqlString(String(value));
  }
  return Object.entries(variables)
    .map(([name, value]) => `set variable ${name} = ${value}`)
    .join(';\n');
}

/**
 * The `settings` mart: every rule the run used, beside its default, so the report can state the
 * thresholds it applied and an analyst can tell a company's rules from the defaults.
 */
export function settingsTableSql(config: PipelineConfig, asOf: string): string {
  const defaults = new Map(settingsOf(defaultConfig).map((s) => [`${s.group}.${s.key}`, s.value]));
  const rows = settingsOf(config).map(({ group, key, value }) => {
    const name = `${group}.${key}`;
    const fallback = defaults.has(name) ? sqlString(String(defaults.get(name))) : 'null';
    return `(${sqlString(name)}, ${sqlString(String(value))}, ${fallback})`;
  });
  return `create or replace table settings as
    select setting, value, default_value, coalesce(value = default_value, false) as is_default, DATE ${sqlString(asOf)} as as_of_date
    from (values ${rows.join(', ')}) as t(setting, value, default_value)`;
}

/**
 * Every rule as group, key and value. A rule that is itself a record (rejects.per_entity) gives one
 * rule per entry, `per_entity.leads`, which has no default of its own.
 */
function settingsOf(config: PipelineConfig): { group: string; key: string; value: unknown }[] {
  return Object.entries(config).flatMap(([group, values]) =>
    Object.entries(values as Record<string, unknown>).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).map(([entry, v]) => ({ group, key: `${key}.${entry}`, value: v }))
        : [{ group, key, value }],
    ),
  );
}
