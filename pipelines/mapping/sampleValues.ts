import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entities } from '../contract/entities.ts';
import type { Database } from '../warehouse/database.ts';
import type { ExportFile } from '../load/discoverExports.ts';
import { prepareSourceFile } from '../load/prepareFile.ts';

/** A file's header and the text of its first records, column by column. */
export interface FileSample {
  name: string;
  delimiter: string;
  headers: string[];
  /** Column index → non-empty values of the sampled records. */
  values: string[][];
}

/** Records read per file to guess formats: enough for dates past the 12th and a few decimals. */
const SAMPLE_ROWS = 500;

/** Reads the header and the first records of one export as text, with the loader's own sniffing and transcoding. */
export async function sampleFile(db: Database, path: string, name: string, format: 'csv' | 'parquet'): Promise<FileSample> {
  const scratch = mkdtempSync(join(tmpdir(), 'carteira-mapping-'));
  try {
    const file: ExportFile = { path, name, format, entity: entities.find((e) => e.name === 'orders')! };
    const raw = await prepareSourceFile(db, file, 0, scratch);
    const read = (captureRejects: boolean) =>
      db.rows<Record<string, string | null>>(`select * from ${raw.source({ parallel: false, captureRejects })} limit ${SAMPLE_ROWS}`);
    const rows = await read(false).catch(() => read(true));
    const values = raw.dialect.headers.map((_, i) => rows.map((r) => r[`c${i}`]?.trim() ?? '').filter((v) => v !== ''));
    return { name, delimiter: raw.dialect.delimiter, headers: raw.dialect.headers, values };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
