/**
 * Whether a table fits a phone screen without scrolling sideways, judged at build time from the text it
 * will show: each column is at least as wide as its longest unbreakable piece (a whole number, which
 * never wraps, or the longest word of a text), and the columns together must fit the phone's width.
 */

/** The width a table gets on a 390 px phone (page padding taken off), in rem. */
export const PHONE_TABLE_REM = 22;

/** About the width of one character of table text on a phone, in rem (0.87rem system sans). */
const CHAR_REM = 0.5;

/** Cell padding left and right, in rem. */
const PADDING_REM = 0.8;

/** The least width of a long-text column (`.data-table .wide` in global.css), in rem. */
export const WIDE_COLUMN_REM = 14;

/** One column: its header and the texts of its cells, whether its cells are numbers (kept on one line) or long text. */
export interface ColumnTexts {
  header: string;
  cells: string[];
  numeric: boolean;
  wide?: boolean;
}

const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map((word) => word.length));

/** The narrowest the column can be, in rem. */
export function minColumnRem({ header, cells, numeric, wide = false }: ColumnTexts): number {
  // a loop, not Math.max(...cells): a table of a big base has more cells than a call has room for arguments
  let widest = longestWord(header);
  for (const text of cells) widest = Math.max(widest, numeric ? text.length : longestWord(text));
  return Math.max(widest * CHAR_REM + PADDING_REM, wide ? WIDE_COLUMN_REM : 0);
}

/** Whether the columns side by side fit in `width` rem. */
export function fitsPhone(columns: ColumnTexts[], width = PHONE_TABLE_REM): boolean {
  return columns.reduce((sum, column) => sum + minColumnRem(column), 0) <= width;
}
