import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { LoadError } from './loadError.ts';

/** Text encodings the loader reads; anything not UTF-8 is transcoded before DuckDB sees it. */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'latin1' | 'utf-16le';

/** What the loader learned from a file's first bytes. */
export interface FileDialect {
  encoding: TextEncoding;
  delimiter: string;
  headers: string[];
}

const HEAD_BYTES = 256 * 1024;
const DELIMITERS = [';', ',', '\t', '|'];

/** Reads a file's encoding, delimiter and header. Files that cannot be read at all throw a LoadError. */
export async function sniffFile(path: string, displayName: string, forced: { encoding?: TextEncoding; delimiter?: string } = {}): Promise<FileDialect> {
  const size = (await stat(path)).size;
  const head = await readHead(path);
  if (size === 0 || head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new LoadError(displayName, 'o arquivo está vazio', 'exporte de novo com a linha de cabeçalho e os dados');
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new LoadError(displayName, 'é uma planilha Excel (.xlsx) ou outro arquivo ZIP com nome de CSV', excelHint);
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new LoadError(displayName, 'é uma planilha Excel antiga (.xls) com nome de CSV', excelHint);
  }
  const encoding = forced.encoding ?? (await detectEncoding(path, head));
  if (encoding !== 'utf-16le' && head.includes(0)) {
    throw new LoadError(displayName, 'parece um arquivo binário (contém bytes nulos), não um CSV de texto', 'exporte como CSV (separado por ; ou ,) em UTF-8 ou Windows-1252');
  }
  const text = iconv.decode(head, encoding === 'utf-8' ? 'utf8' : encoding).replace(/^\uFEFF/, '');
  const firstLine = headerRecord(text);
  if (firstLine.trim() === '') {
    throw new LoadError(displayName, 'a primeira linha está em branco; o cabeçalho deve estar na linha 1', 'apague as linhas em branco acima do cabeçalho');
  }
  const delimiter = forced.delimiter ?? detectDelimiter(firstLine);
  const headers = splitRecord(firstLine, delimiter).map((h) => h.trim());
  return { encoding, delimiter, headers };
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

async function detectEncoding(path: string, head: Buffer): Promise<TextEncoding> {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (await isWholeFileUtf8(path)) return 'utf-8';
  // Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, curly quotes, dashes). Files without those
  // bytes (most Brazilian exports: ã, ç, é live above 0xA0) are read by DuckDB as Latin-1 directly,
  // skipping the transcoding pass.
  return (await hasBytesIn80To9F(path)) ? 'windows-1252' : 'latin1';
}

async function hasBytesIn80To9F(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    if (/[\x80-\x9f]/.test((chunk as Buffer).toString('latin1'))) return true;
  }
  return false;
}

/** Streams the file through the native UTF-8 validator, cutting chunks after a newline so no character is split. */
async function isWholeFileUtf8(path: string): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    const data: Buffer = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = data.lastIndexOf(0x0a) + 1;
    if (cut === 0 && data.length < 64 * 1024 * 1024) {
      carry = data;
      continue;
    }
    const end = cut === 0 ? data.length : cut;
    if (!isUtf8(data.subarray(0, end))) return false;
    carry = data.subarray(end);
  }
  return carry.length === 0 || isUtf8(carry);
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

function detectDelimiter(line: string): string {
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
