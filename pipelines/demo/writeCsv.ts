import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { partsOf } from './calendar.ts';

/** `canonical`: comma, ISO dates, decimal point, UTF-8, LF. `excel-br`: what Excel in pt-BR saves. */
export type Dialect = 'canonical' | 'excel-br';

/** Every dialect the demo is written in. */
export const DIALECTS: readonly Dialect[] = ['canonical', 'excel-br'];

/** How a column's values are written: money in integer cents, dates as day numbers, months as y×12+m−1. */
export type ColumnKind = 'text' | 'integer' | 'money' | 'date' | 'month' | 'boolean' | { readonly status: Readonly<Record<string, string>> };

/** A column: canonical name, Portuguese header and kind. */
export interface Column {
  readonly name: string;
  readonly header: string;
  readonly kind: ColumnKind;
}

/** A table: canonical and Portuguese file names and its columns. */
export interface TableSpec {
  readonly file: string;
  readonly excelFile: string;
  readonly columns: readonly Column[];
}

/** A cell value in canonical units; null is an empty field. */
export type Cell = string | number | boolean | null;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatMoney(cents: number, dialect: Dialect): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`money must be whole cents, got ${cents}`);
  const abs = Math.abs(cents);
  let units = Math.floor(abs / 100);
  const sign = cents < 0 ? '-' : '';
  if (dialect === 'canonical') return `${sign}${units}.${pad2(abs % 100)}`;
  // Thousands dots by hand: a regex here cost more than the rest of the formatting.
  let grouped = String(units % 1000);
  while (units >= 1000) {
    units = Math.floor(units / 1000);
    grouped = `${units % 1000}.${grouped.padStart(3, '0')}`;
  }
  return `${sign}${grouped},${pad2(abs % 100)}`;
}

/** Returns a function writing one kind of value in a dialect, with a cache for dates and months. */
function formatterFor(kind: ColumnKind, dialect: Dialect): (value: Cell) => string {
  const canonical = dialect === 'canonical';
  const needsQuotes = canonical ? /[",\r\n]/ : /[";\r\n]/;
  const cache = new Map<number, string>();
  const cached = (render: (n: number) => string) => (value: Cell) => {
    const n = value as number;
    let text = cache.get(n);
    if (text === undefined) {
      text = render(n);
      cache.set(n, text);
    }
    return text;
  };
  if (typeof kind === 'object') {
    return (value) => {
      const text = canonical ? String(value) : kind.status[value as string];
      if (text === undefined) throw new Error(`unknown status "${value}" (expected ${Object.keys(kind.status).join(', ')})`);
      return text;
    };
  }
  switch (kind) {
    case 'text':
      return (value) => {
        const text = value as string;
        return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      };
    case 'integer':
      return (value) => String(value);
    case 'money':
      return (value) => formatMoney(value as number, dialect);
    case 'boolean':
      return (value) => (canonical ? String(value) : value ? 'Sim' : 'Não');
    case 'date':
      return cached((day) => {
        const [y, m, d] = partsOf(day);
        return canonical ? `${y}-${pad2(m)}-${pad2(d)}` : `${pad2(d)}/${pad2(m)}/${y}`;
      });
    case 'month':
      return cached((month) => {
        const y = Math.floor(month / 12);
        return canonical ? `${y}-${pad2((month % 12) + 1)}` : `${pad2((month % 12) + 1)}/${y}`;
      });
  }
}

/**
 * Excel in pt-BR opens a BOM-less CSV as Windows-1252, so that is what the excel-br files are (no BOM).
 * Windows-1252 and Latin-1 agree on U+0000-U+007F and U+00A0-U+00FF, which covers Portuguese; chunks with
 * any other character (€, smart quotes, C1 controls) go through iconv-lite. The fast path halves the time
 * of a ten-million-line run's encoding.
 */
function encodeWindows1252(text: string): Buffer {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range names every byte Latin-1 encodes as itself
  return /[^\x00-\x7f\xa0-\xff]/.test(text) ? iconv.encode(text, 'win1252') : Buffer.from(text, 'latin1');
}

// Chunks of 64K characters: large enough that encoding and syscalls cost little, small enough that the strings
// die young (1 MB chunks got promoted to the old generation and doubled the peak memory of a 10M-line run).
const CHUNK_CHARS = 1 << 16;

/** One CSV file of one dialect, buffered in large chunks with the stream's backpressure honoured in `drain`. */
class DialectFile {
  readonly path: string;
  private readonly stream: WriteStream;
  private readonly format: ((value: Cell) => string)[];
  private readonly separator: string;
  private readonly newline: string;
  private buffer = '';

  constructor(
    dir: string,
    spec: TableSpec,
    private readonly dialect: Dialect,
  ) {
    const canonical = dialect === 'canonical';
    this.path = join(dir, dialect, canonical ? spec.file : spec.excelFile);
    this.stream = createWriteStream(this.path, { highWaterMark: 1 << 20 });
    this.format = spec.columns.map((column) => formatterFor(column.kind, dialect));
    this.separator = canonical ? ',' : ';';
    this.newline = canonical ? '\n' : '\r\n';
    this.buffer = spec.columns.map((c) => (canonical ? c.name : c.header)).join(this.separator) + this.newline;
  }

  write(cells: readonly Cell[]): void {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (i > 0) line += this.separator;
      if (value !== null && value !== undefined && value !== '') line += this.format[i]!(value);
    }
    this.buffer += line + this.newline;
    if (this.buffer.length >= CHUNK_CHARS) this.push();
  }

  async drain(): Promise<void> {
    // Asked of the stream rather than remembered: it may have drained while another file was awaited.
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.push();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  private push(): void {
    if (this.buffer.length === 0) return;
    const bytes = this.dialect === 'excel-br' ? encodeWindows1252(this.buffer) : Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.stream.write(bytes);
  }
}

/** Writes every row of a table to both dialects at once, so the two can never disagree on the data. */
export class TableWriter {
  rows = 0;
  private readonly files: DialectFile[];

  constructor(
    dir: string,
    readonly spec: TableSpec,
    dialects: readonly Dialect[] = DIALECTS,
  ) {
    this.files = dialects.map((dialect) => new DialectFile(dir, spec, dialect));
  }

  /** Appends one row (cells in the spec's column order, canonical units). */
  write(cells: readonly Cell[]): void {
    if (cells.length !== this.spec.columns.length) {
      throw new Error(`${this.spec.file}: expected ${this.spec.columns.length} cells, got ${cells.length}`);
    }
    this.rows++;
    for (const file of this.files) file.write(cells);
  }

  /** Waits until the files have taken what was written (call between batches). */
  async drain(): Promise<void> {
    for (const file of this.files) await file.drain();
  }

  /** Flushes and closes the files; returns their paths and data-row counts. */
  async close(): Promise<{ path: string; rows: number }[]> {
    for (const file of this.files) await file.close();
    return this.files.map((file) => ({ path: file.path, rows: this.rows }));
  }
}
