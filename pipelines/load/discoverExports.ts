import { readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, extname, basename } from 'node:path';
import picomatch from 'picomatch';
import { entities, columnNames, type EntityName, type EntitySpec } from '../contract/entities.ts';
import { type MappingFile, mappingProblems, parseMappingFile, type FileMapping } from '../contract/mapping.ts';
import { LoadError } from './loadError.ts';
import { excelHint } from './sniffFile.ts';
import { foldName } from './normalizeName.ts';
import { fileRules, headerRenames } from './mappedColumns.ts';
import { filesReadByQueries, queryExports } from './queryExports.ts';

/** One input file and the entity it holds. */
export interface ExportFile {
  path: string;
  /** Name relative to the exports folder, as shown in messages and rejects. */
  name: string;
  entity: EntitySpec;
  format: 'csv' | 'parquet';
  mapping?: FileMapping;
  /** Where the file really is, when its name in the folder is a symbolic link. */
  linkTarget?: string;
  /** The other mapping entries reading the same file (a flat report feeding several entities). */
  siblings?: FileMapping[];
  /** A CSV compressed on its own (`pedidos.csv.gz`), decompressed into the scratch folder before it is read. */
  compression?: 'gzip';
}

/** The files of an exports folder, grouped by entity, plus the names it could not place. */
export interface ExportInventory {
  files: ExportFile[];
  unrecognized: string[];
}

const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/** Archives that may hold several files, which the loader does not open. */
const ARCHIVE_EXTENSIONS = new Set(['.zip', '.7z', '.rar', '.tgz', '.tar']);

/** Entities whose name after another's says whose file it is, not what it holds. */
const QUALIFYING_ENTITIES = new Set(['sellers', 'customers']);

/**
 * The entity a file name stands for: `pedidos_2026-10.csv` → orders, `itens_pedido.csv` → order_items,
 * and, with a qualifier after the entity's name, `pedidos_filial_norte.csv` → orders, `clientes-SP.csv` →
 * customers, `itens pedido loja 2.csv` → order_items (the longest run of leading words that names an
 * entity): a branch's or a region's export left aside as "not an entity" would be a report published
 * without its sales. A qualifier that names another entity (`vendedores_metas.csv`: sellers, or their
 * targets?) is not guessed: `ambiguous` lists both; sellers and customers after another entity's name say
 * whose file it is (`metas_vendedores.csv`, `clientes_vendedor_joao.csv`).
 */
export function matchFileName(fileName: string): { spec: EntitySpec } | { ambiguous: EntitySpec[] } | null {
  const stem = basename(fileName, extname(fileName));
  const named = (words: string) => entities.find((spec) => spec.fileNames.includes(foldName(words).replace(/\d+$/, '')));
  const exact = named(stem);
  if (exact) return { spec: exact };
  const words = stem.split(/[\s_.-]+/).filter(Boolean);
  for (let n = words.length - 1; n > 0; n--) {
    const spec = named(words.slice(0, n).join(' '));
    if (!spec) continue;
    // "by seller" and "of a customer" qualify a file (`metas_vendedores`, `clientes_vendedor_joao`); any other entity in them is a doubt
    const others = words
      .slice(n)
      .flatMap((word) => named(word) ?? [])
      .filter((other) => other !== spec && !QUALIFYING_ENTITIES.has(other.name));
    return others.length ? { ambiguous: [spec, ...new Set(others)] } : { spec };
  }
  return null;
}

/** The entity a file name stands for, when it names one without doubt (see matchFileName). */
export function entityForFileName(fileName: string): EntitySpec | undefined {
  const match = matchFileName(fileName);
  return match && 'spec' in match ? match.spec : undefined;
}

/** Reads and validates the optional mapping file. */
export async function readMappingFile(path: string): Promise<MappingFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new LoadError(path, `não é um JSON válido (${(error as Error).message})`, 'corrija a sintaxe; veja o exemplo no README, seção "Mapping file"');
  }
  const parsed = parseMappingFile(json);
  if (!parsed.success) {
    const problems = mappingProblems(parsed.error.issues).join('; ');
    throw new LoadError(path, `arquivo de mapeamento inválido: ${problems}`, 'siga o formato do README, seção "Mapping file"');
  }
  return parsed.data;
}

