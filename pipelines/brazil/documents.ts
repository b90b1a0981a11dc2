/**
 * CPF (persons, 11 digits) and CNPJ (companies, 14 characters) documents: normalization, check digits,
 * generation for the demo, display formats, and the same rules as DuckDB macros for bulk validation.
 *
 * Both use mod-11 check digits: sum(value × weight), r = sum % 11, digit = r < 2 ? 0 : 11 − r.
 * CPF weights run 10..2 (first digit) and 11..2 (second). CNPJ weights run 5..2,9..2 and 6..2,9..2,
 * i.e. weight = (positions after this one) % 8 + 2. Since July 2026 a CNPJ may carry uppercase letters
 * in its first 12 characters; a character's value is its ASCII code − 48 ('0'..'9' → 0..9, 'A' → 17).
 *
 * Worked example (Receita Federal), 12.ABC.345/01DE-35:
 *   values 1 2 17 18 19 3 4 5 0 1 20 21, weights 5 4 3 2 9 8 7 6 5 4 3 2
 *   sum = 5+8+51+36+171+24+28+30+0+4+60+42 = 459; 459 % 11 = 8 → first digit 11 − 8 = 3
 *   append 3, weights 6 5 4 3 2 9 8 7 6 5 4 3 2
 *   sum = 6+10+68+54+38+27+32+35+0+5+80+63+6 = 424; 424 % 11 = 6 → second digit 11 − 6 = 5
 */

/** A uniform random number in [0, 1), e.g. `Rng.float` of the demo generator. */
export type UniformRandom = () => number;

/** The kind of a normalized document. */
export type DocumentKind = 'cpf' | 'cnpj';

// Characters exports put inside documents: dots, slash, dash and spaces (incl. the no-break space Excel
// likes). Kept as one class so the TypeScript and SQL versions strip exactly the same set.
const STRIPPED = /[ \t\r\n\u00A0./-]/g;
const STRIPPED_SQL = '[ \\t\\r\\n\\x{00A0}./-]';

/**
 * Strips punctuation and spaces, uppercases letters and restores leading zeros lost by spreadsheets:
 * 1-11 digits become an 11-digit CPF, 12-14 digits a 14-digit CNPJ, 12 letters/digits + 2 digits an
 * alphanumeric CNPJ. Returns null when the input cannot be a document. Does not check the digits.
 */
export function normalizeDocument(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = raw.replace(STRIPPED, '');
  if (/^[0-9]{1,11}$/.test(text)) return text.padStart(11, '0');
  if (/^[0-9]{12,14}$/.test(text)) return text.padStart(14, '0');
  // Test before uppercasing: toUpperCase maps 'ß' to 'SS' and 'ı' to 'I', which SQL's upper() does not.
  if (/^[0-9A-Za-z]{12}[0-9]{2}$/.test(text)) return text.toUpperCase();
  return null;
}

/** 'cpf' for 11 digits, 'cnpj' for 12 letters/digits + 2 digits, null otherwise (expects a normalized value). */
export function documentKind(normalized: string): DocumentKind | null {
  if (/^[0-9]{11}$/.test(normalized)) return 'cpf';
  if (/^[0-9A-Z]{12}[0-9]{2}$/.test(normalized)) return 'cnpj';
  return null;
}

function checkDigit(body: string, weight: (position: number, length: number) => number): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(i) - 48) * weight(i, body.length);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

const cpfWeight = (i: number, length: number) => length + 1 - i;
const cnpjWeight = (i: number, length: number) => ((length - 1 - i) % 8) + 2;

function withCheckDigits(body: string, weight: typeof cpfWeight): string {
  const first = body + checkDigit(body, weight);
  return first + checkDigit(first, weight);
}

const allSame = (text: string) => text.split('').every((ch) => ch === text[0]);

/** True for a CPF with correct check digits (punctuation and lost leading zeros accepted); all-same digits are invalid. */
export function isValidCpf(raw: string | null | undefined): boolean {
  const n = normalizeDocument(raw);
  return n !== null && documentKind(n) === 'cpf' && !allSame(n) && withCheckDigits(n.slice(0, 9), cpfWeight) === n;
}

/** True for a numeric or alphanumeric CNPJ with correct check digits; all-same characters are invalid. */
export function isValidCnpj(raw: string | null | undefined): boolean {
  const n = normalizeDocument(raw);
  return n !== null && documentKind(n) === 'cnpj' && !allSame(n) && withCheckDigits(n.slice(0, 12), cnpjWeight) === n;
}

/** True for a valid CPF or CNPJ. */
export function isValidDocument(raw: string | null | undefined): boolean {
  return isValidCpf(raw) || isValidCnpj(raw);
}

