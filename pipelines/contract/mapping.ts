import { z } from 'zod';
import { entities } from './entities.ts';

const entityNames = ['customers', 'sellers', 'products', 'orders', 'order_items', 'contracts', 'targets', 'leads', 'marketing_spend'] as const;

/**
 * How one canonical column is computed from a source file: a source column (`from`), a `constant`,
 * or a DuckDB `expr`ession over the source columns; `values` then translates the text (e.g. English
 * statuses) and `date_format` (strptime, e.g. "%m/%d/%Y") says how its dates are written.
 */
export const ColumnSource = z
  .strictObject({
    from: z.string().min(1).optional(),
    constant: z.union([z.string(), z.number(), z.boolean()]).optional(),
    expr: z.string().min(1).optional(),
    values: z.record(z.string(), z.string()).optional(),
    date_format: z.string().regex(/%/, 'use os códigos do strptime, ex.: "%m/%d/%Y"').optional(),
  })
  .superRefine((source, ctx) => {
    const given = (['from', 'constant', 'expr'] as const).filter((k) => source[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `informe exatamente um de "from", "constant" ou "expr" (encontrado: ${given.length ? given.join(', ') : 'nenhum'})`,
      });
    }
  });
export type ColumnSource = z.infer<typeof ColumnSource>;

/** Per-file reading options; anything left out is detected from the file. */
export const FileMapping = z.strictObject({
  /** A file name or glob relative to the exports folder, e.g. "export_vendas_*.csv". */
  match: z.string().min(1).optional(),
  /** Instead of `match`: a DuckDB SELECT over files of the exports folder (for exports that need a join). */
  sql: z.string().min(1).optional(),
  entity: z.enum(entityNames).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** Decimal separator of numbers in the file. */
  decimal: z.enum([',', '.']).optional(),
  encoding: z.enum(['utf-8', 'windows-1252', 'latin1', 'utf-16le']).optional(),
  /** strptime format of the file's dates when its values cannot tell day and month apart, e.g. "%m/%d/%Y". */
  date_format: z.string().min(2).optional(),
  /** With `columns`, whether the built-in header aliases may still claim the columns left unmapped (default false). */
  aliases: z.boolean().optional(),
  /**
   * A string or null maps a source header to a canonical column (null ignores it); an object defines
   * the canonical column named by the key (see ColumnSource).
   */
  columns: z.record(z.string(), z.union([z.string(), z.null(), ColumnSource])).default({}),
  /**
   * For an entity derived from a flat file (one line per item): the date that picks the line whose
   * attributes each id takes (its latest); default the order_date of the file's orders entry.
   */
  latest_by: ColumnSource.optional(),
});
export type FileMapping = z.infer<typeof FileMapping>;

/** The optional mapping file (JSON) for exports whose names or headers the built-in aliases miss. */
export const MappingFile = z
  .strictObject({
    files: z.array(FileMapping).default([]),
  })
  .superRefine((mapping, ctx) => {
    mapping.files.forEach((file, i) => {
      const at = (...path: (string | number)[]) => ['files', i, ...path];
      if ((file.match === undefined) === (file.sql === undefined)) {
        ctx.addIssue({ code: 'custom', path: at(), message: 'informe "match" (nome ou padrão do arquivo) ou "sql" (consulta), um dos dois' });
      }
      if (file.sql !== undefined && !file.entity) {
        ctx.addIssue({ code: 'custom', path: at('entity'), message: 'uma entrada com "sql" precisa dizer a entidade ("entity")' });
      }
      const spec = entities.find((e) => e.name === file.entity);
      const known = spec ? Object.keys(spec.schema.shape) : [];
      for (const [key, value] of Object.entries(file.columns)) {
        const definesColumn = value !== null && typeof value === 'object';
        if (!definesColumn) continue;
        if (!spec) {
          ctx.addIssue({ code: 'custom', path: at('columns', key), message: 'uma coluna definida por objeto precisa da entidade ("entity") da entrada' });
        } else if (!known.includes(key)) {
          ctx.addIssue({ code: 'custom', path: at('columns', key), message: `"${key}" não é coluna de ${spec.name}; use uma destas: ${known.join(', ')}` });
        }
      }
      const twin = mapping.files.findIndex(
        (other, j) => j < i && other.match !== undefined && other.match === file.match && other.entity === file.entity && file.entity,
      );
      if (twin >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: at('entity'),
          message: `files.${twin} já lê "${file.match}" como ${file.entity}; um arquivo alimenta cada entidade uma vez`,
        });
      }
      if (file.latest_by && !spec?.key) {
        ctx.addIssue({
          code: 'custom',
          path: at('latest_by'),
          message: 'só entidades com código (clientes, vendedores, produtos, pedidos) escolhem a linha mais recente',
        });
      }
    });
  });
export type MappingFile = z.infer<typeof MappingFile>;

/**
 * The problems of a mapping file as `path: message`. A column entry is text, null or an object, and
 * zod reports a wrong one as "none of these"; the object's own mistakes are what the user needs, so
 * they are taken from the branch that got furthest.
 */
export function mappingProblems(issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length) {
      const furthest = issue.errors.find((branch) => branch.some((i) => i.code !== 'invalid_type' || i.path.length > 0));
      if (furthest) return mappingProblems(furthest, path);
    }
    return [`${path.map(String).join('.') || '(raiz)'}: ${issue.message}`];
  });
}

/** Validates a parsed mapping file, with zod's own messages in Portuguese (the user reads them). */
export function parseMappingFile(json: unknown) {
  return MappingFile.safeParse(json, { error: z.locales.pt().localeError });
}
