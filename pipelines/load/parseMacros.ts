import { UFS } from '../brazil/ufs.ts';
import { foldName } from './normalizeName.ts';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Date formats tried after ISO, Brazilian first (dd/mm before mm/dd: exports here never use US order). */
const DATE_FORMATS = [
  '%d/%m/%Y',
  '%d/%m/%Y %H:%M:%S',
  '%d/%m/%Y %H:%M',
  '%d/%m/%Y %H:%M:%S.%f',
  '%d/%m/%Y %I:%M:%S %p',
  '%d/%m/%Y %I:%M %p',
  '%d-%m-%Y',
  '%d.%m.%Y',
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%dT%H:%M:%S',
  '%Y-%m-%d %H:%M:%S.%f',
  '%Y-%m-%dT%H:%M:%S.%f',
  '%Y-%m-%dT%H:%M:%SZ',
  '%Y-%m-%dT%H:%M:%S.%fZ',
  '%Y/%m/%d',
  '%Y%m%d',
];

/** The same dates month first (US exports), tried before the day-first ones in a column read mm/dd. */
const MONTH_FIRST_FORMATS = [
  '%m/%d/%Y',
  '%m/%d/%Y %H:%M:%S',
  '%m/%d/%Y %H:%M',
  '%m/%d/%Y %H:%M:%S.%f',
  '%m/%d/%Y %I:%M:%S %p',
  '%m/%d/%Y %I:%M %p',
  '%m-%d-%Y',
  '%m.%d.%Y',
];

const MONTH_FORMATS = ['%Y-%m', '%m/%Y', '%m-%Y', '%Y/%m', '%Y%m'];

/**
 * Two-digit years below this are read 20aa, the others 19aa: `03/01/19` is 2019, `15/08/95` is 1995.
 * A fixed window rather than one sliding with the clock, so reruns give the same marts every year.
 */
export const TWO_DIGIT_YEAR_PIVOT = 50;

const PT_MONTHS: [string, string][] = [
  ['jan', '01'],
  ['fev', '02'],
  ['mar', '03'],
  ['abr', '04'],
  ['mai', '05'],
  ['jun', '06'],
  ['jul', '07'],
  ['ago', '08'],
  ['set', '09'],
  ['out', '10'],
  ['nov', '11'],
  ['dez', '12'],
];

/** Month names a date may spell out (05/out/2026, 5 de outubro de 2026, 05-Oct-26), accents folded → month number. */
const MONTH_NAMES: [string, number][] = [
  ['jan janeiro january', 1],
  ['fev fevereiro feb february', 2],
  ['mar marco march', 3],
  ['abr abril apr april', 4],
  ['mai maio may', 5],
  ['jun junho june', 6],
  ['jul julho july', 7],
  ['ago agosto aug august', 8],
  ['set setembro sep sept september', 9],
  ['out outubro oct october', 10],
  ['nov novembro november', 11],
  ['dez dezembro dec december', 12],
].flatMap(([names, month]) => (names as string).split(' ').map((name): [string, number] => [name, month as number]));

/** Spellings of a company size (folded: lower case, no accents, "_" between words) → its key. */
const COMPANY_SIZES: [string, string][] = [
  ['mei', 'mei'],
  ['microempreendedor_individual', 'mei'],
  ['micro_empreendedor_individual', 'mei'],
  ['me', 'me'],
  ['micro', 'me'],
  ['microempresa', 'me'],
  ['micro_empresa', 'me'],
  ['epp', 'epp'],
  ['pequeno', 'epp'],
  ['pequena', 'epp'],
  ['pequeno_porte', 'epp'],
  ['pequena_empresa', 'epp'],
  ['empresa_de_pequeno_porte', 'epp'],
  ['small', 'epp'],
  ['medio', 'medio'],
  ['media', 'medio'],
  ['medio_porte', 'medio'],
  ['media_empresa', 'medio'],
  ['empresa_de_medio_porte', 'medio'],
  ['medium', 'medio'],
  ['grande', 'grande'],
  ['grande_porte', 'grande'],
  ['grande_empresa', 'grande'],
  ['empresa_de_grande_porte', 'grande'],
  ['large', 'grande'],
];

/**
 * DuckDB macros that turn export text into typed values at DuckDB speed (no per-row JS).
 * Each returns NULL for text it cannot read; the validator reports those as bad values.
 */
