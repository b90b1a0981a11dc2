import { mkdir, copyFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { csvHeader, csvLines, type CsvColumn } from '../lib/excelCsv.ts';
import { listMarts, martColumns, sqlString, withConnection, type MartFile } from '../lib/readMart.ts';

/** Where the downloads go inside the built site; the Dados page links here. */
export const DOWNLOADS_DIR = 'dados';

/** Writes a mart as an Excel-ready CSV, streaming DuckDB chunks so big marts never sit in memory whole. */
export async function writeMartCsv(mart: MartFile, target: string): Promise<void> {
  const columns: CsvColumn[] = await martColumns(mart.name);
  const file = await open(target, 'w');
  try {
    await file.write(csvHeader(columns));
    await withConnection(async (connection) => {
      const result = await connection.stream(`select * from read_parquet(${sqlString(mart.path)})`);
      for await (const rows of result.yieldRowObjectJs()) await file.write(csvLines(columns, rows));
    });
  } finally {
    await file.close();
  }
}

/** After the build, copies every mart into dist/dados/ as Parquet and as CSV for Brazilian Excel. */
export function martDownloads(): AstroIntegration {
  return {
    name: 'carteira-mart-downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const target = join(fileURLToPath(dir), DOWNLOADS_DIR);
        await mkdir(target, { recursive: true });
        const marts = await listMarts();
        for (const mart of marts) {
          await copyFile(mart.path, join(target, mart.file));
          await writeMartCsv(mart, join(target, `${mart.name}.csv`));
        }
        logger.info(`${marts.length} marts copied to ${DOWNLOADS_DIR}/ as Parquet and CSV`);
      },
    },
  };
}
