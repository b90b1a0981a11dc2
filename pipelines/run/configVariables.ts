import type { PipelineConfig } from '../contract/config.ts';
import { sqlString } from '../warehouse/database.ts';

/**
 * Hands the as-of date and every configured threshold to the SQL models as DuckDB variables, read
 * there with getvariable('name'), so the SQL holds no magic numbers.
 */
export function configVariablesSql(config: PipelineConfig, asOf: string): string {
  const variables: Record<string, string> = { as_of_date: `DATE ${sqlString(asOf)}` };
  for (const [group, values] of Object.entries(config)) {
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      variables[`${group}_${key}`] = typeof value === 'boolean' ? String(value) : typeof value === 'number' ? String(value) : sqlString(String(value));
    }
  }
  return Object.entries(variables).map(([name, value]) => `set variable ${name} = ${value}`).join(';\n');
}
