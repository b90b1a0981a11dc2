import { isUf, UFS } from '../brazil/ufs.ts';

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ T](\d{1,2}:\d{2})(:\d{2})?)?$/;

/**
 * Whether a file writes its slash dates month first. One file keeps one convention, so every date
 * column of the sample is evidence: some middle part above 12 and no first part above 12 says
 * month first (m/d/aaaa); anything else leaves the loader's default, dd/mm/aaaa.
 */
export function isMonthFirst(columns: string[][]): boolean {
  const parts = columns.flatMap((values) => values.map((v) => SLASH_DATE.exec(v)).filter((m) => m !== null));
  return parts.some((m) => Number(m[2]) > 12) && !parts.some((m) => Number(m[1]) > 12);
}

/** The strptime format of a column of month-first slash dates (with its year digits and time), or undefined. */
export function monthFirstFormat(values: string[]): string | undefined {
  const slash = values.map((v) => SLASH_DATE.exec(v)).filter((m) => m !== null);
  if (!slash.length || slash.length < values.length * 0.9) return undefined;
  const year = slash[0]![3]!.length === 2 ? '%y' : '%Y';
  const time = slash[0]![4] ? (slash[0]![5] ? ' %H:%M:%S' : ' %H:%M') : '';
  return `%m/%d/${year}${time}`;
}

/** The decimal separator most numbers of the sample use, or undefined when none says. */
export function guessDecimal(columns: string[][]): ',' | '.' | undefined {
  let comma = 0;
  let point = 0;
  for (const values of columns) {
    for (const v of values) {
      const n = v.replace(/^R\$\s*/, '');
      // 1.234 and 1,234 are thousands as often as decimals: they say nothing
      if (/^-?[\d.]*\d,\d+$/.test(n) && !/^-?\d{1,3}(,\d{3})+$/.test(n)) comma++;
      else if (/^-?[\d,]*\d\.\d+$/.test(n) && !/^-?\d{1,3}(\.\d{3})+$/.test(n)) point++;
    }
  }
  if (comma === point) return undefined;
  return comma > point ? ',' : '.';
}

/** True for a column of fractions between 0 and 1 (a discount rate), which must never be read as money. */
export function isFraction(values: string[]): boolean {
  const numbers = values.map((v) => Number(v.replace(',', '.')));
  return numbers.length > 0 && numbers.every((n) => Number.isFinite(n) && n >= 0 && n <= 1) && numbers.some((n) => n > 0 && n < 1);
}

/** True when at least half the values are Brazilian states (UF codes or names). */
export function mostlyUfs(values: string[]): boolean {
  const names = new Set(UFS.map((u) => fold(u.name)));
  const valid = values.filter((v) => isUf(v.toUpperCase()) || names.has(fold(v))).length;
  return values.length > 0 && valid * 2 >= values.length;
}

/** English and ERP status words the loader does not know, with the key they most likely mean. */
const STATUS_GUESSES: Record<string, string> = {
  delivered: 'invoiced',
  shipped: 'invoiced',
  complete: 'invoiced',
  completed: 'invoiced',
  paid: 'invoiced',
  closed: 'invoiced',
  billed: 'invoiced',
  approved: 'invoiced',
  enviado: 'invoiced',
  pago: 'invoiced',
  aprovado: 'invoiced',
  unavailable: 'canceled',
  voided: 'canceled',
  void: 'canceled',
  refused: 'canceled',
  refunded: 'returned',
  estornado: 'returned',
};

/**
 * A `values` translation for an enum column: each distinct sampled spelling the loader does not know,
 * with a guess, or "?" for the user to fill in (a "?" left in is rejected as unknown_value).
 */
export function guessValues(values: string[], known: Record<string, string>): Record<string, string> | undefined {
  const knownFolded = new Set(Object.keys(known).map(foldKey));
  const out: Record<string, string> = {};
  for (const v of new Set(values)) {
    if (knownFolded.has(foldKey(v))) continue;
    out[v] = STATUS_GUESSES[foldKey(v)] ?? '?';
  }
  return Object.keys(out).length ? out : undefined;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** As the loader's fold_key macro: lower case, no accents, runs of other characters as one "_". */
function foldKey(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
