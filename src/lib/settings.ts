import { z } from 'zod';
import { martExists, readMart } from './readMart.ts';

const SettingRow = z.looseObject({ setting: z.string(), value: z.string(), is_default: z.boolean() });

/** The rules the pipeline ran with (settings mart), so pages state the thresholds actually applied. */
export interface RunSettings {
  /** A numeric rule by its section.field name; the fallback when the mart or the rule is missing. */
  number: (setting: string, fallback: number) => number;
  /** Whether the run used the rule's default (true when unknown). */
  isDefault: (setting: string) => boolean;
}

export async function loadRunSettings(): Promise<RunSettings> {
  const rows = martExists('settings') ? await readMart('settings', undefined, SettingRow) : [];
  const bySetting = new Map(rows.map((r) => [r.setting, r]));
  return {
    number: (setting, fallback) => {
      const value = Number(bySetting.get(setting)?.value);
      return Number.isFinite(value) ? value : fallback;
    },
    isDefault: (setting) => bySetting.get(setting)?.is_default ?? true,
  };
}
