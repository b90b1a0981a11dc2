import { readdir, readFile } from 'node:fs/promises';
import { join, extname, basename } from 'node:path';
import picomatch from 'picomatch';
import { entities, columnNames, type EntityName, type EntitySpec } from '../contract/entities.ts';
import { MappingFile, type FileMapping } from '../contract/mapping.ts';
import { LoadError } from './loadError.ts';
import { excelHint } from './sniffFile.ts';
import { foldName } from './normalizeName.ts';

/** One input file and the entity it holds. */
export interface ExportFile {
  path: string;
  /** Name relative to the exports folder, as shown in messages and rejects. */
  name: string;
  entity: EntitySpec;
  format: 'csv' | 'parquet';
  mapping?: FileMapping;
}

/** The files of an exports folder, grouped by entity, plus the names it could not place. */
export interface ExportInventory {
  files: ExportFile[];
  unrecognized: string[];
}

const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/** The entity a file name stands for: `pedidos_2026-10.csv` → orders, `itens_pedido.csv` → order_items. */
export function entityForFileName(fileName: string): EntitySpec | undefined {
  const stem = basename(fileName, extname(fileName));
  const folded = foldName(stem).replace(/\d+$/, '');
  return entities.find((spec) => spec.fileNames.includes(folded));
}

/** Reads and validates the optional mapping file. */
export async function readMappingFile(path: string): Promise<MappingFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new LoadError(path, `não é um JSON válido (${(error as Error).message})`, 'corrija a sintaxe; veja o exemplo no README, seção "Mapping file"');
  }
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(raiz)'}: ${i.message}`).join('; ');
    throw new LoadError(path, `arquivo de mapeamento inválido: ${problems}`, 'siga o formato do README, seção "Mapping file"');
  }
  return parsed.data;
}

/** Lists the exports folder and assigns each file to an entity (mapping file first, then the file name). */
export async function discoverExports(dir: string, mapping: MappingFile = { files: [] }): Promise<ExportInventory> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();
  } catch {
    throw new LoadError(dir, 'a pasta de exportações não existe ou não pode ser lida', 'indique a pasta com --exports DIR');
  }
  const files: ExportFile[] = [];
  const unrecognized: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const ext = extname(name).toLowerCase();
    const rule = mapping.files.find((m) => picomatch.isMatch(name, m.match, { nocase: true }));
    if (ext === '.xlsx' || ext === '.xls' || ext === '.xlsm') {
      throw new LoadError(name, 'planilhas Excel ainda não são lidas diretamente', excelHint);
    }
    const format = ext === '.parquet' ? 'parquet' : TEXT_EXTENSIONS.has(ext) ? 'csv' : null;
    const spec = rule?.entity ? entities.find((e) => e.name === rule.entity) : entityForFileName(name);
    if (!format || !spec) {
      unrecognized.push(name);
      continue;
    }
    if (rule) checkMappedColumns(name, spec, rule);
    files.push({ path: join(dir, name), name, entity: spec, format, ...(rule ? { mapping: rule } : {}) });
  }
  if (!files.some((f) => f.entity.name === 'orders')) {
    const seen = unrecognized.length ? ` Arquivos encontrados sem entidade reconhecida: ${unrecognized.join(', ')}.` : '';
    throw new LoadError(dir, `nenhum arquivo de pedidos (orders) encontrado.${seen}`, 'inclua pedidos.csv ou orders.csv, ou associe o arquivo à entidade "orders" no arquivo de mapeamento (--mapping)');
  }
  return { files, unrecognized };
}

function checkMappedColumns(name: string, spec: EntitySpec, rule: FileMapping): void {
  const known = new Set(columnNames(spec));
  for (const [source, target] of Object.entries(rule.columns)) {
    if (target !== null && !known.has(target)) {
      throw new LoadError(name, `o mapeamento associa "${source}" a "${target}", que não é coluna de ${spec.name}`, `use uma destas colunas: ${[...known].join(', ')}`);
    }
  }
}

/** Files of one entity in load order (file name order). */
export function filesOf(inventory: ExportInventory, name: EntityName): ExportFile[] {
  return inventory.files.filter((f) => f.entity.name === name);
}
