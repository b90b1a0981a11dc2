import { join } from 'node:path';
import type { ExportFile } from './discoverExports.ts';
import { LoadError } from './loadError.ts';
import { resolveHeaders, type HeaderResolution } from './resolveHeaders.ts';
import { aliasesAllowed, type ColumnUse } from './columnUse.ts';
import { needsRepair, repairCsv } from './repairCsv.ts';
import { scanCsv, type CsvScan } from './scanCsv.ts';
import { detectDelimiter, separatorHint, sniffFile, splitRecord, type FileDialect, type TextEncoding } from './sniffFile.ts';
import { transcodeToUtf8 } from './transcodeFile.ts';
import { gunzipTo } from './decompressFile.ts';
import { sqlIdent, sqlString, type Database } from '../warehouse/database.ts';
import type { NativeRead } from './nativeRead.ts';
import type { ReadingConvention } from './typedColumnSql.ts';
import { headerRenames, isComputed } from './mappedColumns.ts';
import { mappedSource } from './mappedSource.ts';
import { prepareQuery } from './queryExports.ts';
import type { RestoredFile } from './loadCache.ts';

/** A file ready to be read: its dialect, header mapping and the DuckDB table function that reads it. */
export interface RawFile {
  index: number;
  file: ExportFile;
  dialect: FileDialect;
  resolution: HeaderResolution;
  /** The UTF-8 file DuckDB reads (a transcoded copy when the export was not UTF-8). */
  readPath: string;
  decimalComma: boolean;
  /** Notes for the load summary on how the file's ambiguous values were read. */
  notes: string[];
  /** Per canonical column, how values its text cannot settle are read (see columnConventions.ts). */
  conventions: Map<string, ReadingConvention>;
  /** Per canonical column, a CASE branch over its raw text warning values read against the column's majority. */
  advisories: Map<string, (r: string) => string>;
  /** DuckDB's reject table for records the CSV reader could not split; null until a read needed it. */
  csvRejectsTable: string | null;
  /** What the scan of a CSV file found (null for Parquet): its records, and what was left out or mended. */
  reading: ReadingScan | null;
  /**
   * The FROM item yielding the file's columns c0..cN, one row per record in file order: as text, or
   * with the columns of a native read parsed by DuckDB's CSV reader.
   */
  source: (mode: ReadMode, native?: NativeRead) => string;
  /** Columns computed by the mapping file (mappedSource.ts): always read as text. */
  computed?: boolean;
  /** For computed columns, what became of each of the file's own columns (its headers hold the computed ones too). */
  columnUses?: ColumnUse[];
  /** The file's load as cached by an earlier run (loadCache.ts): its rows are put back instead of read. */
  restored?: RestoredFile;
}

/** The scan of a CSV file, and the file and encoding its offsets refer to (a UTF-16 file's UTF-8 copy). */
export interface ReadingScan {
  scan: CsvScan;
  path: string;
  encoding: TextEncoding;
}

/** How DuckDB reads a CSV: in parallel or not, stopping at the first malformed record or keeping them aside. */
export interface ReadMode {
  parallel: boolean;
  captureRejects: boolean;
  /** Skip records the reader cannot split, without recording them (a pre-pass that only counts). */
  skipMalformed?: boolean;
}

/**
 * Sniffs, transcodes when needed and maps the headers of one export, so that DuckDB can read it as
 * text and every value can be validated in SQL and reported with its raw text.
 */
export async function prepareFile(db: Database, file: ExportFile, index: number, scratchDir: string): Promise<RawFile> {
  if (file.mapping?.sql !== undefined) return prepareQuery(db, file, index, scratchDir);
  if (file.mapping && isComputed(file.mapping, (file.siblings?.length ?? 0) > 0)) return mappedSource(db, await prepareSourceFile(db, file, index, scratchDir));
  return prepareSourceFile(db, file, index, scratchDir, true);
}

