import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_FOLDER, SNAPSHOT_MARTS, snapshotDate } from '../../pipelines/contract/history.ts';
import { martsDir } from './readMart.ts';

/** One dated snapshot of the history folder, as the Dados page offers it. */
export interface SnapshotFiles {
  asOf: string;
  /** Paths relative to the marts folder (and to the downloads folder of the site). */
  files: { mart: string; path: string; bytes: number }[];
}

/** The history folder of the marts being rendered. */
export const historyDir = (): string => join(martsDir(), HISTORY_FOLDER);

/** The snapshots kept in the history folder, newest first; none when the folder is missing. */
export function listSnapshots(): SnapshotFiles[] {
  const dir = historyDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => snapshotDate(name) !== null)
    .sort()
    .reverse()
    .map((name) => ({
      asOf: snapshotDate(name)!,
      files: SNAPSHOT_MARTS.filter((mart) => existsSync(join(dir, name, `${mart}.parquet`))).map((mart) => ({
        mart,
        path: `${HISTORY_FOLDER}/${name}/${mart}.parquet`,
        bytes: statSync(join(dir, name, `${mart}.parquet`)).size,
      })),
    }));
}
