/**
 * LGPD: masking by content. Whatever column a value comes from, every CPF- or CNPJ-shaped run of
 * digits (punctuated or not, check digits right or wrong), every e-mail and every Brazilian phone in
 * it is replaced by asterisks before it leaves the pipeline (rejects, marts, pages, downloads, console).
 *
 * One list of patterns serves both DuckDB (RE2) and JavaScript, so the SQL macro `mask_personal(s)`
 * and `maskPersonalData(text)` mask exactly the same text; test/privacy/maskPersonalData.test.ts runs
 * the same hand-made cases through both.
 *
 * Neither RE2 nor a portable pattern has look-behind, so "not glued to another digit" is spelled as a
 * captured character on each side that the replacement puts back. Two matches one character apart
 * would share that character, so each pattern is applied twice: the first pass masks every other
 * one, the second the rest. A digit run preceded by "digit." or "digit," is the decimals of a number
 * (0.12345678901 in a chart coordinate), not a document.
 */

interface MaskPattern {
  /** What the pattern finds, for the reader. */
  kind: string;
  /** RE2- and JavaScript-compatible source, without the boundary groups. */
  source: string;
  /** Fixed replacement: no digit of the original survives. */
  mask: string;
  /** Whether the match must not touch another digit (and not be the decimals of a number). */
  digitBoundaries: boolean;
}

const D = '[0-9]';
const PHONE_LINE = `9?${D}{4}[ .-]?${D}{4}`;

const PATTERNS: MaskPattern[] = [
  // local part and domain: anything but spaces and the characters that close an address in text
  { kind: 'e-mail', source: `[^\\s@<>()\\[\\]"',;:]+@[^\\s@<>()\\[\\]"',;:]+\\.[^\\s@<>()\\[\\]"',;:]+`, mask: '***@***', digitBoundaries: false },
  // the alphanumeric CNPJ (July 2026) only when punctuated: 14 bare letters and digits are too often a code
  { kind: 'CNPJ', source: '[0-9A-Za-z]{2}\\.[0-9A-Za-z]{3}\\.[0-9A-Za-z]{3}/[0-9A-Za-z]{4}-[0-9]{2}', mask: '**.***.***/****-**', digitBoundaries: true },
  { kind: 'CNPJ', source: `${D}{2}[. ]?${D}{3}[. ]?${D}{3}[/ ]?${D}{4}[- ]?${D}{2}`, mask: '**.***.***/****-**', digitBoundaries: true },
  // 11 bare digits are a CPF or a mobile number with its area code: masked either way
  { kind: 'CPF ou celular', source: `${D}{11}`, mask: '***********', digitBoundaries: true },
  { kind: 'CPF', source: `${D}{3}[. ]?${D}{3}[. ]?${D}{3}[-. /]?${D}{2}`, mask: '***.***.***-**', digitBoundaries: true },
  // +55 11 98765-4321, 55 (11) 3456-7890, 5511987654321
  { kind: 'telefone', source: `\\+?55[ .-]?\\(?[1-9]{2}\\)?[ .-]?${PHONE_LINE}`, mask: '(**) ****-****', digitBoundaries: true },
  // (11) 98765-4321, (011) 3456-7890, 11 3456 7890, 1134567890 (area codes have no 0 digit)
  { kind: 'telefone', source: `\\(?0?[1-9]{2}\\)?[ .-]?${PHONE_LINE}`, mask: '(**) ****-****', digitBoundaries: true },
  // 98765-4321 or 3456-7890 without area code; not 1xxx-xxxx nor 20xx-xxxx, so year ranges (2025-2026) stay
  { kind: 'telefone', source: `(?:9${D}{4}|[3-9]${D}{3}|2[1-9]${D}{2})-${D}{4}`, mask: '****-****', digitBoundaries: true },
];

const BEFORE = '(^[.,]?|[^0-9.,]|[^0-9][.,])';
const AFTER = '([^0-9]|$)';

const fullSource = (p: MaskPattern) => (p.digitBoundaries ? `${BEFORE}(?:${p.source})${AFTER}` : p.source);

const JS_PATTERNS = PATTERNS.map((p) => ({ regex: new RegExp(fullSource(p), 'g'), replacement: p.digitBoundaries ? `$1${p.mask}$2` : p.mask }));

/** The text with every CPF, CNPJ, e-mail and phone replaced by asterisks; null stays null. */
export function maskPersonalData(text: string): string;
export function maskPersonalData(text: string | null): string | null;
export function maskPersonalData(text: string | null): string | null {
  if (text === null) return null;
  let masked = text;
  for (const { regex, replacement } of JS_PATTERNS) masked = masked.replace(regex, replacement).replace(regex, replacement);
  return masked;
}

/**
 * Text that can hold none of the patterns skips them (names, codes like C00123): every pattern has an
 * "@", or 8 digits with at most one character between each two, or ends like an alphanumeric CNPJ.
 */
const CANDIDATE = `@|${D}(?:[^0-9]?${D}){7}|/[0-9A-Za-z]{4}-${D}{2}`;

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The DuckDB macro `mask_personal(s)`, the same masking as maskPersonalData. */
export function maskPersonalDataSqlMacro(): string {
  let chain = 's';
  for (const p of PATTERNS) {
    const replacement = sqlString(p.digitBoundaries ? `\\1${p.mask}\\2` : p.mask);
    for (let pass = 0; pass < 2; pass++) chain = `regexp_replace(${chain}, ${sqlString(fullSource(p))}, ${replacement}, 'g')`;
  }
  return `create or replace macro mask_personal(s) as (
    case when regexp_matches(s, ${sqlString(CANDIDATE)}) then ${chain} else s end
)`;
}