/** Prepares one file; its headers are resolved (and required columns checked) only when `resolve`. */
export async function prepareSourceFile(db: Database, file: ExportFile, index: number, scratchDir: string, resolve = false): Promise<RawFile> {
  const resolveOrFail = resolve ? resolveRequired : (f: ExportFile, headers: string[]) => resolveHeaders(f.entity, headers, {});
  if (file.format === 'parquet') return prepareParquet(db, file, index, resolveOrFail);
  const forced = {
    ...(file.mapping?.encoding ? { encoding: file.mapping.encoding } : {}),
    ...(file.mapping?.delimiter ? { delimiter: file.mapping.delimiter } : {}),
  };
  const path = file.compression ? await gunzipTo(file.path, join(scratchDir, `file_${index}.gunzip.csv`), file.name) : file.path;
  let sniffed = await sniffFile(path, file.name, forced);
  const titleLines = resolve ? headerBelowTitle(file, sniffed.dialect, sniffed.firstLines) : 0;
  // the scan counts records from the header on: a file with a title block is scanned again from its real header
  if (titleLines) sniffed = await sniffFile(path, file.name, { ...forced, preambleLines: titleLines });
  const { dialect, scan } = sniffed;
  const resolution = resolveOrFail(file, dialect.headers);
  const reading = await readableCopy(path, join(scratchDir, `file_${index}`), dialect, scan);
  const readPath = reading.readPath;
  const decimalComma = file.mapping?.decimal ? file.mapping.decimal === ',' : dialect.delimiter !== ',';
  const raw: RawFile = {
    index,
    file,
    dialect,
    resolution,
    readPath,
    decimalComma,
    notes: [
      ...(titleLines
        ? [
            `${titleLines === 1 ? 'linha 1' : `linhas 1 a ${titleLines}`}: título do relatório ou linhas em branco acima do cabeçalho ("${titleOf(sniffed.firstLines.slice(0, titleLines))}"), não dados; o cabeçalho foi lido na linha ${titleLines + 1}`,
          ]
        : dialect.preambleLines
          ? [`linha 1: a indicação de separador do Excel ("sep=${dialect.delimiter}"), não dados; o cabeçalho foi lido na linha 2`]
          : []),
      ...headerNotes(resolution),
    ],
    conventions: new Map(),
    advisories: new Map(),
    csvRejectsTable: null,
    reading: reading.scan,
    source: () => '',
  };
  raw.source = ({ parallel, captureRejects, skipMalformed }, native) => {
    const typeAt = new Map([...(native?.types ?? [])].map(([name, type]) => [resolution.positions.get(name), type]));
    const columns = dialect.headers.map((_, i) => `'c${i}': '${typeAt.get(i) ?? 'VARCHAR'}'`).join(', ');
    if (captureRejects) raw.csvRejectsTable = `csv_rejects_${index}`;
    const rejects = captureRejects ? `, store_rejects = true, rejects_table = 'csv_rejects_${index}', rejects_scan = 'csv_scans_${index}'` : '';
    const encoding = readPath === path && dialect.encoding === 'latin1' ? `encoding = 'latin-1', ` : '';
    return `read_csv(${sqlString(readPath)},
      ${encoding}auto_detect = false, header = true, ${dialect.preambleLines ? `skip = ${dialect.preambleLines}, ` : ''}delim = ${sqlString(dialect.delimiter)}, quote = '"', escape = '"',
      ${native?.options ?? ''}columns = {${columns}}, null_padding = true, strict_mode = true, parallel = ${parallel}${rejects}${skipMalformed ? ', ignore_errors = true' : ''})`;
  };
  return raw;
}

/**
 * Runs a statement reading a file. Clean files take the fast path (no reject bookkeeping, about a
 * quarter faster); a file with a malformed record is read again keeping such records aside, and on
 * one thread when DuckDB's parallel reader cannot do that (it cannot pad short rows when quoted fields
 * hold line breaks, and refuses to set aside some records it splits differently from the single-threaded
 * reader, "Parameter Not Allowed Error: CSV Error").
 */
export async function readWithFallbacks(run: (mode: ReadMode) => Promise<void>): Promise<void> {
  try {
    await run({ parallel: true, captureRejects: false });
    return;
  } catch (error) {
    if (!/CSV Error|parallel scanner/i.test((error as Error).message)) throw error;
  }
  try {
    await run({ parallel: true, captureRejects: true });
  } catch (error) {
    if (!/parallel scanner|CSV Error/i.test((error as Error).message)) throw error;
    await run({ parallel: false, captureRejects: true });
  }
}

/**
 * A file whose load is cached: what the cache knows of it, its headers resolved again (the mapping is
 * part of the cache key); it is never read, so `source` must not be asked for.
 */
export function restoredFile(file: ExportFile, index: number, entry: RestoredFile): RawFile {
  return {
    index,
    file,
    dialect: entry.dialect,
    resolution: resolveRequired(file, entry.dialect.headers),
    // line breaks, quotes and delimiters sit at the same bytes in the export as in its UTF-8 copy
    readPath: file.path,
    decimalComma: entry.decimalComma,
    notes: [...entry.notes],
    conventions: new Map(),
    advisories: new Map(),
    csvRejectsTable: null,
    reading: { scan: { ...entry.scan, dropped: [], repairs: [] }, path: file.path, encoding: entry.encoding },
    source: () => {
      throw new Error(`${file.name} is restored from the load cache and has no reader`);
    },
    restored: entry,
  };
}

