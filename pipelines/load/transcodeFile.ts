import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { TextEncoding } from './sniffFile.ts';

/**
 * Streams a Windows-1252, Latin-1 or UTF-16 file into a UTF-8 copy for DuckDB. iconv-lite is used
 * because DuckDB's latin-1 reader and Node's TextDecoder both get €, curly quotes and dashes wrong.
 * Line breaks are kept byte for byte, so line numbers in the copy are those of the original.
 */
export async function transcodeToUtf8(source: string, target: string, encoding: Exclude<TextEncoding, 'utf-8'>): Promise<void> {
  await pipeline(
    createReadStream(source, { highWaterMark: 4 * 1024 * 1024 }),
    iconv.decodeStream(encoding, { stripBOM: true }),
    iconv.encodeStream('utf8'),
    createWriteStream(target, { highWaterMark: 4 * 1024 * 1024 }),
  );
}
