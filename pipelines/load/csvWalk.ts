import { utf8Length, utf8Sequence } from './utf8Bytes.ts';
import type { CsvScan, ScanProblem } from './scanCsv.ts';

/**
 * Records longer than this are left out. Real exports have records of a few hundred bytes; DuckDB's
 * reader stops with a raw error past 2 MB, and a Windows-1252 record can grow up to 3 times when
 * transcoded, so the limit stays well below.
 */
export const MAX_RECORD_BYTES = 512 * 1024;

/** Invalid bytes kept with their place; a file with more is not UTF-8 with a few stray bytes. */
export const MAX_INVALID_BYTES = 10_000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/** Byte classes of the fast path. */
const PLAIN = 0;
const BREAK = 1;
const HIGH = 2;
const LOOK = 3;
const FAST_KIND = new Uint8Array(256).map((_, b) => (b === LF ? BREAK : b === QUOTE || b === CR ? LOOK : b >= 0x80 ? HIGH : PLAIN));

/** Quote states of the current field. */
const UNQUOTED = 0;
const IN_QUOTES = 1;
/** A quote inside quotes: the closing one, or the first of a doubled one. */
const QUOTE_IN_QUOTES = 2;
/** After the closing quote: only spaces may come before the delimiter or the line break. */
const CLOSED = 3;

/**
 * The state machine of scanCsv, fed chunk by chunk. It is one piece because every byte can change
 * the record, the field, the quote and the UTF-8 state at once; splitting it would spread one rule
 * (how DuckDB reads a quote) over several files.
 */
export class CsvWalk {
  readonly scan: CsvScan = { records: 0, lineBreak: 'lf', dropped: [], repairs: [], utf8: { valid: 0, invalid: 0 } };
  private line = 1;
  private headerDone = false;
  // the record being read, and what it found (kept only if the record is)
  private recStart = 0;
  private recLine = 1;
  private recHasContent = false;
  private pending: ScanProblem[] = [];
  private pendingValid = 0;
  private pendingInvalid = 0;
  private invalidKept = 0;
  // the field being read
  private field = 0;
  private fieldStart = 0;
  /** Whether a quote here would open the field: at its start, after at most one space (as DuckDB reads). */
  private atFieldStart = true;
  private leadingSpace = false;
  private quote = UNQUOTED;
  private quoteField = 0;
  private quoteFieldStart = 0;
  /** The first line break inside the open quote and the line after it; -1 while there is none. */
  private quoteBreak = -1;
  private quoteBreakLine = 0;
  private longestField = 0;
  private longestFieldStart = 0;
  private longestFieldLength = -1;
  /** A CR outside quotes, whose next byte tells a CRLF from a stray CR. */
  private pendingCR = -1;
  /** The problem of a record left out, while skipping to the end of its line. */
  private skipping: ScanProblem | null = null;
  // UTF-8: continuation bytes still expected, and the range of the next one
  private need = 0;
  private seqStart = 0;
  private nextMin = 0x80;
  private nextMax = 0xbf;

  /** A record start the fast path gave back, to be read byte by byte. */
  private slowRecord = -1;
  /** Line breaks outside quotes ending in LF alone and in CRLF. */
  private lfBreaks = 0;
  private crlfBreaks = 0;

  /** @param preamble lines above the header that are not records (Excel's `sep=;` hint, a report's title block), blank ones included. */
  constructor(
    private readonly delim: number,
    private preamble = 0,
  ) {}