/** Lists the exports folder and assigns each file to an entity (mapping file first, then the file name). */
export async function discoverExports(dir: string, mapping: MappingFile = { files: [] }): Promise<ExportInventory> {
  const { names, links } = await listFolder(dir);
  const files: ExportFile[] = [];
  const unrecognized: string[] = [];
  const readByQueries = filesReadByQueries(mapping);
  for (const name of names) {
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const ext = extname(name).toLowerCase();
    const rules = fileRules(mapping).filter((m) => picomatch.isMatch(name, m.match!, { nocase: true }));
    const rule = rules[0];
    if (!rule && readByQueries.has(name.toLowerCase())) continue;
    if (ext === '.xlsx' || ext === '.xls' || ext === '.xlsm') {
      throw new LoadError(name, 'planilhas Excel ainda não são lidas diretamente', excelHint);
    }
    // An archive may hold the customers or the orders: left aside, the report would be published without them.
    if (ARCHIVE_EXTENSIONS.has(ext) || name.toLowerCase().endsWith('.tar.gz')) {
      throw new LoadError(
        name,
        'é um arquivo compactado, que o Carteira não abre',
        'extraia os arquivos dele na pasta de exportações e tire o arquivo compactado de lá (um CSV comprimido sozinho, como pedidos.csv.gz, é lido direto)',
      );
    }
    const compression = ext === '.gz' ? 'gzip' : undefined;
    const inner = compression ? name.slice(0, -ext.length) : name;
    const innerExt = extname(inner).toLowerCase();
    const format = innerExt === '.parquet' && !compression ? 'parquet' : TEXT_EXTENSIONS.has(innerExt) ? 'csv' : null;
    const match = rule?.entity ? { spec: entities.find((e) => e.name === rule.entity) } : matchFileName(inner);
    if (match && 'ambiguous' in match && format) throw ambiguousName(name, match.ambiguous);
    const spec = match && 'spec' in match ? match.spec : undefined;
    if (!format || !spec) {
      unrecognized.push(name);
      continue;
    }
    const link = links.get(name);
    if (link && 'broken' in link) throw brokenLink(name, link.broken);
    const targeted = rules.filter((r) => r.entity);
    if (targeted.length > 1) {
      // A flat report: one file, one entry per entity it feeds.
      for (const r of targeted) {
        const entity = entities.find((e) => e.name === r.entity)!;
        checkMappedColumns(name, entity, r);
        const siblings = targeted.filter((s) => s !== r);
        files.push({
          path: join(dir, name),
          name,
          entity,
          format,
          mapping: r,
          siblings,
          ...(link ? { linkTarget: link.file } : {}),
          ...(compression ? { compression } : {}),
        });
      }
      continue;
    }
    if (rule) checkMappedColumns(name, spec, rule);
    files.push({
      path: join(dir, name),
      name,
      entity: spec,
      format,
      ...(rule ? { mapping: rule } : {}),
      ...(link ? { linkTarget: link.file } : {}),
      ...(compression ? { compression } : {}),
    });
  }
  files.push(...queryExports(dir, mapping));
  if (!files.some((f) => f.entity.name === 'orders')) {
    const seen = unrecognized.length ? ` Arquivos encontrados sem entidade reconhecida: ${unrecognized.join(', ')}` : '';
    throw new LoadError(
      dir,
      `nenhum arquivo de pedidos (orders) encontrado.${seen}`,
      'inclua pedidos.csv ou orders.csv, ou associe o arquivo à entidade "orders" no arquivo de mapeamento (--mapping)',
    );
  }
  return { files, unrecognized };
}

/** The names of the folder's files and of its links to files, sorted, with where each link leads. */
async function listFolder(dir: string): Promise<{ names: string[]; links: Map<string, Link> }> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new LoadError(dir, 'a pasta de exportações não existe ou não pode ser lida', 'indique a pasta com --exports DIR');
  }
  const links = new Map<string, Link>();
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isFile()) names.push(entry.name);
    if (!entry.isSymbolicLink()) continue;
    const link = await followLink(dir, entry.name);
    if (!link) continue;
    links.set(entry.name, link);
    names.push(entry.name);
  }
  return { names: names.sort(), links };
}

/** A symbolic link of the exports folder: the file it leads to, or where it points when that is nowhere. */
type Link = { file: string } | { broken: string };

/**
 * Where a symbolic link in the exports folder leads, or null for a link to a folder (which, like a
 * subfolder, holds no export). Links are followed wherever they point, inside the folder or outside
 * it: reading a file the user linked is what they asked for, and the summary names the target.
 */
async function followLink(dir: string, name: string): Promise<Link | null> {
  const path = join(dir, name);
  try {
    const info = await stat(path);
    return info.isFile() ? { file: await realpath(path) } : null;
  } catch {
    return { broken: await readlink(path).catch(() => '?') };
  }
}

/** An entity's Portuguese name as a file name would spell it: "itens de pedido" → itens_de_pedido. */
const fileLabel = (spec: EntitySpec): string => spec.label_pt.replaceAll(' ', '_');

/** A file whose name names two entities: left aside, it could be the report's targets or sellers published without them. */
function ambiguousName(name: string, specs: EntitySpec[]): LoadError {
  const which = specs.map((spec) => `${spec.label_pt} (${spec.name})`).join(' ou ');
  return new LoadError(
    name,
    `o nome fala de ${which}, e o Carteira não adivinha qual delas o arquivo traz`,
    `renomeie-o começando pelo que ele traz (ex.: ${fileLabel(specs[1]!)}_${fileLabel(specs[0]!)}${extname(name)} se traz ${specs[1]!.label_pt}), ou associe-o a uma entidade no arquivo de mapeamento (--mapping)`,
  );
}

function brokenLink(name: string, target: string): LoadError {
  return new LoadError(
    name,
    `é um link simbólico para "${target}", que não existe ou não pode ser lido`,
    'recrie o link apontando para o arquivo exportado, ou copie o arquivo para a pasta de exportações',
  );
}

function checkMappedColumns(name: string, spec: EntitySpec, rule: FileMapping): void {
  const known = new Set(columnNames(spec));
  for (const [source, target] of Object.entries(headerRenames(rule))) {
    if (target !== null && !known.has(target)) {
      throw new LoadError(
        name,
        `o mapeamento associa "${source}" a "${target}", que não é coluna de ${spec.name}`,
        `use uma destas colunas: ${[...known].join(', ')}`,
      );
    }
  }
}

/** Files of one entity in load order (file name order). */
export function filesOf(inventory: ExportInventory, name: EntityName): ExportFile[] {
  return inventory.files.filter((f) => f.entity.name === name);
}
