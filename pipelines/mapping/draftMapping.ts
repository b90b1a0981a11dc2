import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { columnMeta } from '../contract/columns.ts';
import { entities, type EntityName, type EntitySpec } from '../contract/entities.ts';
import type { ColumnSource, FileMapping } from '../contract/mapping.ts';
import type { Database } from '../warehouse/database.ts';
import { entityForFileName } from '../load/discoverExports.ts';
import { LoadError } from '../load/loadError.ts';
import { resolveHeaders } from '../load/resolveHeaders.ts';
import { guessDecimal, isMonthFirst, monthFirstFormat, guessValues, isFraction, mostlyUfs } from './guessFormats.ts';
import { sampleFile, type FileSample } from './sampleValues.ts';

/** A draft mapping file, and the notes the user should read before using it. */
export interface MappingDraft {
  mapping: { files: FileMapping[] };
  notes: string[];
}

/** Entities a flat report (one line per item) feeds besides orders and items, when it has their id. */
const FLAT_EXTRAS: EntityName[] = ['customers', 'products', 'sellers'];
/** Tie-break of the entity guess: the entities exports most often hold first. */
const PRIORITY: EntityName[] = ['orders', 'order_items', 'customers', 'products', 'sellers', 'contracts', 'leads', 'targets', 'marketing_spend'];

/**
 * Drafts a mapping file from the exports folder: for each file, the entity or entities it holds
 * (a file with the columns of both orders and items is a flat report feeding every entity whose id
 * it has), its columns by the loader's own header aliases, and the formats the sample shows (month-
 * first dates, decimal separator, statuses the loader does not know). Columns it cannot place are
 * listed as null, required ones it cannot find as "?", for the user to edit.
 */
export async function draftMapping(db: Database, exportsDir: string): Promise<MappingDraft> {
  const names = (await readdir(exportsDir, { withFileTypes: true }))
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => e.name)
    .sort();
  const files: FileMapping[] = [];
  const notes: string[] = [];
  for (const name of names) {
    const ext = extname(name).toLowerCase();
    if (name.startsWith('.') || !['.csv', '.txt', '.tsv', '.parquet'].includes(ext)) continue;
    let sample: FileSample;
    try {
      sample = await sampleFile(db, join(exportsDir, name), name, ext === '.parquet' ? 'parquet' : 'csv');
    } catch (error) {
      // One unreadable file (empty, binary) should not cost the draft of the others.
      if (!(error instanceof LoadError)) throw error;
      notes.push(`${name}: não pôde ser lido (${error.message})`);
      continue;
    }
    const chosen = chooseEntities(sample);
    if (!chosen.length) {
      notes.push(`${name}: nenhuma entidade reconhecida pelas colunas; acrescente uma entrada à mão se o arquivo for útil`);
      continue;
    }
    const decimal = guessDecimal(sample.values);
    const used = new Set<string>();
    const entries = chosen.map((spec) => entryFor(spec, sample, used, notes));
    const unused = sample.headers.filter((h) => !used.has(h));
    entries.forEach((entry, i) => {
      if (decimal) entry.decimal = decimal;
      if (i === 0) for (const h of unused) entry.columns[h] = null;
    });
    if (chosen.length > 1)
      notes.push(
        `${name}: relatório plano (uma linha por item) lido como ${chosen.map((s) => s.name).join(', ')}; cada código fica com os dados da sua linha mais recente`,
      );
    files.push(...entries);
  }
  return { mapping: { files }, notes };
}

/** The entities a file holds: several for a flat report, else the one its name or columns say. */
function chooseEntities(sample: FileSample): EntitySpec[] {
  const fits = entities.map((spec) => ({ spec, resolution: resolveHeaders(spec, sample.headers) }));
  const complete = (name: EntityName) => fits.find((f) => f.spec.name === name && !f.resolution.missingRequired.length);
  if (complete('orders') && complete('order_items')) {
    return [complete('orders')!.spec, complete('order_items')!.spec, ...FLAT_EXTRAS.flatMap((n) => (complete(n) ? [complete(n)!.spec] : []))];
  }
  const byName = entityForFileName(sample.name);
  if (byName) return [byName];
  const scored = fits
    .map((f) => ({ spec: f.spec, score: f.resolution.positions.size - f.resolution.missingRequired.length / 10 }))
    .filter((f) => f.score > 0)
    .sort((a, b) => b.score - a.score || PRIORITY.indexOf(a.spec.name) - PRIORITY.indexOf(b.spec.name));
  return scored.length ? [scored[0]!.spec] : [];
}

/** One entry: every column the aliases place, with the formats its sample shows. */
function entryFor(spec: EntitySpec, sample: FileSample, used: Set<string>, notes: string[]): FileMapping {
  const resolution = resolveHeaders(spec, sample.headers);
  const columns: Record<string, ColumnSource | string | null> = {};
  const shape = spec.schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  for (const [column, pos] of resolution.positions) {
    const header = sample.headers[pos]!;
    const values = sample.values[pos] ?? [];
    const meta = columnMeta(shape[column]!);
    if (column === 'discount' && isFraction(values)) {
      notes.push(`${sample.name}: "${header}" tem frações entre 0 e 1 (uma taxa de desconto), não valores em R$; deixada de fora`);
      continue;
    }
    if (meta.kind === 'uf' && !mostlyUfs(values)) {
      notes.push(`${sample.name}: "${header}" não tem UFs brasileiras; deixada de fora`);
      continue;
    }
    const source: ColumnSource = { from: header };
    const format = (meta.kind === 'date' || meta.kind === 'month') && isMonthFirst(sample.values) ? monthFirstFormat(values) : undefined;
    if (format) source.date_format = format;
    const translation = meta.kind === 'enum' ? guessValues(values, meta.values ?? {}) : undefined;
    if (translation) {
      source.values = translation;
      if (Object.values(translation).includes('?')) notes.push(`${sample.name}: preencha os valores "?" de "${header}" (${spec.name}.${column})`);
    }
    columns[column] = source;
    used.add(header);
  }
  for (const column of resolution.missingRequired) {
    columns[column] = { from: '?' };
    notes.push(`${sample.name}: indique a coluna de ${spec.name}.${column} (marcada "?")`);
  }
  return { match: sample.name, entity: spec.name, columns };
}