  /** Reads a chunk; returns the offset to read on from when a broken quote sends the walk back, else -1. */
  feed(buffer: Buffer, length: number, base: number): number {
    const crBreaks = this.scan.lineBreak === 'cr';
    for (let i = 0; i < length; i++) {
      if (base + i === this.recStart && this.recStart !== this.slowRecord && this.headerDone && !crBreaks) {
        i = this.fastLines(buffer, i, length, base);
        if (i >= length) break;
        this.slowRecord = base + i;
      }
      const b = buffer[i]!;
      const at = base + i;

      if (this.skipping) {
        if (b === LF || (b === CR && crBreaks)) this.endSkipped(at);
        continue;
      }
      if (this.need > 0) {
        if (b >= this.nextMin && b <= this.nextMax) {
          this.nextMin = 0x80;
          this.nextMax = 0xbf;
          if (--this.need === 0) this.pendingValid++;
          // a continuation byte is never structural, only content
          this.recHasContent = true;
          if (this.quote === UNQUOTED) this.atFieldStart = false;
          continue;
        }
        this.need = 0;
        this.nextMin = 0x80;
        this.nextMax = 0xbf;
        for (let k = this.seqStart; k < at; k++) this.invalid(k);
      }
      let afterCR = false;
      if (this.pendingCR >= 0) {
        const cr = this.pendingCR;
        this.pendingCR = -1;
        afterCR = b === LF;
        if (!afterCR) {
          if (!this.headerDone) {
            // The header ends in a CR alone: an old Mac export, whose every line does.
            this.scan.lineBreak = 'cr';
            this.endLine(cr);
            return at;
          }
          // Read as the space it is mended into.
          this.recHasContent = true;
          this.pending.push({ code: 'stray_carriage_return', line: this.recLine, field: this.field, fieldStart: this.fieldStart, at: cr });
          this.space();
        }
      }
      if (b >= 0x80) this.leadByte(b, at);

      if (this.quote === IN_QUOTES) {
        if (b === QUOTE) this.quote = QUOTE_IN_QUOTES;
        else if (b === LF || (b === CR && crBreaks)) {
          this.line++;
          if (this.quoteBreak < 0) {
            this.quoteBreak = at;
            this.quoteBreakLine = this.line;
          }
        }
        if (at - this.recStart > MAX_RECORD_BYTES) {
          const resume = this.breakQuote(true);
          if (resume >= 0) return resume;
        }
        continue;
      }
      if (this.quote === QUOTE_IN_QUOTES) {
        if (b === QUOTE) {
          this.quote = IN_QUOTES; // a doubled quote stands for one
          continue;
        }
        this.quote = CLOSED;
      }

      // Outside quotes: a field without them, or after its closing quote.
      if (b === LF || (b === CR && crBreaks)) {
        if (afterCR) this.crlfBreaks++;
        else this.lfBreaks++;
        this.endLine(at);
        continue;
      }
      if (b === CR) {
        this.pendingCR = at;
        continue;
      }
      this.recHasContent = true;
      if (b === this.delim) {
        this.endField(at);
        this.startField(at + 1, this.field + 1);
      } else if (b === SPACE) {
        this.space();
      } else if (this.quote === CLOSED) {
        const resume = this.breakQuote(false);
        if (resume >= 0) return resume;
      } else if (b === QUOTE && this.atFieldStart) {
        this.quote = IN_QUOTES;
        this.quoteField = this.field;
        this.quoteFieldStart = this.fieldStart;
        this.quoteBreak = -1;
        this.atFieldStart = false;
      } else {
        this.atFieldStart = false;
      }
    }
    return -1;
  }

  /** The end of the file at `size`; returns the offset to read on from when a quote was left open, else -1. */
  finish(size: number): number {
    const resume = this.finishRecords(size);
    if (resume < 0 && this.scan.lineBreak !== 'cr') {
      this.scan.lineBreak = this.crlfBreaks === 0 ? 'lf' : this.lfBreaks === 0 ? 'crlf' : 'mixed';
    }
    return resume;
  }

  private finishRecords(size: number): number {
    if (this.need > 0) {
      this.need = 0;
      for (let k = this.seqStart; k < size; k++) this.invalid(k);
    }
    if (this.skipping) {
      this.endSkipped(size);
      return -1;
    }
    if (this.pendingCR >= 0) {
      // DuckDB's reader stops on a CR alone even at the very end of the file.
      this.recHasContent = true;
      this.pending.push({ code: 'stray_carriage_return', line: this.recLine, field: this.field, fieldStart: this.fieldStart, at: this.pendingCR });
      this.pendingCR = -1;
    }
    if (this.quote === IN_QUOTES) {
      const resume = this.breakQuote(false);
      if (resume >= 0) return resume;
      this.endSkipped(size);
      return -1;
    }
    this.endRecord(size);
    return -1;
  }

  /**
   * The fast path: whole lines with nothing to look at closely (no quote, no CR but in CRLF, only
   * valid UTF-8), one comparison per byte. Counts them and returns where the first line that needs
   * the byte-by-byte walk starts (or `length`). Most files are read this way from start to end.
   */
  private fastLines(buffer: Buffer, from: number, length: number, base: number): number {
    let i = from;
    let lineStart = from;
    let lines = 0;
    let crlfLines = 0;
    let records = 0;
    let valid = 0;
    let validAtLineStart = 0;
    while (i < length) {
      const b = buffer[i]!;
      const kind = FAST_KIND[b]!;
      if (kind === PLAIN) {
        i++;
      } else if (kind === BREAK || (b === CR && buffer[i + 1] === LF && i + 1 < length)) {
        if (i > lineStart) {
          if (i - lineStart > MAX_RECORD_BYTES) break;
          records++;
        }
        lines++;
        if (b === CR) crlfLines++;
        i += b === CR ? 2 : 1;
        lineStart = i;
        validAtLineStart = valid;
      } else if (kind === HIGH) {
        const n = utf8Length(buffer, i, length);
        if (n === 0) break;
        valid++;
        i += n;
      } else {
        break; // a quote, or a CR not before an LF
      }
    }
    this.scan.records += records;
    this.scan.utf8.valid += validAtLineStart;
    this.line += lines;
    this.lfBreaks += lines - crlfLines;
    this.crlfBreaks += crlfLines;
    this.startRecord(base + lineStart);
    return lineStart;
  }

