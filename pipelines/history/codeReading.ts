import { createHash } from 'node:crypto';

/**
 * How a run turned the exports' codes into the codes of its marts, stamped on every mart it writes
 * (Parquet metadata `code_reading`), so that a later run knows whether its customer codes can be
 * compared with a snapshot's. Two things change codes: the pseudonym key (every code holding a CPF,
 * CNPJ, phone or e-mail becomes another pseudonym) and the rules that read codes (since this version
 * a punctuated CPF or CNPJ is read as its digits, see documentCodes.ts). The stamp is the version of
 * those rules and a keyed hash of a fixed text: it tells two keys apart without saying anything of
 * either.
 */
const CODE_RULES = 'documents-as-digits';

export function codeReadingStamp(pseudonymKey: string): string {
  const tag = createHash('sha256').update(`${pseudonymKey}carteira code reading`).digest('hex').slice(0, 16);
  return `${CODE_RULES}:${tag}`;
}

/**
 * Whether the customers of a snapshot can be compared code by code with this run's. Plain codes
 * (C00123) are the same whatever the key and rules; pseudonyms (CLI-…, VEN-…) only when the snapshot
 * was read the same way. A snapshot without a stamp predates it: its pseudonyms may have been read
 * with other rules, so they are not compared (once: this run's snapshot has the stamp).
 */
export function codesComparable(snapshotStamp: string | null, currentStamp: string, snapshotHasPseudonyms: boolean): boolean {
  return !snapshotHasPseudonyms || snapshotStamp === currentStamp;
}
