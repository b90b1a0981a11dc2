import { open } from 'node:fs/promises';
import { CsvWalk } from './csvWalk.ts';

export { MAX_INVALID_BYTES, MAX_RECORD_BYTES } from './csvWalk.ts';

/**
 * A problem the scan found, where a person can find it. Offsets are bytes of the scanned file.
 * - unterminated_quote: a field opens a quote that does not close as RFC 4180 says (before a
 *   delimiter or a line break); the record ends with the line the quote opened on and is left out,
 *   and the next line is read as a new record.
 * - line_too_long: a record longer than MAX_RECORD_BYTES; left out.
 * - stray_carriage_return: a CR alone (not before an LF) outside quotes in a file whose lines end in
 *   LF or CRLF; it is read as a space and the record is kept.
 * - invalid_byte: a byte that is not UTF-8; in a file read as UTF-8 it is read as Windows-1252.
 */
export interface ScanProblem {
  code: 'unterminated_quote' | 'line_too_long' | 'stray_carriage_return' | 'invalid_byte';
  /** Physical line where the record starts (header = line 1, line breaks inside quotes counted). */
  line: number;
  /** 0-based field of the record where the problem is. */
  field: number;
  /** Offset where that field starts, to show its text in the report. */
  fieldStart: number;
  /** Offset of the byte itself (a CR or an invalid byte); the field start for records left out. */
  at: number;
  /** A repair in the header, made so DuckDB can read it, but not a data row to report. */
  inHeader?: boolean;
}

/** A record left out: the bytes from `start` to `end` (its line breaks kept, so lines keep their numbers). */
export interface DroppedRecord {
  start: number;
  end: number;
  problem: ScanProblem;
}

/** What one pass over a CSV file found, without DuckDB. */
export interface CsvScan {
  /** Data records: the header excluded, blank lines skipped, line breaks inside quotes inside their record. */
  records: number;
  /**
   * The line breaks outside quotes: 'cr' for old Mac exports (decided by the header), 'mixed' when
   * some lines end in LF and others in CRLF, which stops DuckDB's reader as a stray CR does.
   */
  lineBreak: 'lf' | 'crlf' | 'mixed' | 'cr';
  /** Records left out (counted in `records`). */
  dropped: DroppedRecord[];
  /** Stray CRs and invalid bytes of records kept; invalid bytes only up to MAX_INVALID_BYTES. */
  repairs: ScanProblem[];
  /** Multi-byte characters that are valid UTF-8, and bytes that are not: the evidence for the encoding. */
  utf8: { valid: number; invalid: number };
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Walks a CSV file once, the way DuckDB's reader with strict_mode reads it (a quote opens a field only
 * at its start, spaces around quotes allowed, `""` inside quotes is one quote), and counts its records
 * independently of DuckDB, so the loader can check that DuckDB read as many. On the way it finds what
 * would make DuckDB's reader swallow the rest of the file, split a record or stop with a raw error
 * (see ScanProblem), and collects the evidence the encoding is decided by. Works on the bytes of any
 * ASCII-compatible encoding (UTF-8, Windows-1252, Latin-1).
 */
export async function scanCsv(path: string, delimiter: string, preambleLines = 0): Promise<CsvScan> {
  const walk = new CsvWalk(delimiter.charCodeAt(0), preambleLines);
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  try {
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      // A quote found broken further on sends the walk back to the line after the one it opened on.
      const resume = bytesRead === 0 ? walk.finish(position) : walk.feed(buffer, bytesRead, position);
      if (resume >= 0) position = resume;
      else if (bytesRead === 0) break;
      else position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return walk.scan;
}
