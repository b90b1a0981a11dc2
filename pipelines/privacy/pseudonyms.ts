import { sqlString } from '../warehouse/database.ts';

/**
 * DuckDB macros for stable pseudonyms, keyed by the secret of pseudonymKey.ts (held in the session
 * variable `pseudonym_key`, never in a table, so the warehouse file does not keep it):
 *
 * - `pseudonym_code(s)`: 12 letters from SHA-256(key ‖ s), hex digits spelled as letters (48 bits).
 *   Letters only, because a run of digits in a pseudonym could look like a phone and be masked.
 * - `pseudonymous_id(prefix, id)`: the id itself, unless masking would change it (a CPF, CNPJ, phone or
 *   e-mail used as a code): then `prefix-CODE`. Masking such an id instead would merge different
 *   customers under one mask.
 *
 * SHA-256 with the key in front is not an HMAC, but nothing here needs more than a one-way function
 * only the key holder can compute: extending a hash (the known weakness) does not invert it.
 */
export function pseudonymSqlMacros(): string[] {
  return [
    `create or replace macro pseudonym_code(s) as (
    case
        when getvariable('pseudonym_key') is null
        then error('set variable pseudonym_key first: the pseudonyms need the key the run used (see README, "Hosting and access control")')
        else translate(left(sha256(getvariable('pseudonym_key') || s), 12), '0123456789abcdef', 'ABCDEFGHJKLMNPQR')
    end
)`,
    `create or replace macro pseudonymous_id(prefix, id) as (
    case when mask_personal(id) is distinct from id then prefix || '-' || pseudonym_code(id) else id end
)`,
  ];
}

/** Hands the key to the macros for this session only. */
export const pseudonymKeySql = (key: string): string => `set variable pseudonym_key = ${sqlString(key)}`;
