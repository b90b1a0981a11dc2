import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { CsvScan } from './scanCsv.ts';
import type { TextEncoding } from './sniffFile.ts';

const LF = 0x0a;
const CR = 0x0d;

/**
 * One change to the bytes of a file: `length` bytes at `at` become `bytes`, only their line breaks
 * (a record left out), or the UTF-8 of the Windows-1252 character they are (a byte that is not UTF-8).
 */
interface Edit {
  at: number;
  length: number;
  bytes: Buffer | 'line breaks' | 'windows-1252';
}

/** Whether the scan found anything the copy DuckDB reads must change. */
export function needsRepair(scan: CsvScan, encoding: TextEncoding): boolean {
  return (
    scan.lineBreak === 'cr' ||
    scan.lineBreak === 'mixed' ||
    scan.dropped.length > 0 ||
    scan.repairs.some((r) => encoding === 'utf-8' || r.code !== 'invalid_byte')
  );
}

/**
 * Writes the UTF-8 copy of a file DuckDB reads, with what the scan found mended: records left out
 * become blank lines (which DuckDB skips), a stray CR becomes a space, an invalid byte of a UTF-8 file
 * becomes the Windows-1252 character it stands for. Every line break becomes an LF (DuckDB's reader
 * stops on a file mixing LF and CRLF, which a blank line left for a record in a CRLF file would make),
 * the CRs of an old Mac file included, and stays where it was, so physical line numbers in the copy are
 * those of the original. A CRLF inside quotes becomes an LF too.
 */
export async function repairCsv(source: string, target: string, scan: CsvScan, encoding: Exclude<TextEncoding, 'utf-16le'>): Promise<void> {
  const edits = editsOf(scan, encoding);
  const crToLf = scan.lineBreak === 'cr';
  async function* mended(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let base = 0;
    let next = 0;
    /** A CR ending the previous output, held back until the next byte tells whether an LF follows. */
    let heldCR = false;
    for await (const chunk of chunks) {
      const end = base + chunk.length;
      const parts: Buffer[] = [];
      let from = 0;
      while (next < edits.length && edits[next]!.at < end) {
        const edit = edits[next]!;
        const start = Math.max(edit.at - base, from);
        parts.push(chunk.subarray(from, start));
        const stop = Math.min(edit.at + edit.length - base, chunk.length);
        parts.push(replacement(edit, chunk.subarray(start, stop), crToLf));
        from = stop;
        if (edit.at + edit.length > end) break; // the edit goes on in the next chunk
        next++;
      }
      parts.push(chunk.subarray(from));
      if (heldCR) parts.unshift(Buffer.from([CR]));
      let out: Buffer = Buffer.concat(parts);
      if (crToLf) {
        for (let i = out.indexOf(CR); i >= 0; i = out.indexOf(CR, i + 1)) out[i] = LF;
      } else {
        heldCR = out.at(-1) === CR;
        out = withoutCrBeforeLf(heldCR ? out.subarray(0, -1) : out);
      }
      base = end;
      yield out;
    }
    if (heldCR) yield Buffer.from([CR]);
  }
  const read = createReadStream(source, { highWaterMark: 4 * 1024 * 1024 });
  const write = createWriteStream(target, { highWaterMark: 4 * 1024 * 1024 });
  if (encoding === 'utf-8') await pipeline(read, mended, write);
  else await pipeline(read, mended, iconv.decodeStream(encoding), iconv.encodeStream('utf8'), write);
}

/** The edits in file order; a repair inside a record left out is dropped with it. */
function editsOf(scan: CsvScan, encoding: TextEncoding): Edit[] {
  const dropped: Edit[] = scan.dropped.map((d) => ({ at: d.start, length: d.end - d.start, bytes: 'line breaks' }));
  const inDropped = (at: number) => scan.dropped.some((d) => at >= d.start && at < d.end);
  const repairs: Edit[] = [];
  for (const r of scan.repairs) {
    if (r.code === 'invalid_byte' && encoding !== 'utf-8') continue;
    if (scan.dropped.length && inDropped(r.at)) continue;
    repairs.push({ at: r.at, length: 1, bytes: r.code === 'stray_carriage_return' ? Buffer.from(' ') : 'windows-1252' });
  }
  return [...dropped, ...repairs].sort((a, b) => a.at - b.at);
}

/** The bytes with every CR that precedes an LF removed. */
function withoutCrBeforeLf(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) {
    if (bytes[i + 1] !== LF) continue;
    parts.push(bytes.subarray(from, i));
    from = i + 1;
  }
  if (from === 0) return bytes;
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

function replacement(edit: Edit, bytes: Buffer, crToLf: boolean): Buffer {
  if (edit.bytes === 'windows-1252') return iconv.encode(iconv.decode(bytes, 'win1252'), 'utf8');
  if (edit.bytes !== 'line breaks') return edit.bytes;
  let count = 0;
  for (const b of bytes) if (b === LF || (crToLf && b === CR)) count++;
  return Buffer.alloc(count, LF);
}
