import { createHash } from 'node:crypto';

/**
 * How a run turned the exports' codes into the codes of its marts, stamped on every mart it writes
 * (Parquet metadata `code_reading`), so that a later run knows whether its customer codes can be
 * compared with a snapshot's. Three things change codes: the pseudonym key (every code holding a CPF,
 * CNPJ, phone, e-mail or a person's name becomes another pseudonym), the privacy settings (whether a
 * code that is a name is hidden) and the rules that read codes (since this version a punctuated CPF or
 * CNPJ is read as its digits, see documentCodes.ts, and a code that is a person's name is a pseudonym,
 * see pseudonyms.ts). The stamp is the version of those rules, the settings and a keyed hash of a fixed
 * text: it tells two keys apart without saying anything of either.
 */
const CODE_RULES = 'documents-as-digits,name-codes';

export function codeReadingStamp(pseudonymKey: string, privacy: { pseudonymize_person_names: boolean; pseudonymize_seller_names: boolean }): string {
  const tag = createHash('sha256').update(`${pseudonymKey}carteira code reading`).digest('hex').slice(0, 16);
  const settings = `persons=${privacy.pseudonymize_person_names},sellers=${privacy.pseudonymize_seller_names}`;
  return `${CODE_RULES};${settings};${tag}`;
}

/**
 * Whether the customers of a snapshot can be compared code by code with this run's. Codes that are
 * neither pseudonyms nor would become one now (C00123) are the same whatever the key, settings and
 * rules; the others only when the snapshot was read the same way. A snapshot without a stamp predates
 * it: its codes may have been read with other rules, so they are not compared (once: this run's
 * snapshot has the stamp).
 */
export function codesComparable(snapshotStamp: string | null, currentStamp: string, snapshotHasReadCodes: boolean): boolean {
  return !snapshotHasReadCodes || snapshotStamp === currentStamp;
}

/** Why a snapshot's codes were read another way, in the words of the run's warning. */
export function readingDifference(snapshotStamp: string | null, currentStamp: string): string {
  if (snapshotStamp === null) return 'uma versão anterior do Carteira';
  const [rules, settings, key] = snapshotStamp.split(';');
  const [currentRules, currentSettings, currentKey] = currentStamp.split(';');
  const reasons = [
    ...(key !== currentKey ? ['outra chave de pseudônimos'] : []),
    ...(settings !== currentSettings ? ['outra configuração de privacidade (privacy)'] : []),
    ...(rules !== currentRules ? ['outra versão do Carteira'] : []),
  ];
  return reasons.join(' e ');
}
