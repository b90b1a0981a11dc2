import { z } from 'zod';

const entityNames = [
  'customers', 'sellers', 'products', 'orders', 'order_items', 'contracts', 'targets', 'leads', 'marketing_spend',
] as const;

/** Per-file reading options; anything left out is detected from the file. */
export const FileMapping = z.strictObject({
  /** A file name or glob relative to the exports folder, e.g. "export_vendas_*.csv". */
  match: z.string().min(1),
  entity: z.enum(entityNames).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** Decimal separator of numbers in the file. */
  decimal: z.enum([',', '.']).optional(),
  encoding: z.enum(['utf-8', 'windows-1252', 'latin1', 'utf-16le']).optional(),
  /** strptime format of the file's dates when its values cannot tell day and month apart, e.g. "%m/%d/%Y". */
  date_format: z.string().min(2).optional(),
  /** With `columns`, whether the built-in header aliases may still claim the columns left unmapped (default false). */
  aliases: z.boolean().optional(),
  /** Source header → canonical column; a canonical column may be null to ignore a source column. */
  columns: z.record(z.string(), z.string().nullable()).default({}),
});
export type FileMapping = z.infer<typeof FileMapping>;

/** The optional mapping file (JSON) for exports whose names or headers the built-in aliases miss. */
export const MappingFile = z.strictObject({
  files: z.array(FileMapping).default([]),
});
export type MappingFile = z.infer<typeof MappingFile>;
