import { NOT_RECORDS_SQL } from './reportLines.ts';
import { entity, type EntityName } from '../contract/entities.ts';
import type { PipelineConfig } from '../contract/config.ts';
import { QualityFailure } from '../run/failure.ts';
import { sqlString, type Database } from '../warehouse/database.ts';
import type { LoadSummary } from './summarizeLoad.ts';
import { formatNumber as n } from '../contract/locale.ts';
import { rejectReasons, type RejectCode } from './rejectReasons.ts';

/** Rows read and rejected of one entity, against the share of rejects it may have. */
export interface EntityRejects {
  entity: EntityName;
  read: number;
  rejected: number;
  /** Largest share (0-1) allowed. */
  limit: number;
}

/** What an entity's rejects look like, for a message a person can act on without opening a file. */
interface RejectDetail {
  reasons: { reason_code: string; rows: number }[];
  examples: { file: string; line: number | null; column: string | null; value: string | null; reason_code: string }[];
}

/**
 * Stops the run (QualityFailure, exit 4) when an entity has more rejected rows than its limit allows,
 * like dbt's error_if, before anything is published, so the previous marts stay. With `accept`, the run
 * goes on and the same detail is logged as a warning. Entities within their limit but with rejects get
 * one line each, so a run that publishes never hides how much it left out.
 */
export async function checkRejectThresholds(
  db: Database,
  summary: LoadSummary,
  limits: PipelineConfig['rejects'],
  options: { accept?: boolean | undefined; log: (line: string) => void },
): Promise<void> {
  const notRecords = await db.rows<{ entity: EntityName; n: string }>(
    `select entity, count(*) as n from load_issues where code in (${NOT_RECORDS_SQL}) group by entity`,
  );
  const counts = rejectsPerEntity(summary, limits, new Map(notRecords.map((r) => [r.entity, Number(r.n)])));
  const over = counts.filter(isOverLimit);
  const within = counts.filter((c) => c.rejected > 0 && !isOverLimit(c));
  if (within.length) {
    options.log(`Rejeições dentro do limite: ${within.map((c) => `${describeShare(c)}, limite de ${percent(c.limit)}`).join('; ')}`);
  }
  if (!over.length) return;
  const headline = over.map((c) => `${describeShare(c)}, acima do limite de ${percent(c.limit)}`).join('; ');
  const details: string[] = [];
  for (const c of over) details.push(formatDetail(entity(c.entity).label_pt, await rejectDetail(db, c.entity)));
  if (options.accept) {
    options.log(`ATENÇÃO: publicando com rejeições acima do limite, como pedido por --accept-rejects: ${headline}\n${details.join('\n')}`);
    return;
  }
  // The detail closes the message, so the sentence Failure appends ends on the last example.
  throw new QualityFailure(
    `${headline}; nada foi publicado e os marts anteriores foram mantidos`,
    'corrija as linhas nos arquivos e rode de novo, publique mesmo assim com --accept-rejects, ou ajuste o limite no arquivo ' +
      `--config ("rejects": {"max_share": 0.05, "per_entity": {"leads": 0.2}}). Motivos e exemplos:\n${details.join('\n')}`,
  );
}

/**
 * Rows read and rejected per entity (over all its files), with the limit that applies to it. A report's
 * total lines and repeated headers (NOT_RECORDS in reportLines.ts, per entity in `notRecords`) are no data: they count
 * neither as read nor as rejected.
 */
export function rejectsPerEntity(summary: LoadSummary, limits: PipelineConfig['rejects'], notRecords = new Map<EntityName, number>()): EntityRejects[] {
  const byEntity = new Map<EntityName, EntityRejects>();
  for (const file of summary.files) {
    const name = file.entity as EntityName;
    const counts = byEntity.get(name) ?? { entity: name, read: 0, rejected: 0, limit: limits.per_entity[name] ?? limits.max_share };
    counts.read += file.read;
    counts.rejected += file.rejected;
    byEntity.set(name, counts);
  }
  for (const counts of byEntity.values()) {
    const lines = notRecords.get(counts.entity) ?? 0;
    counts.read -= lines;
    counts.rejected -= lines;
  }
  return [...byEntity.values()];
}

/** More than the limit: exactly 5% of rejects passes a 5% limit. */
export function isOverLimit(c: EntityRejects): boolean {
  return c.read > 0 && c.rejected / c.read > c.limit;
}

/** "pedidos: 99 de 100 linhas rejeitadas (99,0%)" */
export function describeShare(c: EntityRejects): string {
  return `${entity(c.entity).label_pt}: ${n(c.rejected)} de ${n(c.read)} linhas rejeitadas (${percent(c.rejected / c.read, 1)})`;
}

/** 0.05 → "5%", 0.99 with one decimal → "99,0%". */
function percent(share: number, decimals?: number): string {
  const options = decimals === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return `${(share * 100).toLocaleString('pt-BR', options)}%`;
}

async function rejectDetail(db: Database, name: EntityName): Promise<RejectDetail> {
  const where = `entity = ${sqlString(name)} and severity = 'reject' and reason_code not in (${NOT_RECORDS_SQL})`;
  const reasons = await db.rows<{ reason_code: string; rows: string }>(`
    select reason_code, count(*) as rows from load_rejects where ${where} group by all order by rows desc, reason_code limit 3`);
  // A value is shown only for a column of the contract, whose kind the loader masked it by; a reader
  // reject's value is the whole raw line, which may hold an e-mail or a CPF in clear.
  const examples = await db.rows<RejectDetail['examples'][number]>(`
    select file, line, "column", case when canonical_column is not null then value end as value, reason_code
    from load_rejects where ${where} order by file_idx, line nulls last limit 3`);
  return { reasons: reasons.map((r) => ({ ...r, rows: Number(r.rows) })), examples };
}

/** One line per reason with its explanation and fix (nothing is published, so the console is all the user has), then the examples. */
function formatDetail(label: string, detail: RejectDetail): string {
  const reasons = detail.reasons.map((r) => `  ${label}: ${r.reason_code} (${n(r.rows)}): ${reasonText(r.reason_code)}`);
  const examples = detail.examples.map((e) => {
    const column = e.column ? `, coluna "${e.column}"` : '';
    const value = e.value !== null && e.value !== undefined ? `, valor "${clip(e.value)}"` : '';
    return `    ${e.file}:${e.line ?? '?'}${column}${value}: ${e.reason_code}`;
  });
  return [...reasons, ...examples].join('\n');
}

function reasonText(code: string): string {
  return code in rejectReasons ? rejectReasons[code as RejectCode] : code;
}

function clip(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}
