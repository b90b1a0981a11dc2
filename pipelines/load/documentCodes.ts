import type { EntitySpec } from '../contract/entities.ts';
import { formatNumber as n } from '../contract/locale.ts';
import type { Database } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import { rewriteValues } from './rewriteValues.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';

/**
 * Codes that are a CPF or CNPJ. Many ERPs key a customer (or a seller) by its document, and one system
 * writes it with its punctuation, `12.345.678/0001-90` or `123.456.789-09`, where another writes the
 * digits, `12345678000190`: read as written, one customer would be two, the one with the orders "not
 * registered" and the registered one without orders. The punctuation of a document is only its
 * formatting, so a code that is a whole CPF or CNPJ punctuated the usual way is read as its digits, and
 * each file's notes count them per column.
 * Such a code never leaves the pipeline: the staging models make it a pseudonym (stg_customers.sql).
 * A document whose leading zeros a spreadsheet dropped is another code; the load says how many of
 * those would match (leadingZeros.ts) without joining them.
 */

/**
 * A whole CPF (000.000.000-00) or CNPJ (00.000.000/0000-00) of digits. Not the alphanumeric CNPJ: without
 * its punctuation it is 14 letters and digits, which the masking cannot tell from a code, so its code
 * would be published as it is instead of as a pseudonym.
 */
const PUNCTUATED_DOCUMENT = String.raw`[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}|[0-9]{2}\.[0-9]{3}\.[0-9]{3}/[0-9]{4}-[0-9]{2}`;

/** Reads the codes of the files just read that are punctuated documents as their digits. */
export async function readDocumentCodes(db: Database, spec: EntitySpec, columns: TypedColumnSql[], files: RawFile[]): Promise<void> {
  await rewriteValues(db, spec, files, {
    columns: columns.filter((c) => c.meta.kind === 'id' && c.type === 'VARCHAR'),
    // a dot and a hyphen: a cheaper first scan than the pattern
    mayNeed: ({ name: c }) => `contains(${c}, '.') and contains(${c}, '-')`,
    needs: ({ name: c }) => `regexp_full_match(trim(${c}), '${PUNCTUATED_DOCUMENT}')`,
    rewritten: ({ name: c }) => `regexp_replace(trim(${c}), '[./-]', '', 'g')`,
    note: (header, count) =>
      `"${header}": ${n(count)} código(s) escritos como CPF ou CNPJ com a pontuação (pontos, barra e hífen), lidos só pelos dígitos, como os escritos sem ela`,
  });
}
