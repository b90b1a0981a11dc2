import { createReadStream } from 'node:fs';

/** Physical line numbers (the header being line 1) of the records a report needs. */
export interface LineLookup {
  /** Loaded record index (DuckDB rowid of the raw table) → physical line where the record starts. */
  byRecord: Map<number, number>;
  /** DuckDB reject `line` (which skips line breaks inside quotes) → physical line. */
  byReaderLine: Map<number, number>;
}

/**
 * Finds where records start in a CSV file. DuckDB numbers loaded rows without gaps and skips blank
 * lines; its reject table counts lines but not breaks inside quoted fields. Walking the bytes once,
 * honouring quotes, gives the physical line of both. Only files with problems are walked, and only
 * as far as the last record asked for, so clean runs never pay for it.
 */
export async function findLines(path: string, records: number[], readerLines: number[]): Promise<LineLookup> {
  const wantedRecords = new Set(records);
  const rejectedLines = new Set(readerLines);
  const lastRecord = records.length ? Math.max(...records) : -1;
  const lastReaderLine = readerLines.length ? Math.max(...readerLines) : -1;
  const byRecord = new Map<number, number>();
  const byReaderLine = new Map<number, number>();

  let physical = 1;
  let readerLine = 1;
  let startPhysical = 1;
  let startReaderLine = 1;
  let hasContent = false;
  let inQuotes = false;
  let seenHeader = false;
  let recordIndex = 0;
  const done = () => recordIndex > lastRecord && readerLine > lastReaderLine;

  const finishRecord = () => {
    if (!seenHeader) {
      seenHeader = true;
    } else if (rejectedLines.has(startReaderLine)) {
      byReaderLine.set(startReaderLine, startPhysical);
    } else {
      if (wantedRecords.has(recordIndex)) byRecord.set(recordIndex, startPhysical);
      recordIndex++;
    }
  };

  outer: for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x22) {
        inQuotes = !inQuotes;
        hasContent = true;
      } else if (b === 0x0a) {
        physical++;
        if (inQuotes) continue;
        if (hasContent) finishRecord();
        readerLine++;
        startPhysical = physical;
        startReaderLine = readerLine;
        hasContent = false;
        if (done()) break outer;
      } else if (b !== 0x0d) {
        hasContent = true;
      }
    }
  }
  if (hasContent && !done()) finishRecord();
  return { byRecord, byReaderLine };
}
