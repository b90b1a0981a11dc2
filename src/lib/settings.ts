import { defaultConfig } from '../../pipelines/contract/config.ts';
import { martExists, oncePerMarts, readMart } from './readMart.ts';

/** The rules the pipeline ran with (settings mart), so pages state the thresholds actually applied. */
export interface RunSettings {
  /** A numeric rule by its section.field name; its default when the marts predate the settings mart. */
  number: (setting: string) => number;
  /** Whether the run used the rule's default (true when unknown). */
  isDefault: (setting: string) => boolean;
}

/** The run's rules, read once per build: every seller page names its window with them. */
export const loadRunSettings = oncePerMarts(async (): Promise<RunSettings> => {
  const rows = martExists('settings') ? await readMart('settings') : [];
  const bySetting = new Map(rows.map((r) => [r.setting, r]));
  return {
    number: (setting: string) => Number(bySetting.get(setting)?.value ?? defaultOf(setting)),
    isDefault: (setting: string) => bySetting.get(setting)?.is_default ?? true,
  };
});

function defaultOf(setting: string): unknown {
  const [section, field] = setting.split('.');
  return (defaultConfig as unknown as Record<string, Record<string, unknown>>)[section!]?.[field!];
}
