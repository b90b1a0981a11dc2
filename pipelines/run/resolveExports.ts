import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDemoExports } from '../demo/demoMarker.ts';
import { LoadError } from '../load/loadError.ts';

/** Where the demo dataset lives. */
export const DEMO_DIR = 'data/demo';

/** Where the exports are looked for when --exports is not given. */
export const DEFAULT_EXPORTS_DIR = 'data/exports';

/**
 * The exports folder to load. An explicit `--exports` must be an existing folder (a typo or a file
 * stops the run: it must never fall back to fake data). Only without the flag, and only when
 * data/exports is missing or empty, the demo dataset is used (generated once, deterministically,
 * into data/demo/canonical), and the run says so loudly.
 */
export async function resolveExports(explicit: string | undefined, log: (line: string) => void = () => {}): Promise<string> {
  if (explicit !== undefined) {
    await requireFolder(explicit, '--exports');
    return explicit;
  }
  if (await holdsFiles(DEFAULT_EXPORTS_DIR)) return DEFAULT_EXPORTS_DIR;
  const demo = join(DEMO_DIR, 'canonical');
  if (!(await holdsFiles(demo)) || !isDemoExports(demo)) {
    const { generateDemoData } = await import('../demo/generateDemo.ts');
    await generateDemoData({ outDir: DEMO_DIR });
  }
  log(`AVISO: ${DEFAULT_EXPORTS_DIR}/ está vazia ou não existe: usando os DADOS DE DEMONSTRAÇÃO (fictícios) de ${demo}.`);
  log('       Todas as páginas do relatório dirão isso. Para usar seus dados, coloque as exportações em data/exports/ ou use --exports PASTA.');
  return demo;
}

async function requireFolder(dir: string, flag: string): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch {
    throw new LoadError(
      dir,
      `a pasta de exportações indicada em ${flag} não existe`,
      `confira o caminho (maiúsculas, acentos, espaços entre aspas) e indique a pasta que contém os CSV: ${flag} PASTA`,
    );
  }
  if (!isFolder) {
    throw new LoadError(dir, `${flag} indica um arquivo, não uma pasta`, `indique a pasta que contém as exportações (por exemplo ${flag} ${join(dir, '..')})`);
  }
}

/** A folder with at least one visible entry; a default folder that is a file is an error, not "empty". */
async function holdsFiles(dir: string): Promise<boolean> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
  if (!isFolder)
    throw new LoadError(
      dir,
      'deveria ser a pasta das exportações, mas é um arquivo',
      `mova o arquivo para dentro de uma pasta ${dir}/ ou indique a pasta com --exports PASTA`,
    );
  return (await readdir(dir)).some((name) => !name.startsWith('.'));
}
