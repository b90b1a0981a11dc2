import { sqlString } from '../warehouse/database.ts';

/**
 * DuckDB macros for stable pseudonyms, keyed by the secret of pseudonymKey.ts (held in the session
 * variable `pseudonym_key`, never in a table, so the warehouse file does not keep it):
 *
 * - `pseudonym_code(s)`: 12 letters from SHA-256(key ‖ s), hex digits spelled as letters (48 bits).
 *   Letters only, because a run of digits in a pseudonym could look like a phone and be masked.
 * - `pseudonymous_id(prefix, id)`: the id itself, unless masking would change it (a CPF, CNPJ, phone or
 *   e-mail used as a code) or it is a person's name (`is_name_code`): then `prefix-CODE`. Masking such
 *   an id instead would merge different customers under one mask.
 * - `is_name_code(prefix, id)`: a code that is a name the config hides. Small exports often have no
 *   customer code at all, only the customer's name ("Maria da Silva"); a customer code of two or more
 *   words without a digit is a name, and a person's unless the words say company (is_company_name),
 *   hidden like any person's name while `privacy.pseudonymize_person_names` is on. A seller's code
 *   without a digit ("Ana", "Bruno Lima") is a name too, hidden while `privacy.pseudonymize_seller_names`
 *   is on. Either setting unset (an ad-hoc session on the warehouse) counts as its default.
 *
 * SHA-256 with the key in front is not an HMAC, but nothing here needs more than a one-way function
 * only the key holder can compute: extending a hash (the known weakness) does not invert it.
 */
/** RE2: a pseudonymous code as `pseudonymous_id` writes it with `prefix` (12 letters of the alphabet pseudonym_code spells hex in). */
export const pseudonymPattern = (prefix: 'CLI' | 'VEN') => `${prefix}-[A-HJ-NP-R]{12}`;

export function pseudonymSqlMacros(): string[] {
  return [
    `create or replace macro pseudonym_code(s) as (
    case
        when getvariable('pseudonym_key') is null
        then error('set variable pseudonym_key first: the pseudonyms need the key the run used (see README, "Hosting and access control")')
        else translate(left(sha256(getvariable('pseudonym_key') || s), 12), '0123456789abcdef', 'ABCDEFGHJKLMNPQR')
    end
)`,
    `create or replace macro is_name_code(prefix, id) as (
    case prefix
        when 'CLI' then contains(id, ' ')
            and coalesce(getvariable('privacy_pseudonymize_person_names'), true)
            and contains(trim(id), ' ')
            and regexp_full_match(trim(id), '[^0-9]+')
            and not coalesce(is_company_name(id), false)
        when 'VEN' then coalesce(getvariable('privacy_pseudonymize_seller_names'), false)
            and regexp_full_match(trim(id), '[^0-9]*[[:alpha:]][^0-9]*')
            -- a pseudonym is letters too, and no name
            and not regexp_full_match(id, '${pseudonymPattern('VEN')}')
        else false
    end
)`,
    `create or replace macro pseudonymous_id(prefix, id) as (
    case when mask_personal(id) is distinct from id or is_name_code(prefix, id) then prefix || '-' || pseudonym_code(id) else id end
)`,
  ];
}

/** Hands the key to the macros for this session only. */
export const pseudonymKeySql = (key: string): string => `set variable pseudonym_key = ${sqlString(key)}`;
