import { spawn } from 'node:child_process';
import { mkdir, copyFile, rm, writeFile } from 'node:fs/promises';
import { createReadStream, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { csvHeader, csvLines, csvParts, type CsvColumn, type CsvPart, type CsvPartLimits } from '../lib/excelCsv.ts';
import { CSV_MACROS_SQL, csvLineSql } from '../lib/excelCsvSql.ts';
import { listSnapshots } from '../lib/history.ts';
import { buildSalesFilterFiles, type SalesFilterFiles } from '../lib/salesFilterData.ts';
import { SALES_FILTER_PATH, SALES_TOTAL_PATH, SELLER_SALES_DIR, type SalesFilterFile } from '../lib/salesFilterFile.ts';
import { martCsvColumns } from '../lib/martCsvColumns.ts';
import {
  listMarts,
  martColumns,
  martsDir,
  oncePerMarts,
  projectRoot,
  sqlIdent,
  sqlString,
  withConnection,
  type MartColumn,
  type MartFile,
} from '../lib/readMart.ts';
import { fileSink, zipSink, type TextSink } from './csvSink.ts';

/** Where the downloads go inside the built site; the Dados page links here. */
export const DOWNLOADS_DIR = 'dados';

/**
 * Writes a mart as Excel-ready CSV files in `targetDir` (see csvParts: one file or parts that each fit in
 * a sheet, zipped when big), in Portuguese (martCsvColumns: column names as headers, codes as labels).
 * DuckDB formats and writes the lines when every column has a SQL twin (excelCsvSql.ts), else they are
 * formatted here from streamed DuckDB chunks; either way big marts never sit in memory whole.
 * Returns the files written.
 */
export async function writeMartCsv(mart: MartFile, targetDir: string, limits: CsvPartLimits = {}): Promise<CsvPart[]> {
  const types = await martColumns(mart.name);
  const columns: CsvColumn[] = await martCsvColumns(mart.name, types);
  const parts = csvParts(mart.name, mart.rows, columns.length, limits);
  const line = csvLineSql(columns, (column) => sqlIdent(column.name));
  if (line && mart.rows > 0) await writePartsInDuckDB(mart, parts, csvHeader(columns), line, targetDir);
  else await writePartsInJs(mart, parts, columns, types, targetDir);
  return parts;
}

/**
 * Each part written by DuckDB's CSV writer, one `line` per row (quoting off: the line is already the CSV
 * text). A plain part is written in place, its header as the writer's prefix (the writer then puts
 * the line feed between rows, so the suffix ends the last one); a zipped part goes through a scratch
 * file beside it, deflated into the .zip and removed.
 */
export async function writePartsInDuckDB(mart: MartFile, parts: CsvPart[], header: string, line: string, targetDir: string): Promise<void> {
  await withConnection(async (connection) => {
    await connection.run(CSV_MACROS_SQL);
    for (const part of parts) {
      const range = parts.length > 1 ? ` where file_row_number between ${part.firstRow - 1} and ${part.lastRow - 1}` : '';
      const select = `select ${line} from read_parquet(${sqlString(mart.path)}, file_row_number = true)${range}`;
      const options = `format csv, header false, quote '', escape '', delimiter chr(1)`;
      const path = join(targetDir, part.zipped ? `.${part.csv}.lines` : part.file);
      try {
        const copied = part.zipped
          ? await connection.run(`copy (${select}) to ${sqlString(path)} (${options})`)
          : await connection.run(`copy (${select}) to ${sqlString(path)} (${options}, prefix ${sqlString(header)}, suffix ${sqlString('\n')})`);
        const rows = Number((await copied.getRowsJS())[0]?.[0]);
        if (rows !== part.lastRow - part.firstRow + 1)
          throw new Error(`${mart.name}: wrote ${rows} CSV rows for rows ${part.firstRow}-${part.lastRow} of its Parquet file`);
        if (part.zipped) {
          const sink = await zipSink(join(targetDir, part.file), part.csv);
          try {
            await sink.write(header);
            for await (const chunk of createReadStream(path)) await sink.write(chunk as Buffer);
          } finally {
            await sink.close();
          }
        }
      } finally {
        if (part.zipped) await rm(path, { force: true });
      }
    }
  });
}

/**
 * The parts formatted here, from DuckDB chunks streamed in the Parquet file's order. (Both writers are
 * exported for the test that holds them to the same bytes.)
 */
export async function writePartsInJs(mart: MartFile, parts: CsvPart[], columns: CsvColumn[], types: MartColumn[], targetDir: string): Promise<void> {
  // DECIMAL read as DOUBLE by DuckDB itself, in bulk: the same number (the client makes the same cast, but with one
  // native call per value)
  const select = types.map(({ name, type }) => (type.startsWith('DECIMAL') ? `cast(${sqlIdent(name)} as double) as ${sqlIdent(name)}` : sqlIdent(name)));
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
      const result = await connection.stream(`select ${select.join(', ')} from read_parquet(${sqlString(mart.path)})`);
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
}

/**
 * Copies every mart into `target` as Parquet and as CSV for Brazilian Excel, and the history's dated
 * snapshots as Parquet (history/as_of_date=…/), in the marts folder's layout. Returns what it wrote.
 */
export async function writeDownloads(target: string): Promise<{ marts: number; snapshots: number }> {
  await mkdirBelow(dirname(target), basename(target));
  const marts = await listMarts();
  for (const mart of marts) {
    await copyFile(mart.path, join(target, mart.file));
    await writeMartCsv(mart, target);
  }
  const snapshots = listSnapshots();
  for (const file of snapshots.flatMap((s) => s.files)) {
    await mkdirBelow(target, dirname(file.path));
    await copyFile(join(martsDir(), file.path), join(target, file.path));
  }
  return { marts: marts.length, snapshots: snapshots.length };
}

/**
 * Writes the files the filters fetch (see salesFilterFile.ts) into the built site `outDir`; returns how
 * many. They are data, not pages: computing them (grouping the sales cube) on the pages' path made the
 * pages wait for DuckDB, seconds at 10 million order lines.
 */
export async function writeSalesFilterFiles(outDir: string): Promise<number> {
  const files = await buildSalesFilterFiles();
  const entries = files ? filterFileEntries(files) : [];
  for (const dir of new Set(entries.map(([path]) => dirname(path)))) await mkdirBelow(outDir, dir);
  for (const [path, file] of entries) await writeFile(join(outDir, path), JSON.stringify(file));
  return entries.length;
}

/** Each filter file under its path in the site. */
function filterFileEntries(files: SalesFilterFiles): Array<[string, SalesFilterFile]> {
  return [
    [SALES_FILTER_PATH, files.every],
    [SALES_TOTAL_PATH, files.summed],
    ...[...files.bySeller.values()].map(({ slug, file }): [string, SalesFilterFile] => [`${SELLER_SALES_DIR}/${slug}.json`, file]),
  ];
}

/** `astro dev` writes no files: it serves the filter files from memory, computed once per marts folder. */
const devFilterFiles = oncePerMarts(async () => {
  const files = await buildSalesFilterFiles();
  return new Map(files ? filterFileEntries(files).map(([path, file]) => [`/${path}`, JSON.stringify(file)]) : []);
});

/** What the downloads' writer wrote into the site. */
export interface SiteData {
  marts: number;
  snapshots: number;
  filterFiles: number;
}

/** The filter files first (the browser's filters need them), then the downloads in dados/. */
export async function writeSiteData(outDir: string): Promise<SiteData> {
  const filterFiles = await writeSalesFilterFiles(outDir);
  return { ...(await writeDownloads(join(outDir, DOWNLOADS_DIR))), filterFiles };
}

/**
 * Writes the filter files and the downloads (see writeSiteData) into the site. They depend on the marts
 * only, so a child process writes them while Vite bundles and Astro renders the pages (on another core);
 * the build waits for it at the end and fails if it failed.
 */
export function martDownloads(): AstroIntegration {
  let outDir: string | undefined;
  let writing: Promise<SiteData> | undefined;
  return {
    name: 'carteira-mart-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? '').split('?')[0]!;
          const at = path.indexOf('/filtros/');
          if (at === -1) return next();
          devFilterFiles().then((files) => {
            const json = files.get(path.slice(at));
            if (json === undefined) return next();
            response.setHeader('content-type', 'application/json; charset=utf-8');
            response.end(json);
          }, next);
        });
      },
      // The first setup comes after Astro empties the output folder, so the files written from here on stay.
      'astro:build:setup': ({ logger }) => {
        if (writing || !outDir) return;
        logger.info(`writing the downloads to ${DOWNLOADS_DIR}/ alongside the build`);
        mkdirSync(outDir, { recursive: true });
        writing = writeSiteDataInChild(outDir);
        writing.catch(() => {}); // awaited, and reported, in astro:build:done
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        logger.info(`writing the downloads to ${DOWNLOADS_DIR}/`);
        // Without a setup hook (or with another output folder) they are written here, in this process.
        const written = writing && outDir && resolve(outDir) === resolve(site) ? await writing : await writeSiteData(site);
        logger.info(
          `${written.marts} marts copied to ${DOWNLOADS_DIR}/ as Parquet and CSV, ${written.snapshots} history snapshot(s) as Parquet, ${written.filterFiles} filter file(s)`,
        );
      },
    },
  };
}

/**
 * Creates the folders of `path` under `root`, one level at a time and never `root` itself: when the
 * build that asked for the downloads is gone and its staging folder removed, this fails instead of
 * bringing the folder back.
 */
async function mkdirBelow(root: string, path: string): Promise<void> {
  let dir = root;
  for (const part of path.split(/[\\/]/).filter((p) => p && p !== '.')) {
    dir = join(dir, part);
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** Runs src/integrations/writeDownloads.ts in a child process; resolves with what it wrote. */
function writeSiteDataInChild(target: string): Promise<SiteData> {
  return new Promise((done, fail) => {
    const script = join(projectRoot(), 'src', 'integrations', 'writeDownloads.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, target], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`writing the downloads failed (exit ${code})`));
      done(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}