export function parseMacros(): string[] {
  const ufCodes = UFS.map((u) => quote(u.uf)).join(', ');
  const ufNames = UFS.map((u) => `when ${quote(foldName(u.name))} then ${quote(u.uf)}`).join(' ');
  const ptMonths = PT_MONTHS.map(([abbr, num]) => `when ${quote(abbr)} then ${quote(num)}`).join(' ');
  return [
    // Folded key for enums and booleans: lower case, no accents, runs of other characters as "_".
    `create or replace macro fold_key(s) as trim(regexp_replace(lower(strip_accents(s)), '[^a-z0-9]+', '_', 'g'), '_')`,
    // "R$ 1.234,56", "(1.234,56)", "R$ (1.234,56)", "1 234,56" → "1.234,56"-style text with sign, ready
    // for _num_parse. "R$ -" is how Excel's accounting format writes zero.
    `create or replace macro _num_clean(s) as
       case when regexp_full_match(s, 'R\\$[\\s\\x{00A0}]*-+[\\s\\x{00A0}]*') then '0'
            when regexp_full_match(s, '[R$\\s\\x{00A0}]*\\(.*\\)[\\s\\x{00A0}]*') then '-' || regexp_replace(s, '[()R$\\s\\x{00A0}]', '', 'g')
            when ends_with(s, '-') then '-' || regexp_replace(s, '[-R$\\s\\x{00A0}]', '', 'g')
            else regexp_replace(s, '[R$\\s\\x{00A0}]', '', 'g') end`,
    // When both separators appear the last one is the decimal; a lone one is decided by the file's
    // convention unless it can only be a thousands separator there (1.234 in a decimal-comma file).
    `create or replace macro _num_parse(v, decimal_comma) as try_cast(
       case when contains(v, ',') and contains(v, '.') then
              case when strpos(reverse(v), ',') < strpos(reverse(v), '.') then replace(replace(v, '.', ''), ',', '.')
                   else replace(v, ',', '') end
            when contains(v, ',') then
              case when not decimal_comma and regexp_full_match(v, '-?\\d{1,3}(,\\d{3})+') then replace(v, ',', '')
                   else replace(v, ',', '.') end
            when contains(v, '.') and decimal_comma and regexp_full_match(v, '-?\\d{1,3}(\\.\\d{3})+') then replace(v, '.', '')
            else v end
       as DECIMAL(18,6))`,
    // Plain numbers take the cast fast path; only text with separators or symbols goes through the rules.
    `create or replace macro parse_number(s, decimal_comma) as
       case when s is null then null
            else coalesce(
              case when not decimal_comma or not contains(s, '.') then try_cast(s as DECIMAL(18,6)) end,
              _num_parse(_num_clean(s), decimal_comma)) end`,
    `create or replace macro parse_integer(s, decimal_comma) as
       case when parse_number(s, decimal_comma) = trunc(parse_number(s, decimal_comma))
            then cast(parse_number(s, decimal_comma) as BIGINT) end`,
    // "03/01/19" → "03/01/2019", "10/26" → "10/2026": a %Y format would read the year as 0019.
    // `head` is the day and month of a date, or the month of a month, each followed by its separator.
    `create or replace macro _four_digit_year(s, head) as
       case when regexp_matches(s, '^' || head || '\\d{2}($|[^0-9])')
            then regexp_replace(s, '^(' || head || ')(\\d{2})',
                   '\\1' || case when cast(regexp_extract(s, '^' || head || '(\\d{2})', 1) as INTEGER) < ${TWO_DIGIT_YEAR_PIVOT} then '20' else '19' end || '\\2')
            else s end`,
    `create or replace macro _plausible_date(d) as case when year(d) between 1900 and 2100 then d end`,
    // month_first: a column proven mm/dd (its day-first values, if any, are still read day first);
    // either: a day-first column some of whose values prove mm/dd, each read by its own proof.
    `create or replace macro _parse_full_year_date(s, month_first, either) as _plausible_date(coalesce(
       try_cast(s as DATE),
       case when month_first then cast(try_strptime(s, [${MONTH_FIRST_FORMATS.map(quote).join(', ')}]) as DATE) end,
       cast(try_strptime(s, [${DATE_FORMATS.map(quote).join(', ')}]) as DATE),
       case when either then cast(try_strptime(s, [${MONTH_FIRST_FORMATS.map(quote).join(', ')}]) as DATE) end))`,
    // "05/out/2026", "5 de outubro de 2026", "05-Oct-26" (a time after it is ignored): the month's name
    // settles the order, so the date is built as ISO text, whatever order the column's other dates use.
    `create or replace macro _named_month_parts(s) as
       regexp_extract(lower(strip_accents(s)), '^(\\d{1,2})[/. -]+(?:de +)?([a-z]{3,9})\\.?[/. -]+(?:de +)?(\\d{4}|\\d{2})(?:$|[ t])', ['day', 'name', 'year'])`,
    `create or replace macro _named_month_date(p) as
       _plausible_date(try_cast(
         case when length(p.year) = 2 then (case when cast(p.year as INTEGER) < ${TWO_DIGIT_YEAR_PIVOT} then '20' else '19' end) || p.year else p.year end
         || '-' || (case p.name ${MONTH_NAMES.map(([name, month]) => `when ${quote(name)} then '${String(month).padStart(2, '0')}'`).join(' ')} end)
         || '-' || lpad(p.day, 2, '0') as DATE))`,
    `create or replace macro parse_date(s, month_first := false, either := false) as coalesce(
       _parse_full_year_date(_four_digit_year(s, '\\d{1,2}[/.-]\\d{1,2}[/.-]'), month_first, either),
       case when regexp_matches(s, '[A-Za-z]{3}') then _named_month_date(_named_month_parts(s)) end)`,
    // A format forced by the mapping file; ISO dates are still read.
    `create or replace macro parse_date_as(s, fmt) as _plausible_date(coalesce(try_cast(s as DATE), cast(try_strptime(s, fmt) as DATE)))`,
    // What a date's text proves about its order: a first part above 12 is a day (dmy), a second part
    // above 12 is a day (mdy); both at most 12 cannot tell (ambiguous); other shapes say nothing.
    `create or replace macro date_order_evidence(s) as
       case when regexp_matches(s, '^\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}($|[^0-9])') then
         case when cast(regexp_extract(s, '^(\\d{1,2})', 1) as INTEGER) > 12 then 'dmy'
              when cast(regexp_extract(s, '^\\d{1,2}[/.-](\\d{1,2})', 1) as INTEGER) > 12 then 'mdy'
              else 'ambiguous' end end`,
    // What a number's text proves about its decimal separator: both separators (the last is the
    // decimal), or repeated thousands groups, decide; a lone separator with exactly three digits after
    // it and one to three before (1.500) could be either; any other lone separator is the decimal.
    `create or replace macro _num_body(s) as regexp_replace(replace(_num_clean(s), '%', ''), '^-', '')`,
    `create or replace macro decimal_evidence(s) as
       case when contains(_num_body(s), ',') and contains(_num_body(s), '.') then
              case when strpos(reverse(_num_body(s)), ',') < strpos(reverse(_num_body(s)), '.') then 'comma' else 'point' end
            when regexp_full_match(_num_body(s), '\\d{1,3}(\\.\\d{3}){2,}') then 'comma'
            when regexp_full_match(_num_body(s), '\\d{1,3}(,\\d{3}){2,}') then 'point'
            when regexp_full_match(_num_body(s), '[1-9]\\d{0,2}[.,]\\d{3}') then 'ambiguous'
            when regexp_full_match(_num_body(s), '\\d*\\.\\d+') then 'point'
            when regexp_full_match(_num_body(s), '\\d*,\\d+') then 'comma' end`,
    // "out/26", "Out/2026", "outubro de 2026" → "10/26", "10/2026", "10/2026" before the numeric formats.
    `create or replace macro _pt_month(s) as
       case when regexp_matches(lower(strip_accents(s)), '^[a-z]{3}') then
         (case left(lower(strip_accents(s)), 3) ${ptMonths} end) || '/' || regexp_extract(s, '(\\d{2,4})$', 1)
       else s end`,
    `create or replace macro parse_month(s) as _plausible_date(coalesce(
       cast(try_strptime(_four_digit_year(_pt_month(s), '\\d{1,2}[/-]'), [${MONTH_FORMATS.map(quote).join(', ')}]) as DATE),
       date_trunc('month', parse_date(s))::DATE))`,
    `create or replace macro parse_boolean(s) as
       case when fold_key(s) in ('true', 't', '1', 'sim', 's', 'yes', 'y', 'ativo', 'ativa', 'x', 'verdadeiro', 'v') then true
            when fold_key(s) in ('false', 'f', '0', 'nao', 'n', 'no', 'inativo', 'inativa', 'falso', 'desligado', 'desligada') then false end`,
    // Porte: a number is a headcount, banded as SEBRAE does for commerce and services (see companySizeColumn).
    `create or replace macro parse_company_size(s, decimal_comma) as
       case when parse_integer(s, decimal_comma) is not null then
              case when parse_integer(s, decimal_comma) < 0 then null
                   when parse_integer(s, decimal_comma) <= 9 then 'me'
                   when parse_integer(s, decimal_comma) <= 49 then 'epp'
                   when parse_integer(s, decimal_comma) <= 99 then 'medio'
                   else 'grande' end
            else (case fold_key(s) ${COMPANY_SIZES.map(([spelling, key]) => `when ${quote(spelling)} then ${quote(key)}`).join(' ')} end) end`,
    `create or replace macro parse_uf(s) as
       case when upper(s) in (${ufCodes}) then upper(s)
            else (case lower(regexp_replace(strip_accents(s), '[^A-Za-z]', '', 'g')) ${ufNames} end) end`,
    // How Excel writes a large number in a General cell: one digit, maybe decimals, E+ and the exponent.
    // No code is spelled that way, so such a code is a number Excel rounded (1,23457E+13), not a code.
    `create or replace macro is_excel_scientific(s) as contains(s, '+') and regexp_full_match(s, '[0-9]([.,][0-9]+)?[Ee]\\+[0-9]{1,3}')`,
    // A date Excel saved as its serial number (days since 30/12/1899; 5 digits from 1927 to 2173), maybe with the time as decimals.
    `create or replace macro is_excel_date_serial(s) as regexp_full_match(s, '[1-9][0-9]{4}([.,][0-9]+)?')`,
    `create or replace macro parse_percent(s, decimal_comma) as parse_number(replace(s, '%', ''), decimal_comma)`,
  ];
}