  /**
   * A space outside quotes. DuckDB allows any number after a closing quote, but only one before an
   * opening one: after two, a quote is a character of an unquoted field.
   */
  private space(): void {
    if (this.quote === CLOSED || !this.atFieldStart) return;
    if (this.leadingSpace) this.atFieldStart = false;
    this.leadingSpace = true;
  }

  private leadByte(b: number, at: number): void {
    this.seqStart = at;
    const sequence = utf8Sequence(b);
    if (!sequence) {
      this.invalid(at);
      return;
    }
    this.need = sequence.need;
    this.nextMin = sequence.min;
    this.nextMax = sequence.max;
  }

  private invalid(at: number): void {
    this.pendingInvalid++;
    if (this.invalidKept++ < MAX_INVALID_BYTES) {
      this.pending.push({ code: 'invalid_byte', line: this.recLine, field: this.field, fieldStart: this.fieldStart, at });
    }
  }

  private startRecord(offset: number): void {
    // A character cut by a record left out does not go on into the next record.
    this.need = 0;
    this.recStart = offset;
    this.recLine = this.line;
    this.recHasContent = false;
    this.pending = [];
    this.pendingValid = 0;
    this.pendingInvalid = 0;
    this.longestFieldLength = -1;
    this.startField(offset, 0);
  }

  private startField(offset: number, index: number): void {
    this.field = index;
    this.fieldStart = offset;
    this.atFieldStart = true;
    this.leadingSpace = false;
    this.quote = UNQUOTED;
    this.quoteBreak = -1;
  }

  private endField(offset: number): void {
    if (offset - this.fieldStart > this.longestFieldLength) {
      this.longestFieldLength = offset - this.fieldStart;
      this.longestField = this.field;
      this.longestFieldStart = this.fieldStart;
    }
  }

  /** A line break outside quotes at `at`: the record ends and the next one starts after it. */
  private endLine(at: number): void {
    this.endRecord(at);
    this.line++;
    this.startRecord(at + 1);
  }

  private endRecord(end: number): void {
    this.endField(end);
    if (this.preamble > 0) {
      this.preamble--; // DuckDB skips it too (read_csv's skip counts lines, blank ones included)
      return;
    }
    if (!this.recHasContent) return; // a blank line is no record, for DuckDB either
    if (!this.headerDone) {
      this.headerDone = true;
      for (const p of this.pending) this.scan.repairs.push({ ...p, inHeader: true });
    } else {
      this.scan.records++;
      if (end - this.recStart > MAX_RECORD_BYTES) {
        const problem: ScanProblem = {
          code: 'line_too_long',
          line: this.recLine,
          field: this.longestField,
          fieldStart: this.longestFieldStart,
          at: this.longestFieldStart,
        };
        this.scan.dropped.push({ start: this.recStart, end, problem });
        return;
      }
      for (const p of this.pending) this.scan.repairs.push(p);
    }
    this.scan.utf8.valid += this.pendingValid;
    this.scan.utf8.invalid += this.pendingInvalid;
  }

  /** A record left out ends at the end of the line being skipped. */
  private endSkipped(at: number): void {
    this.leaveOut(at, this.skipping!);
    this.skipping = null;
    this.line++;
    this.startRecord(at + 1);
  }

  private leaveOut(end: number, problem: ScanProblem): void {
    if (this.headerDone) {
      this.scan.records++;
      this.scan.dropped.push({ start: this.recStart, end, problem });
    }
    // A header with a broken quote has already failed to give its column names.
    this.headerDone = true;
  }

  /**
   * A quote that does not close properly: the record ends with the line the quote opened on and is
   * left out. Returns where to read on from (the line after it), or -1 when the quote opened on the
   * current line, which is then skipped to its end.
   */
  private breakQuote(tooLong: boolean): number {
    const problem: ScanProblem = {
      code: 'unterminated_quote',
      line: this.recLine,
      field: this.quoteField,
      fieldStart: this.quoteFieldStart,
      at: this.quoteFieldStart,
    };
    if (this.quoteBreak < 0) {
      if (tooLong) problem.code = 'line_too_long';
      this.skipping = problem;
      return -1;
    }
    if (this.quoteBreak - this.recStart > MAX_RECORD_BYTES) problem.code = 'line_too_long';
    this.leaveOut(this.quoteBreak, problem);
    this.line = this.quoteBreakLine;
    const resume = this.quoteBreak + 1;
    this.startRecord(resume);
    this.pendingCR = -1;
    this.need = 0;
    return resume;
  }
}
