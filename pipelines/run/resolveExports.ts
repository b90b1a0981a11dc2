import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemoData } from '../demo/generateDemo.ts';

/** Where the demo dataset lives when the exports folder is empty. */
export const DEMO_DIR = 'data/demo';

/**
 * The exports folder to load: the given one when it holds files, otherwise the embedded demo
 * dataset (generated once, deterministically, into data/demo/canonical).
 */
export async function resolveExportsDir(exportsDir: string, log: (line: string) => void = () => {}): Promise<{ dir: string; isDemo: boolean }> {
  if (await hasFiles(exportsDir)) return { dir: exportsDir, isDemo: false };
  const demo = join(DEMO_DIR, 'canonical');
  if (!(await hasFiles(demo))) {
    log(`${exportsDir} está vazia: gerando os dados de demonstração em ${DEMO_DIR}`);
    await generateDemoData({ outDir: DEMO_DIR });
  } else {
    log(`${exportsDir} está vazia: usando os dados de demonstração de ${demo}`);
  }
  return { dir: demo, isDemo: true };
}

async function hasFiles(dir: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) return false;
    return (await readdir(dir)).some((name) => !name.startsWith('.'));
  } catch {
    return false;
  }
}
