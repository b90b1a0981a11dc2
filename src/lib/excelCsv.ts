/**
 * CSV that opens right in Brazilian Excel: `;` between fields, decimal comma, dd/mm/aaaa dates,
 * CRLF line ends and UTF-8 with a BOM (without it Excel reads the file as Windows-1252).
 */

/**
 * A column of the CSV: `name` is the key of the rows, `header` its title in the file (the name when absent);
 * `type` is the DuckDB type name, used to keep the time of TIMESTAMP columns; `labels` replaces coded
 * text values by their Portuguese labels (a key without a label stays as it is); `value`, when given,
 * computes the field from the whole row instead (e.g. a value written in the unit another column names).
 */
export interface CsvColumn {
  name: string;
  header?: string;
  type?: string;
  labels?: ReadonlyMap<string, string>;
  value?: (row: Record<string, unknown>) => unknown;
}

/** The UTF-8 byte order mark Excel needs to detect UTF-8. */
export const BOM = '\ufeff';

const DELIMITER = ';';
const EOL = '\r\n';

/**
 * Text beginning with one of these is run as a formula by spreadsheets (CSV injection); tab and
 * carriage return are included as OWASP recommends. Numbers are never prefixed.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A field holding one of these is quoted. */
export const NEEDS_QUOTES = /[";\r\n]/;

/** How Brazilian Excel writes true and false. */
export const TRUE_TEXT = 'VERDADEIRO';
export const FALSE_TEXT = 'FALSO';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatDate(date: Date, withTime: boolean): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCFullYear(), 4)}`;
  if (!withTime) return day;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  // toString switches to exponent notation beyond 1e21 and below 1e-6; Excel would read those as text.
  const text = Math.abs(n) >= 1e21 || (n !== 0 && Math.abs(n) < 1e-6) ? n.toFixed(20).replace(/\.?0+$/, '') : String(n);
  return text.replace('.', ',');
}

/** Quotes a field when it holds the delimiter, a quote or a line break. */
function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text as a CSV field: neutralized against formulas with a leading single quote, then quoted. */
export function textField(text: string): string {
  return quote(FORMULA_START.test(text) ? `'${text}` : text);
}

/** One value as a CSV field. */
export function csvField(value: unknown, column?: CsvColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? TRUE_TEXT : FALSE_TEXT;
  if (value instanceof Date) return formatDate(value, /^TIMESTAMP/i.test(column?.type ?? ''));
  if (typeof value === 'object') return textField(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
  if (typeof value === 'string' && column?.labels) return textField(column.labels.get(value) ?? value);
  return textField(String(value));
}

/** The BOM and the header line. */
export function csvHeader(columns: CsvColumn[]): string {
  return BOM + columns.map((c) => textField(c.header ?? c.name)).join(DELIMITER) + EOL;
}

/** Data lines for rows keyed by column name, each ending in CRLF. */
export function csvLines(columns: CsvColumn[], rows: Iterable<Record<string, unknown>>): string {
  let out = '';
  for (const row of rows) out += columns.map((c) => csvField(c.value ? c.value(row) : row[c.name], c)).join(DELIMITER) + EOL;
  return out;
}

/** A whole CSV file as bytes (UTF-8 with BOM). */
export function excelCsv(columns: CsvColumn[], rows: Iterable<Record<string, unknown>>): Buffer {
  return Buffer.from(csvHeader(columns) + csvLines(columns, rows), 'utf8');
}

/** A sheet holds 1,048,576 rows in Excel; the header takes one. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;

/**
 * A CSV part estimated above this size is zipped (CSV compresses about tenfold): a 1-million-row part
 * is 100-150 MB as text, too big for hosts with a per-file limit (Cloudflare Pages: 25 MiB) and slow to
 * download. Windows opens a .zip by itself.
 */
export const ZIP_ABOVE_BYTES = 20_000_000;

/** A generous estimate of one field's size in the CSV (measured 6-7 bytes on the 10M-line marts). */
const BYTES_PER_FIELD = 12;

/** How big a CSV file may get: rows per part, and the estimated size above which a part is zipped. */
export interface CsvPartLimits {
  maxRows?: number;
  zipAboveBytes?: number;
}

/** One CSV file of a mart's download and the mart rows it holds (1-based, inclusive). */
export interface CsvPart {
  /** The file to download: the CSV itself, or a .zip holding it. */
  file: string;
  /** The CSV's own name (inside the .zip when zipped). */
  csv: string;
  zipped: boolean;
  firstRow: number;
  lastRow: number;
}

/**
 * The CSV files of a mart with `rows` rows of `columns` columns: one `<name>.csv` when it fits in an
 * Excel sheet, else `<name>-parte-1-de-3.csv` and so on, each with the header and at most `maxRows`
 * rows, so that every file opens whole in Excel instead of losing the rows past the sheet's end. Parts
 * estimated above ZIP_ABOVE_BYTES come as `<part>.csv.zip`.
 */
export function csvParts(
  name: string,
  rows: number,
  columns: number,
  { maxRows = EXCEL_MAX_DATA_ROWS, zipAboveBytes = ZIP_ABOVE_BYTES }: CsvPartLimits = {},
): CsvPart[] {
  const count = Math.max(1, Math.ceil(rows / maxRows));
  const zipped = Math.min(rows, maxRows) * columns * BYTES_PER_FIELD > zipAboveBytes;
  return Array.from({ length: count }, (_, i) => {
    const csv = count === 1 ? `${name}.csv` : `${name}-parte-${i + 1}-de-${count}.csv`;
    return {
      file: zipped ? `${csv}.zip` : csv,
      csv,
      zipped,
      firstRow: rows ? i * maxRows + 1 : 0,
      lastRow: Math.min(rows, (i + 1) * maxRows),
    };
  });
}
