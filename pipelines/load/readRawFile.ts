import { join } from 'node:path';
import type { ExportFile } from './discoverExports.ts';
import { LoadError } from './loadError.ts';
import { resolveHeaders, type HeaderResolution } from './resolveHeaders.ts';
import { sniffFile, type FileDialect } from './sniffFile.ts';
import { transcodeToUtf8 } from './transcodeFile.ts';
import { sqlIdent, sqlString, type Database } from '../warehouse/database.ts';

/** A file read into its raw text table `raw_<index>` (columns c0..cN, one row per CSV record). */
export interface RawFile {
  index: number;
  file: ExportFile;
  dialect: FileDialect;
  resolution: HeaderResolution;
  /** The UTF-8 file DuckDB read (a transcoded copy when the export was not UTF-8). */
  readPath: string;
  decimalComma: boolean;
  rawTable: string;
  /** DuckDB's reject table for records the CSV reader could not split (null for Parquet). */
  csvRejectsTable: string | null;
}

/**
 * Sniffs, transcodes when needed, maps headers and reads one export into DuckDB as text, so that
 * every value can be validated in SQL and reported with its raw text.
 */
export async function readRawFile(db: Database, file: ExportFile, index: number, scratchDir: string): Promise<RawFile> {
  const rawTable = `raw_${index}`;
  if (file.format === 'parquet') return readRawParquet(db, file, index, rawTable);

  const forced = {
    ...(file.mapping?.encoding ? { encoding: file.mapping.encoding } : {}),
    ...(file.mapping?.delimiter ? { delimiter: file.mapping.delimiter } : {}),
  };
  const dialect = await sniffFile(file.path, file.name, forced);
  const resolution = resolveOrFail(file, dialect.headers);
  let readPath = file.path;
  if (dialect.encoding !== 'utf-8') {
    readPath = join(scratchDir, `file_${index}.utf8.csv`);
    await transcodeToUtf8(file.path, readPath, dialect.encoding);
  }
  const decimalComma = file.mapping?.decimal ? file.mapping.decimal === ',' : dialect.delimiter !== ',';
  const columns = dialect.headers.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const csvRejectsTable = `csv_rejects_${index}`;
  const read = (parallel: boolean) => db.run(`
    create or replace temp table ${rawTable} as
    select * from read_csv(${sqlString(readPath)},
      auto_detect = false, header = true, delim = ${sqlString(dialect.delimiter)}, quote = '"', escape = '"',
      columns = {${columns}}, null_padding = true, strict_mode = true, max_line_size = 16777216, parallel = ${parallel},
      store_rejects = true, rejects_table = '${csvRejectsTable}', rejects_scan = 'csv_scans_${index}')`);
  try {
    await read(true);
  } catch (error) {
    // DuckDB's parallel reader cannot pad short rows when quoted fields hold line breaks; such files
    // are read on one thread instead.
    if (!/parallel scanner does not support null_padding/i.test((error as Error).message)) throw error;
    await read(false);
  }
  return { index, file, dialect, resolution, readPath, decimalComma, rawTable, csvRejectsTable };
}

async function readRawParquet(db: Database, file: ExportFile, index: number, rawTable: string): Promise<RawFile> {
  let headers: string[];
  try {
    headers = (await db.rows<{ column_name: string }>(`describe select * from read_parquet(${sqlString(file.path)})`)).map((r) => r.column_name);
  } catch (error) {
    throw new LoadError(file.name, `não é um Parquet legível (${(error as Error).message.split('\n')[0]})`, 'exporte o arquivo de novo ou envie-o como CSV');
  }
  const resolution = resolveOrFail(file, headers);
  const select = headers.map((h, i) => `cast(${sqlIdent(h)} as VARCHAR) as c${i}`).join(', ');
  await db.run(`create or replace temp table ${rawTable} as select ${select} from read_parquet(${sqlString(file.path)})`);
  const dialect: FileDialect = { encoding: 'utf-8', delimiter: '', headers };
  return { index, file, dialect, resolution, readPath: file.path, decimalComma: false, rawTable, csvRejectsTable: null };
}

function resolveOrFail(file: ExportFile, headers: string[]): HeaderResolution {
  const resolution = resolveHeaders(file.entity, headers, file.mapping?.columns);
  if (resolution.missingRequired.length) {
    const found = headers.map((h) => `"${h}"`).join(', ');
    throw new LoadError(
      file.name,
      `faltam colunas obrigatórias de ${file.entity.name} (${file.entity.label_pt}): ${resolution.missingRequired.join(', ')}. Cabeçalho encontrado: ${found}`,
      'renomeie as colunas no cabeçalho (aceitamos nomes em português, ex.: "Código do Cliente") ou associe-as no arquivo de mapeamento (--mapping)',
    );
  }
  return resolution;
}
