/**
 * Sorting DataTable's rows: the values a column sorts by, the comparison, and which column (if any) the
 * built order already follows. Shared by DataTable.astro (at build time) and src/client/tableSort.ts (in
 * the browser), so the order a header claims at build time is the order a click on it produces.
 *
 * Cells show pt-BR text ("R$ 1.234,56", "31/10/2026", "out/2026"); a numeric or dated column sorts by the
 * value behind the text, which DataTable writes in each cell's data-sort attribute (empty for a missing
 * value). A text column sorts by the text shown, in Portuguese alphabetical order, numbers in it by value.
 */

import { MISSING } from '../../pipelines/contract/locale.ts';

/** How a column sorts: by the number (or date, as epoch milliseconds) behind the cell, or by its text. */
export type SortKind = 'number' | 'date' | 'text';

/** A cell's sort key: a number for numeric and dated columns, the text for text columns; null when missing. */
export type SortKey = number | string | null;

export type SortDirection = 'ascending' | 'descending';

const MONTHS = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];
const SCALE: Record<string, number> = { mil: 1e3, mi: 1e6, bi: 1e9 };

/**
 * A date or period written as the report writes it, as epoch milliseconds (UTC) of its first day:
 * "31/10/2026", "out/2026", "T4 2026", "2º sem. 2026", "2026"; a note in parentheses after it ("nov/2026
 * (parcial)", "T4 2026 (em curso)") is ignored.
 */
export function parseDateText(text: string): number | null {
  const t = text.replace(/\s*\([^)]*\)$/, '');
  const day = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (day) return Date.UTC(Number(day[3]), Number(day[2]) - 1, Number(day[1]));
  const month = /^([a-zç]{3})\/(\d{4})$/.exec(t);
  if (month && MONTHS.includes(month[1]!)) return Date.UTC(Number(month[2]), MONTHS.indexOf(month[1]!), 1);
  const quarter = /^T([1-4]) (\d{4})$/.exec(t);
  if (quarter) return Date.UTC(Number(quarter[2]), (Number(quarter[1]) - 1) * 3, 1);
  const year = /^(19|20)\d{2}$/.exec(t);
  if (year) return Date.UTC(Number(t), 0, 1);
  const half = /^([12])º sem\. (\d{4})$/.exec(t);
  if (half) return Date.UTC(Number(half[2]), (Number(half[1]) - 1) * 6, 1);
  return null;
}

/** A number written as the report writes it ("R$ 1.234,56", "12,5%", "R$ 1,2 mi", "-3"), or null. */
export function parseNumberText(text: string): number | null {
  // The sign stands before "R$" in money ("-R$ 0,50") and before the figure elsewhere.
  const match = /^([-−+]?)(R\$\s?)?([-−+]?)(\d{1,3}(?:\.\d{3})*|\d+)(,\d+)?\s?(%|pp|p\.p\.|mil|mi|bi)?$/.exec(text.replace(/\u00a0/g, ' '));
  if (!match) return null;
  const n = Number(`${match[4]!.replace(/\./g, '')}.${(match[5] ?? ',0').slice(1)}`);
  const negative = /[-−]/.test(`${match[1]}${match[3]}`);
  return (negative ? -n : n) * (SCALE[match[6] ?? ''] ?? 1);
}

/** The text of a cell as it sorts: whitespace collapsed; null for the missing-value mark or nothing. */
export function textKey(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' || t === MISSING ? null : t;
}

/**
 * The value a cell sorts by, from the row's raw value and the text the cell shows: numbers and dates
 * by value, ISO dates ("2026-10-31") and pt-BR dates and numbers in the text by what they mean.
 */
export function cellSortValue(raw: unknown, text: string): { kind: SortKind; key: SortKey } {
  if (typeof raw === 'number') return { kind: 'number', key: Number.isFinite(raw) ? raw : null };
  if (typeof raw === 'bigint') return { kind: 'number', key: Number(raw) };
  if (raw instanceof Date) return { kind: 'date', key: Number.isNaN(raw.getTime()) ? null : raw.getTime() };
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(raw))
    return { kind: 'date', key: Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw) };
  const shown = textKey(text);
  if (shown === null) return { kind: 'number', key: null };
  const date = parseDateText(shown);
  if (date !== null) return { kind: 'date', key: date };
  const number = parseNumberText(shown);
  if (number !== null) return { kind: 'number', key: number };
  return { kind: 'text', key: shown };
}

