import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { LoadError } from './loadError.ts';
import { MAX_INVALID_BYTES, scanCsv, type CsvScan } from './scanCsv.ts';

/** Text encodings the loader reads; anything not UTF-8 is transcoded before DuckDB sees it. */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'latin1' | 'utf-16le';

/** What the loader learned from a file's first bytes. */
export interface FileDialect {
  encoding: TextEncoding;
  delimiter: string;
  headers: string[];
  /**
   * Lines above the header: 1 when line 1 is Excel's separator hint (`sep=;`), which Excel reads and
   * hides and some exporters write so that Excel splits the columns, or a report's title block (see
   * prepareFile.ts); absent otherwise.
   */
  preambleLines?: number;
}

const HEAD_BYTES = 256 * 1024;
const DELIMITERS = [';', ',', '\t', '|'];

/** A file's dialect, and the scan of its bytes (null for UTF-16, scanned once transcoded). */
export interface SniffedFile {
  dialect: FileDialect;
  scan: CsvScan | null;
  /** The file's first lines as text (header included), for finding a header that is not on line 1. */
  firstLines: string[];
}

/** Lines kept in `firstLines`: a report's title block is a few lines, never dozens. */
const FIRST_LINES = 20;

/**
 * Reads a file's encoding, delimiter and header, scanning the whole file once (see scanCsv.ts) for
 * its records and the evidence of its encoding. Files that cannot be read at all throw a LoadError.
 */
export async function sniffFile(
  path: string,
  displayName: string,
  forced: { encoding?: TextEncoding; delimiter?: string; preambleLines?: number } = {},
): Promise<SniffedFile> {
  const size = (await stat(path)).size;
  const head = await readHead(path);
  if (size === 0 || head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new LoadError(displayName, 'o arquivo está vazio', 'exporte de novo com a linha de cabeçalho e os dados');
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new LoadError(displayName, 'é uma planilha Excel (.xlsx) ou outro arquivo ZIP com nome de CSV', excelHint);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    throw new LoadError(
      displayName,
      'é um arquivo comprimido (gzip) com nome de CSV',
      'renomeie-o para terminar em .csv.gz (ex.: pedidos.csv.gz), que é lido direto',
    );
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new LoadError(displayName, 'é uma planilha Excel antiga (.xls) com nome de CSV', excelHint);
  }
  const utf16 = (forced.encoding ?? (head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : null)) === 'utf-16le';
  if (!utf16 && head.includes(0)) {
    throw new LoadError(
      displayName,
      'parece um arquivo binário (contém bytes nulos), não um CSV de texto',
      'exporte como CSV (separado por ; ou ,) em UTF-8 ou Windows-1252',
    );
  }
  // Delimiters and quotes are ASCII: any 8-bit reading of the header finds them.
  const ascii = decode(head, utf16 ? 'utf-16le' : 'latin1');
  const hint = separatorHint(headerRecord(ascii));
  const preambleLines = forced.preambleLines ?? (hint === null ? 0 : 1);
  const delimiter = forced.delimiter ?? hint ?? detectDelimiter(headerRecord(afterLines(ascii, preambleLines)));
  const scan = utf16 ? null : await scanCsv(path, delimiter, preambleLines);
  const encoding = utf16 ? 'utf-16le' : (forced.encoding ?? (await decideEncoding(path, displayName, head, scan!)));
  const text = decode(head, encoding);
  const headerLine = headerRecord(afterLines(text, preambleLines));
  if (headerLine.trim() === '') {
    const problem = preambleLines
      ? 'a linha 2, abaixo da indicação de separador do Excel (sep=) na linha 1, está em branco; o cabeçalho deve estar nela'
      : 'a primeira linha está em branco; o cabeçalho deve estar na linha 1';
    throw new LoadError(displayName, problem, 'apague as linhas em branco acima do cabeçalho');
  }
  const headers = splitRecord(headerLine, delimiter).map((h) => h.trim());
  return {
    dialect: { encoding, delimiter, headers, ...(preambleLines ? { preambleLines } : {}) },
    scan,
    firstLines: text.split(/\r\n|\n|\r/, FIRST_LINES),
  };
}

/**
 * The delimiter Excel's separator hint names (`sep=;` on line 1, quoted or not, with the empty cells a
 * spreadsheet may add after it), else null.
 */
export function separatorHint(line: string): string | null {
  const match = /^"?sep=([;,\t|])"?(.*)$/i.exec(line.replace(/ +$/, ''));
  if (!match) return null;
  const [, delimiter, rest] = match as unknown as [string, string, string];
  return [...rest].every((ch) => ch === delimiter) ? delimiter : null;
}

/** The text after its first `count` lines (a separator hint is one short unquoted line). */
function afterLines(text: string, count: number): string {
  let rest = text;
  for (let i = 0; i < count; i++) {
    const end = rest.search(/\r\n|\n|\r/);
    rest = end < 0 ? '' : rest.slice(end + (rest.startsWith('\r\n', end) ? 2 : 1));
  }
  return rest;
}

/** Help text shared by every message about a spreadsheet dropped where a CSV was expected. */
export const excelHint =
  'abra no Excel e use Arquivo > Salvar como > "CSV (separado por vírgulas)" ou "CSV UTF-8"; ' +
  'salve cada aba num arquivo próprio com o nome da entidade (ex.: pedidos.csv). A leitura direta de Excel virá depois';

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function decode(head: Buffer, encoding: TextEncoding): string {
  return iconv.decode(head, encoding === 'utf-8' ? 'utf8' : encoding).replace(/^\uFEFF/, '');
}

/**
 * UTF-8 when the file says so (a BOM) or when it has at least as many valid multi-byte UTF-8
 * characters as bytes that are not UTF-8 (Windows-1252 text practically never holds a valid UTF-8
 * sequence): one line typed in a Windows-1252 editor does not turn every accent of the file into
 * mojibake; its bytes are read as Windows-1252 and the line is warned (see repairCsv.ts).
 * Otherwise Windows-1252, or Latin-1 when no byte is in 0x80-0x9F, the only range where they differ
 * (most Brazilian exports: ã, ç, é live above 0xA0), which DuckDB reads without a transcoding pass.
 */
async function decideEncoding(path: string, displayName: string, head: Buffer, scan: CsvScan): Promise<TextEncoding> {
  const { valid, invalid } = scan.utf8;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (invalid === 0 || bom || (valid > 0 && valid >= invalid)) {
    if (invalid > MAX_INVALID_BYTES) {
      const first = scan.repairs.find((r) => r.code === 'invalid_byte');
      throw new LoadError(
        displayName,
        `mistura codificações: ${valid.toLocaleString('pt-BR')} caracteres em UTF-8 e ${invalid.toLocaleString('pt-BR')} bytes que não são UTF-8` +
          (first ? ` (o primeiro na linha ${first.line})` : ''),
        'abra o arquivo num editor de texto e salve-o inteiro numa só codificação (de preferência UTF-8), ou exporte-o de novo',
      );
    }
    return 'utf-8';
  }
  return (await hasBytesIn80To9F(path)) ? 'windows-1252' : 'latin1';
}

async function hasBytesIn80To9F(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    if (/[\x80-\x9f]/.test((chunk as Buffer).toString('latin1'))) return true;
  }
  return false;
}

/** The first record of the text, honouring quotes that span lines. */
function headerRecord(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return text;
}

/** The delimiter that splits a line into the most fields (`,` when none does). */
export function detectDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = splitRecord(line, candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Splits one CSV record (RFC 4180 quoting, doubled quotes inside) into fields. */
export function splitRecord(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
