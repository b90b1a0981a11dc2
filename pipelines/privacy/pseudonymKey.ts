import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ExitCode, Failure } from '../run/failure.ts';

/**
 * The secret behind every pseudonym. Pseudonyms are a keyed hash: without the key, hashing all 10^9
 * possible CPFs does not find which one became "CLI-KQBDMAEHRNPC", and with the same key every run
 * gives the same pseudonyms (byte-identical marts).
 *
 * The key is read from CARTEIRA_PSEUDONYM_KEY when set (the scheduled workflow passes a repository
 * secret, so runs on fresh machines agree), else from a file beside the warehouse, which already holds
 * the exports in clear and is neither in git nor published; a clean clone creates that file on its
 * first run.
 */
export const DEFAULT_PSEUDONYM_KEY_FILE = 'data/warehouse/pseudonym.key';

export const PSEUDONYM_KEY_VARIABLE = 'CARTEIRA_PSEUDONYM_KEY';

const MIN_LENGTH = 32;

/** The key, and what a log line should say about where it came from (never the key itself). */
export interface PseudonymKey {
  key: string;
  source: string;
}

/** Reads the key from the environment or the key file, creating the file with a random key when it is missing. */
export async function pseudonymKey(keyFile = DEFAULT_PSEUDONYM_KEY_FILE, env: NodeJS.ProcessEnv = process.env): Promise<PseudonymKey> {
  const fromEnv = env[PSEUDONYM_KEY_VARIABLE]?.trim();
  if (fromEnv) return { key: checked(fromEnv, `a variável ${PSEUDONYM_KEY_VARIABLE}`), source: `variável ${PSEUDONYM_KEY_VARIABLE}` };
  const existing = await readKeyFile(keyFile);
  if (existing !== null) return { key: checked(existing, keyFile), source: keyFile };
  await createKeyFile(keyFile);
  const created = (await readKeyFile(keyFile)) ?? '';
  return { key: checked(created, keyFile), source: `${keyFile}, criada agora (guarde-a: com outra chave os pseudônimos mudam)` };
}

async function readKeyFile(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Failure(
      ExitCode.input,
      `a chave de pseudônimos não pôde ser lida (${(error as Error).message})`,
      'dê permissão de leitura ao arquivo ou apague-o para criar outro',
      path,
    );
  }
}

/**
 * Writes a random key to a temporary file and links it into place: two runs starting together on a
 * clean clone never see a half-written key, and the second one keeps the first one's.
 */
async function createKeyFile(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

function checked(key: string, where: string): string {
  if (key.length < MIN_LENGTH) {
    throw new Failure(
      ExitCode.input,
      `a chave de pseudônimos tem ${key.length} caracteres; são precisos pelo menos ${MIN_LENGTH}`,
      `use uma chave aleatória, por exemplo a saída de \`openssl rand -hex 32\``,
      where,
    );
  }
  return key;
}
