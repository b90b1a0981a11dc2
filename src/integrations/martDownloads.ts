import { mkdir, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { csvHeader, csvLines, csvParts, type CsvColumn, type CsvPart, type CsvPartLimits } from '../lib/excelCsv.ts';
import { listSnapshots } from '../lib/history.ts';
import { martCsvColumns } from '../lib/martCsvColumns.ts';
import { listMarts, martColumns, martsDir, sqlString, withConnection, type MartFile } from '../lib/readMart.ts';
import { fileSink, zipSink, type TextSink } from './csvSink.ts';

/** Where the downloads go inside the built site; the Dados page links here. */
export const DOWNLOADS_DIR = 'dados';

/**
 * Writes a mart as Excel-ready CSV files in `targetDir` (see csvParts: one file or parts that each fit in
 * a sheet, zipped when big), in Portuguese (martCsvColumns: column names as headers, codes as labels),
 * streaming DuckDB chunks so big marts never sit in memory whole. Returns the files written.
 */
export async function writeMartCsv(mart: MartFile, targetDir: string, limits: CsvPartLimits = {}): Promise<CsvPart[]> {
  const columns: CsvColumn[] = await martCsvColumns(mart.name, await martColumns(mart.name));
  const parts = csvParts(mart.name, mart.rows, columns.length, limits);
  const start = async (part: CsvPart): Promise<TextSink> => {
    const sink = part.zipped ? await zipSink(join(targetDir, part.file), part.csv) : await fileSink(join(targetDir, part.file));
    await sink.write(csvHeader(columns));
    return sink;
  };
  let part = 0;
  let written = 0;
  let sink = await start(parts[0]!);
  try {
    await withConnection(async (connection) => {
      const result = await connection.stream(`select * from read_parquet(${sqlString(mart.path)})`);
      for await (const rows of result.yieldRowObjectJs()) {
        let rest = rows;
        while (rest.length) {
          if (written === parts[part]!.lastRow) {
            if (part + 1 === parts.length) throw new Error(`${mart.name}: more rows than the ${mart.rows} in its Parquet metadata`);
            const done = sink;
            sink = await start(parts[++part]!);
            await done.close();
          }
          const room = parts[part]!.lastRow - written;
          await sink.write(csvLines(columns, rest.slice(0, room)));
          written += Math.min(room, rest.length);
          rest = rest.slice(room);
        }
      }
    });
  } finally {
    await sink.close();
  }
  if (written !== mart.rows) throw new Error(`${mart.name}: wrote ${written} CSV rows, the Parquet file has ${mart.rows}`);
  return parts;
}

/**
 * After the build, copies every mart into dist/dados/ as Parquet and as CSV for Brazilian Excel, and the
 * history's dated snapshots as Parquet (dist/dados/history/as_of_date=…/), in the marts folder's layout.
 */
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
          await writeMartCsv(mart, target);
        }
        const snapshots = listSnapshots();
        for (const file of snapshots.flatMap((s) => s.files)) {
          await mkdir(dirname(join(target, file.path)), { recursive: true });
          await copyFile(join(martsDir(), file.path), join(target, file.path));
        }
        logger.info(`${marts.length} marts copied to ${DOWNLOADS_DIR}/ as Parquet and CSV, ${snapshots.length} history snapshot(s) as Parquet`);
      },
    },
  };
}
