import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { sqlString, type Database } from '../warehouse/database.ts';
import { findLines } from './lineNumbers.ts';
import { LoadError } from './loadError.ts';
import type { RawFile, ReadingScan } from './prepareFile.ts';
import type { ScanProblem } from './scanCsv.ts';
import { utf8Length } from './utf8Bytes.ts';
import { formatNumber as n } from '../contract/locale.ts';

/**
 * What the scans of the CSV files found, one row per problem: records left out (severity reject,
 * `rid` null) and values mended in rows that were kept (severity warning, `rid` the row in
 * src_<entity> once it is known). `column_idx` is the field's position in the file's header.
 */
export const createReadingIssuesSql = `
  create or replace temp table reading_issues (
    file_idx INTEGER, line BIGINT, column_idx INTEGER, code VARCHAR, severity VARCHAR, value VARCHAR, rid BIGINT)`;

/** The reason code each scan problem is reported with. */
const CODES: Record<ScanProblem['code'], string> = {
  unterminated_quote: 'unterminated_quote',
  line_too_long: 'line_too_long',
  stray_carriage_return: 'stray_carriage_return',
  invalid_byte: 'mixed_encoding',
};

const SNIPPET_BYTES = 240;
const SHOWN_CHARS = 80;

/**
 * Records a file's scan findings in reading_issues: one reject per record left out and one warning
 * per field mended (several stray bytes in one field are one warning), with the field's text masked
 * like every other value of its column.
 */
export async function insertReadingIssues(db: Database, raw: RawFile): Promise<void> {
  const reading = raw.reading;
  if (!reading) return;
  const rejects = reading.scan.dropped.map((d) => ({ problem: d.problem, severity: 'reject' }));
  const seen = new Set<string>();
  const warnings = reading.scan.repairs
    .filter((r) => !r.inHeader && (r.code !== 'invalid_byte' || reading.encoding === 'utf-8'))
    .filter((r) => !seen.has(`${r.line}:${r.field}:${r.code}`) && seen.add(`${r.line}:${r.field}:${r.code}`))
    .map((problem) => ({ problem, severity: 'warning' }));
  const all = [...rejects, ...warnings];
  if (!all.length) return;
  const values = await fieldTexts(
    reading,
    raw.dialect.delimiter,
    all.map((a) => a.problem),
  );
  const rows = all.map(
    ({ problem, severity }, i) => `(${raw.index}, ${problem.line}, ${problem.field}, '${CODES[problem.code]}', '${severity}', ${sqlString(values[i]!)})`,
  );
  for (let i = 0; i < rows.length; i += 5000) {
    await db.run(`insert into reading_issues
      select file_idx, line, column_idx, code, severity, mask_personal(value), null
      from (values ${rows.slice(i, i + 5000).join(', ')}) as t(file_idx, line, column_idx, code, severity, value)`);
  }
}

/**
 * Gives each warning its row in src_<entity>: the record index of its line (found by one walk of the
 * file DuckDB read, past the records its reader rejected) plus the file's first rowid.
 */
export async function placeReadingWarnings(db: Database, raw: RawFile, readerLines: number[]): Promise<void> {
  const lines = (
    await db.rows<{ line: string }>(`
    select distinct line from reading_issues where file_idx = ${raw.index} and severity = 'warning'`)
  ).map((r) => Number(r.line));
  if (!lines.length) return;
  const { recordByLine } = await findLines(raw.readPath, raw.dialect, { readerLines, lines });
  const pairs = [...recordByLine].map(([line, rec]) => `(${line}, ${rec})`);
  if (!pairs.length) return;
  await db.run(`
    update reading_issues set rid = p.rec + (select min(rowid) from src_${raw.file.entity.name} where file_idx = ${raw.index})
    from (values ${pairs.join(', ')}) as p(line, rec)
    where reading_issues.file_idx = ${raw.index} and reading_issues.line = p.line and severity = 'warning'`);
}

/**
 * The invariant of the load: DuckDB read as many records as the file has, counted by the scan without
 * DuckDB. A difference means records were lost or invented without a word, so the run stops.
 */
export function checkRecordCount(raw: RawFile, read: number): void {
  const expected = raw.reading?.scan.records;
  if (expected === undefined || expected === read) return;
  throw new LoadError(
    raw.file.name,
    `o leitor de CSV obteve ${n(read)} registros, mas o arquivo tem ${n(expected)} (contados à parte, respeitando as aspas); ` +
      'publicar deixaria linhas de fora, ou inventaria linhas, sem aviso',
    'confira aspas e quebras de linha do arquivo (um texto com aspas abertas ou uma quebra de linha no meio de um campo); ' +
      'se o arquivo estiver correto, é um defeito do Carteira: informe-o junto com o arquivo',
  );
}

/** The text of each problem's field, as far as the next delimiter or line break, read as the copy reads it. */
async function fieldTexts(reading: ReadingScan, delimiter: string, problems: ScanProblem[]): Promise<string[]> {
  const handle = await open(reading.path, 'r');
  const buffer = Buffer.alloc(SNIPPET_BYTES);
  const delim = delimiter.charCodeAt(0);
  try {
    const texts: string[] = [];
    for (const p of problems) {
      const { bytesRead } = await handle.read(buffer, 0, SNIPPET_BYTES, p.fieldStart);
      let end = 0;
      while (end < bytesRead && buffer[end] !== delim && buffer[end] !== 0x0a && !(buffer[end] === 0x0d && reading.scan.lineBreak === 'cr')) end++;
      const text = decodeField(buffer.subarray(0, end), reading.encoding).replace(/\r/g, ' ');
      texts.push(text.length > SHOWN_CHARS || end === SNIPPET_BYTES ? `${text.slice(0, SHOWN_CHARS)}…` : text);
    }
    return texts;
  } finally {
    await handle.close();
  }
}

/** Bytes of a field as the mended copy holds them: in a UTF-8 file, bytes that are not UTF-8 read as Windows-1252. */
function decodeField(bytes: Buffer, encoding: ReadingScan['encoding']): string {
  if (encoding !== 'utf-8') return iconv.decode(bytes, encoding);
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const n = bytes[i]! < 0x80 ? 1 : utf8Length(bytes, i, bytes.length);
    text += n ? bytes.subarray(i, i + n).toString('utf8') : iconv.decode(bytes.subarray(i, i + 1), 'win1252');
    i += n || 1;
  }
  return text;
}
