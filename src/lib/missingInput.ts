import { entity, type EntityName } from '../../pipelines/contract/entities.ts';

const fold = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The export file names to suggest for an entity: the Portuguese one first, then the English one. */
export function exportFileNames(name: EntityName): string[] {
  const spec = entity(name);
  // The label itself is a file name the loader accepts when it folds to one of the entity's names.
  const portuguese = spec.fileNames.includes(fold(spec.label_pt)) ? spec.label_pt.replace(/\s+/g, '_') : undefined;
  return [...new Set([portuguese ?? spec.name, spec.name].map((file) => `${file}.csv`))];
}

/**
 * Says which export would enable a section, e.g. "Sem arquivo de contratos: inclua contratos.csv
 * (ou contracts.csv) nas exportações para ver as renovações."
 */
export function missingInputMessage(name: EntityName, purpose: string): string {
  const [first, ...others] = exportFileNames(name);
  const alternatives = others.length ? ` (ou ${others.join(', ')})` : '';
  return `Sem arquivo de ${entity(name).label_pt}: inclua ${first}${alternatives} nas exportações para ${purpose}.`;
}