const DIGITS = '0123456789';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const draw = (rng: UniformRandom, alphabet: string, length: number) => Array.from({ length }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');

/** A random valid CPF (11 digits, unformatted). */
export function generateCpf(rng: UniformRandom): string {
  for (;;) {
    const cpf = withCheckDigits(draw(rng, DIGITS, 9), cpfWeight);
    if (!allSame(cpf)) return cpf;
  }
}

/**
 * A random valid CNPJ (14 characters, unformatted), mostly a head office (branch 0001). `alphanumeric` draws
 * the root (and other branches) from 0-9A-Z, with at least one letter, as issued since July 2026.
 */
export function generateCnpj(rng: UniformRandom, options: { alphanumeric?: boolean } = {}): string {
  for (;;) {
    const root = draw(rng, options.alphanumeric ? ALPHANUMERIC : DIGITS, 8);
    const headOffice = rng() < 0.85;
    const branch = options.alphanumeric && !headOffice ? draw(rng, ALPHANUMERIC, 4) : headOffice ? '0001' : `000${1 + Math.floor(rng() * 9)}`;
    const body = root + branch;
    if (options.alphanumeric && /^[0-9]+$/.test(body)) continue;
    const cnpj = withCheckDigits(body, cnpjWeight);
    if (!allSame(cnpj)) return cnpj;
  }
}

/** `529.982.247-25`; returns the input unchanged when it is not a CPF. */
export function formatCpf(raw: string): string {
  const n = normalizeDocument(raw);
  if (n === null || documentKind(n) !== 'cpf') return raw;
  return `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}-${n.slice(9)}`;
}

/** `11.222.333/0001-81` (or `12.ABC.345/01DE-35`); returns the input unchanged when it is not a CNPJ. */
export function formatCnpj(raw: string): string {
  const n = normalizeDocument(raw);
  if (n === null || documentKind(n) !== 'cnpj') return raw;
  return `${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5, 8)}/${n.slice(8, 12)}-${n.slice(12)}`;
}

/** LGPD display of a CPF showing only digits 4-9: `***.982.247-**`; anything else is fully masked. */
export function maskCpf(raw: string): string {
  const n = normalizeDocument(raw);
  if (n === null || documentKind(n) !== 'cpf') return '***.***.***-**';
  return `***.${n.slice(3, 6)}.${n.slice(6, 9)}-**`;
}

/** SQL for a mod-11 check digit of the first `length` characters of `n`, unrolled (no lists: 5x faster). */
function checkDigitSql(length: number, weight: typeof cpfWeight): string {
  const terms = Array.from({ length }, (_, i) => `(ord(n[${i + 1}]) - 48) * ${weight(i, length)}`);
  // (11 − sum % 11) % 11 % 10 equals "r < 2 ? 0 : 11 − r" without evaluating the sum twice.
  return `(11 - (${terms.join(' + ')}) % 11) % 11 % 10`;
}

/**
 * DuckDB macros with the rules above, to validate millions of documents in SQL:
 * `doc_normalize(s)` (as normalizeDocument; NULL when impossible), `doc_kind(n)` ('cpf' | 'cnpj' | NULL) and
 * `doc_is_valid(n)` (true/false; NULL for NULL) on a normalized value, e.g. `doc_is_valid(doc_normalize(raw))`.
 */
export function documentSqlMacros(): string[] {
  const stripped = `regexp_replace(s, '${STRIPPED_SQL}', '', 'g')`;
  return [
    `create or replace macro doc_normalize(s) as (
    case
        when regexp_full_match(${stripped}, '[0-9]{1,11}') then lpad(${stripped}, 11, '0')
        when regexp_full_match(${stripped}, '[0-9]{12,14}') then lpad(${stripped}, 14, '0')
        when regexp_full_match(${stripped}, '[0-9A-Za-z]{12}[0-9]{2}') then upper(${stripped})
    end
)`,
    `create or replace macro doc_kind(n) as (
    case
        when regexp_full_match(n, '[0-9]{11}') then 'cpf'
        when regexp_full_match(n, '[0-9A-Z]{12}[0-9]{2}') then 'cnpj'
    end
)`,
    `create or replace macro doc_is_valid(n) as (
    case
        when n is null then null
        when regexp_full_match(n, '[0-9]{11}') then
            n <> repeat(n[1], 11)
            and ord(n[10]) - 48 = ${checkDigitSql(9, cpfWeight)}
            and ord(n[11]) - 48 = ${checkDigitSql(10, cpfWeight)}
        when regexp_full_match(n, '[0-9A-Z]{12}[0-9]{2}') then
            n <> repeat(n[1], 14)
            and ord(n[13]) - 48 = ${checkDigitSql(12, cnpjWeight)}
            and ord(n[14]) - 48 = ${checkDigitSql(13, cnpjWeight)}
        else false
    end
)`,
  ];
}