async function prepareParquet(db: Database, file: ExportFile, index: number, resolveOrFail: typeof resolveRequired): Promise<RawFile> {
  let headers: string[];
  try {
    headers = (await db.rows<{ column_name: string }>(`describe select * from read_parquet(${sqlString(file.path)})`)).map((r) => r.column_name);
  } catch (error) {
    throw new LoadError(file.name, `não é um Parquet legível (${(error as Error).message.split('\n')[0]})`, 'exporte o arquivo de novo ou envie-o como CSV');
  }
  const resolution = resolveOrFail(file, headers);
  const select = headers.map((h, i) => `cast(${sqlIdent(h)} as VARCHAR) as c${i}`).join(', ');
  const dialect: FileDialect = { encoding: 'utf-8', delimiter: '', headers };
  const source = () => `(select ${select} from read_parquet(${sqlString(file.path)}))`;
  return {
    index,
    file,
    dialect,
    resolution,
    readPath: file.path,
    decimalComma: false,
    notes: headerNotes(resolution),
    conventions: new Map(),
    advisories: new Map(),
    csvRejectsTable: null,
    reading: null,
    source,
  };
}

/**
 * The file DuckDB reads: the export itself when it is UTF-8 (or Latin-1, which DuckDB reads) and the
 * scan found nothing to mend, else a UTF-8 copy in the scratch folder, transcoded and mended.
 */
async function readableCopy(
  path: string,
  scratchStem: string,
  dialect: FileDialect,
  sniffed: CsvScan | null,
): Promise<{ readPath: string; scan: ReadingScan }> {
  let source = path;
  let encoding = dialect.encoding;
  if (encoding === 'utf-16le') {
    source = `${scratchStem}.utf8.csv`;
    await transcodeToUtf8(path, source, 'utf-16le');
    encoding = 'utf-8';
  }
  const scan = sniffed ?? (await scanCsv(source, dialect.delimiter, dialect.preambleLines));
  const reading = { scan, path: source, encoding };
  if (needsRepair(scan, encoding)) {
    const target = `${scratchStem}.read.csv`;
    await repairCsv(source, target, scan, encoding as Exclude<TextEncoding, 'utf-16le'>);
    return { readPath: target, scan: reading };
  }
  if (encoding === 'windows-1252') {
    const target = `${scratchStem}.utf8.csv`;
    await transcodeToUtf8(path, target, encoding);
    return { readPath: target, scan: reading };
  }
  return { readPath: source, scan: reading };
}

/**
 * The notes on headers left aside. Two headers that both name one column (`Valor Total` and `Valor
 * Líquido` are both the order's amount): the first is read, and the note names the other, so a wrong pick
 * is seen and can be mapped. A percentage under the name of a column in reais (`Desc. %`): not read.
 */
function headerNotes(resolution: HeaderResolution): string[] {
  return [
    ...resolution.shadowed.map(
      (s) =>
        `"${s.header}" não foi lida: "${s.keptHeader}" já é a coluna ${s.column}; se "${s.header}" é a certa, associe-a a ${s.column} no arquivo de mapeamento ` +
        '(--mapping; com "aliases": true, as demais colunas continuam reconhecidas pelo nome)',
    ),
    ...resolution.percentages.map(
      (p) =>
        `"${p.header}" é um percentual e não foi lida como ${p.column}, que é um valor em R$ (10% seria lido como R$ 10); exporte o valor em reais` +
        (p.column === 'discount'
          ? ', ou o valor total de cada item, que já desconta: sem nenhum dos dois, cada item vale quantidade × preço, sem desconto'
          : ''),
    ),
  ];
}

/**
 * A report saved from Excel often has its title (and a blank line) above the header: the line where the
 * header is, when line 1 (after a separator hint) lacks required columns and one of the first lines has
 * them all; 0 otherwise. The lines above it are then read as no data, and the notes say so.
 */
function headerBelowTitle(file: ExportFile, dialect: FileDialect, firstLines: string[]): number {
  const preamble = dialect.preambleLines ?? 0;
  const resolve = resolverFor(file);
  if (!resolve(dialect.headers).missingRequired.length) return 0;
  const headerAt = firstLines.findIndex(
    (line, i) => i > preamble && line.trim() !== '' && !resolve(splitRecord(line, detectDelimiter(line)).map((h) => h.trim())).missingRequired.length,
  );
  return Math.max(headerAt, 0);
}

/** The first line of a title block that says something (not Excel's separator hint), without the empty cells after it. */
function titleOf(lines: string[]): string {
  const title = lines.find((line) => line.trim() !== '' && separatorHint(line) === null) ?? '';
  return title.replace(/[;,\t|\s]+$/, '').slice(0, 80);
}

/** Resolves a header of `file` with its mapping entry's names and, where the entry allows them, the aliases. */
const resolverFor =
  (file: ExportFile) =>
  (names: string[]): HeaderResolution =>
    resolveHeaders(file.entity, names, headerRenames(file.mapping), aliasesAllowed(file.mapping));

function resolveRequired(file: ExportFile, headers: string[]): HeaderResolution {
  const resolution = resolverFor(file)(headers);
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