/**
 * A column's sort kind and keys from its cells' values: numeric or dated when every cell with a value
 * is; otherwise text, every cell by the text it shows.
 */
export function columnSortKeys(cells: Array<{ raw: unknown; text: string }>): { kind: SortKind; keys: SortKey[] } {
  const values = cells.map((c) => cellSortValue(c.raw, c.text));
  const present = values.filter((v) => v.key !== null);
  if (present.length > 0 && present.every((v) => v.kind === 'date')) return { kind: 'date', keys: values.map((v) => v.key) };
  if (present.every((v) => v.kind !== 'text')) return { kind: 'number', keys: values.map((v) => v.key) };
  return { kind: 'text', keys: cells.map((c) => textKey(c.text)) };
}

const collator = new Intl.Collator('pt-BR', { numeric: true, sensitivity: 'base' });

/** Compares two keys of one column in a direction; missing values come last in either direction. */
export function compareKeys(a: SortKey, b: SortKey, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return direction === 'ascending' ? order : -order;
}

/**
 * The row order sorting by a column gives: indexes into `keys`, ties kept in their order (the built
 * order), so sorting again by the column the table was built in gives the built order back.
 */
export function sortedOrder(keys: SortKey[], direction: SortDirection): number[] {
  return keys.map((_, i) => i).sort((a, b) => compareKeys(keys[a]!, keys[b]!, direction) || a - b);
}

/** Whether rows in these keys' order are sorted in the direction (missing values last). */
export function isSorted(keys: SortKey[], direction: SortDirection): boolean {
  return keys.every((key, i) => i === 0 || compareKeys(keys[i - 1]!, key, direction) <= 0);
}

/**
 * The direction the keys are already sorted in, or null. A column with fewer than two distinct values
 * sorts nothing, so it is never said to be the order.
 */
export function sortedDirection(keys: SortKey[]): SortDirection | null {
  if (new Set(keys.filter((k) => k !== null)).size < 2) return null;
  if (isSorted(keys, 'descending')) return 'descending';
  if (isSorted(keys, 'ascending')) return 'ascending';
  return null;
}

/**
 * The column a table's built order follows, as its header states it: the column claimed (an error when
 * the rows do not follow it), or else the first whose values the rows follow, numbers and dates before
 * text (a name column in alphabetical order by chance says less than the figure ranked), judged on at
 * least three rows; null when none, or when `claimed` is false. Pinned rows (a total) are left out.
 */
export function builtOrder(
  columns: Array<{ kind: SortKind; keys: SortKey[] }>,
  pinned: boolean[],
  claimed?: number | false,
): { column: number; direction: SortDirection } | null {
  const free = (keys: SortKey[]) => keys.filter((_, r) => !pinned[r]);
  if (typeof claimed === 'number') {
    const keys = free(columns[claimed]!.keys);
    const direction = sortedDirection(keys) ?? (isSorted(keys, 'descending') ? 'descending' : null);
    return direction ? { column: claimed, direction } : null;
  }
  if (claimed === false || pinned.filter((p) => !p).length < 3) return null;
  const candidates = [...columns.entries()].sort(([a, x], [b, y]) => Number(x.kind === 'text') - Number(y.kind === 'text') || a - b);
  for (const [column, { keys }] of candidates) {
    const direction = sortedDirection(free(keys));
    if (direction) return { column, direction };
  }
  return null;
}

/**
 * A sort key as the data-sort attribute holds it: '' when missing; a number of up to 7 digits as is, a
 * longer one in exponent form with 10 significant digits (ample to order money to the centavo and dates to
 * the second). A run of 8 to 14 digits, as in "208.09803125", reads like a CPF or a phone number to anyone
 * scanning the published pages for personal data, and the privacy scan rightly cannot tell the difference.
 */
export function sortAttribute(key: SortKey): string {
  if (key === null) return '';
  if (typeof key === 'string') return key;
  const plain = String(key);
  return plain.replace(/\D/g, '').length <= 7 ? plain : key.toExponential(9);
}

/**
 * Rewrites a body cell's text and the value it sorts by (data-sort), for scripts that redraw a built
 * table's figures in the browser (the filters). A text column's cells sort by their text and keep no data-sort.
 */
export function writeCell(cell: HTMLElement, raw: unknown, text: string): void {
  cell.textContent = text;
  if (cell.dataset.sort !== undefined) cell.dataset.sort = sortAttribute(cellSortValue(raw, text).key);
}
