import { createReadStream } from 'node:fs';
import type { FileDialect } from './sniffFile.ts';

/** Physical line numbers (the header being line 1) of the records a report needs. */
export interface LineLookup {
  /** Loaded record index (DuckDB rowid of the raw table) → physical line where the record starts. */
  byRecord: Map<number, number>;
  /** DuckDB reject `line` (which skips line breaks inside quotes) → physical line. */
  byReaderLine: Map<number, number>;
  /** Physical line where a loaded record starts → its record index (the inverse of byRecord). */
  recordByLine: Map<number, number>;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/**
 * Finds where records start in a CSV file DuckDB read (the export or its mended copy, whose quotes
 * all close). DuckDB numbers loaded rows without gaps and skips blank lines; its reject table counts
 * lines but not breaks inside quoted fields. Walking the bytes once, honouring quotes as DuckDB does
 * (a quote opens a field only at its start, `""` inside quotes is one quote), gives the physical line
 * of both. Only files with problems are walked, and only as far as the last record asked for, so
 * clean runs never pay for it.
 */
export async function findLines(
  path: string,
  dialect: Pick<FileDialect, 'delimiter' | 'preambleLines'>,
  want: { records?: number[]; readerLines?: number[]; lines?: number[] },
): Promise<LineLookup> {
  const delim = dialect.delimiter.charCodeAt(0);
  // lines above the header (Excel's sep= hint), which DuckDB skips: no record, no header
  let preamble = dialect.preambleLines ?? 0;
  const wantedRecords = new Set(want.records ?? []);
  const rejectedLines = new Set(want.readerLines ?? []);
  const wantedLines = new Set(want.lines ?? []);
  const lastRecord = largest(wantedRecords);
  const lastReaderLine = largest(rejectedLines);
  const lastLine = largest(wantedLines);
  const lookup: LineLookup = { byRecord: new Map(), byReaderLine: new Map(), recordByLine: new Map() };

  let physical = 1;
  let readerLine = 1;
  let startPhysical = 1;
  let startReaderLine = 1;
  let hasContent = false;
  let inQuotes = false;
  let quoteSeen = false;
  let atFieldStart = true;
  let leadingSpace = false;
  let seenHeader = false;
  let recordIndex = 0;
  const done = () => recordIndex > lastRecord && readerLine > lastReaderLine && physical > lastLine;

  const finishRecord = () => {
    if (preamble > 0) {
      preamble--;
    } else if (!seenHeader) {
      seenHeader = true;
    } else if (rejectedLines.has(startReaderLine)) {
      lookup.byReaderLine.set(startReaderLine, startPhysical);
    } else {
      if (wantedRecords.has(recordIndex)) lookup.byRecord.set(recordIndex, startPhysical);
      if (wantedLines.has(startPhysical)) lookup.recordByLine.set(startPhysical, recordIndex);
      recordIndex++;
    }
  };

  outer: for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (b === QUOTE) continue; // a doubled quote stands for one
          inQuotes = false; // that quote closed the field; this byte is read outside quotes
        } else {
          if (b === QUOTE) quoteSeen = true;
          else if (b === LF) physical++;
          continue;
        }
      }
      if (b === LF) {
        physical++;
        // the lines above the header are counted blank or not, as read_csv's skip counts them
        if (hasContent || preamble > 0) finishRecord();
        readerLine++;
        startPhysical = physical;
        startReaderLine = readerLine;
        hasContent = false;
        atFieldStart = true;
        leadingSpace = false;
        if (done()) break outer;
      } else if (b !== CR) {
        hasContent = true;
        if (b === delim) {
          atFieldStart = true;
          leadingSpace = false;
        } else if (b === QUOTE && atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
        } else if (b === SPACE && atFieldStart && !leadingSpace) {
          leadingSpace = true; // one space may come before an opening quote, as DuckDB reads
        } else {
          atFieldStart = false;
        }
      }
    }
  }
  if (hasContent && !done()) finishRecord();
  return lookup;
}

/** The largest number of a set, or -1 (a spread into Math.max overflows the stack on big sets). */
function largest(values: Set<number>): number {
  let max = -1;
  for (const v of values) if (v > max) max = v;
  return max;
}
