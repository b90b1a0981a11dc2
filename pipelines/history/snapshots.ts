import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { partitionName, SNAPSHOT_MARTS, snapshotDate } from '../contract/history.ts';
import { sqlString, type Database } from '../warehouse/database.ts';
import { pseudonymPattern } from '../privacy/pseudonyms.ts';
import { codesComparable, readingDifference } from './codeReading.ts';

/** One dated snapshot in the history folder. */
export interface Snapshot {
  asOf: string;
  dir: string;
  /** Whether its marts were built from Carteira's demo dataset or from real exports. */
  source: 'demo' | 'exports';
  /** How its codes were read (codeReading.ts); null for a snapshot written before the stamp. */
  codeReading: string | null;
}

/** What this run does with the history, decided before its models run. */
export interface HistoryPlan {
  /** The latest earlier snapshot of the same data source: what this run is compared with. */
  previous: Snapshot | null;
  /** Whether this run's snapshot is added (a demo run never writes into a history of real exports). */
  record: boolean;
}

/**
 * Lists the complete snapshots in `historyDir`, oldest first. A partition missing one of the snapshot
 * marts (deleted by hand, say) is left where it is but never compared with, and said.
 */
export async function listSnapshots(db: Database, historyDir: string, log: (line: string) => void): Promise<Snapshot[]> {
  if (!existsSync(historyDir)) return [];
  const snapshots: Snapshot[] = [];
  for (const name of (await readdir(historyDir)).sort()) {
    const asOf = snapshotDate(name);
    if (!asOf) continue;
    const dir = join(historyDir, name);
    const missing = SNAPSHOT_MARTS.filter((mart) => !existsSync(join(dir, `${mart}.parquet`)));
    if (missing.length) {
      log(`AVISO: o instantâneo ${dir} está incompleto (falta ${missing.join(', ')}) e não será usado na comparação`);
      continue;
    }
    const metadata = await db.rows<{ key: string; value: string }>(
      `select decode(key) as key, decode(value) as value from parquet_kv_metadata(${sqlString(join(dir, 'customers.parquet'))})
       where decode(key) in ('data_source', 'code_reading')`,
    );
    const value = (key: string) => metadata.find((m) => m.key === key)?.value ?? null;
    snapshots.push({ asOf, dir, source: value('data_source') === 'demo' ? 'demo' : 'exports', codeReading: value('code_reading') });
  }
  return snapshots;
}

/**
 * Fills the history's staging folder with the snapshots to keep (hard links, so nothing is copied on
 * one filesystem) and decides what this run compares with. The history is kept across runs; a run
 * replaces only its own date's snapshot. Demo snapshots and snapshots of real exports are never mixed:
 * a run on real exports drops the demo ones (fake numbers must not pass for a real past report), and a
 * demo run leaves a history of real exports as it is, adding nothing and comparing with nothing.
 */
export async function stageHistory(
  db: Database,
  { published, staging, asOf, isDemo }: { published: string; staging: string; asOf: string; isDemo: boolean },
  log: (line: string) => void,
): Promise<HistoryPlan> {
  const snapshots = await listSnapshots(db, published, log);
  const source = isDemo ? 'demo' : 'exports';
  const realHistory = isDemo && snapshots.some((s) => s.source === 'exports');
  if (realHistory)
    log('AVISO: o histórico guarda relatórios de exportações reais; esta execução com dados de demonstração não grava instantâneo nem compara com eles');
  const dropped = snapshots.filter((s) => s.source !== source && !realHistory);
  if (dropped.length) log(`Histórico: removendo ${dropped.length} instantâneo(s) de dados de demonstração (${dropped.map((s) => s.asOf).join(', ')})`);
  const kept = (await readdir(published).catch(() => [] as string[])).filter(
    (name) => snapshotDate(name) !== null && !dropped.some((s) => s.dir === join(published, name)),
  );
  for (const name of kept) {
    if (!realHistory && name === partitionName(asOf)) continue;
    await linkFolder(join(published, name), join(staging, name));
  }
  const earlier = snapshots.filter((s) => s.source === source && s.asOf < asOf);
  return { previous: realHistory ? null : (earlier.at(-1) ?? null), record: !realHistory };
}

/** Adds this run's snapshot: copies of the snapshot marts just exported to `martsDir`. */
export async function recordSnapshot(martsDir: string, historyStaging: string, asOf: string): Promise<void> {
  const dir = join(historyStaging, partitionName(asOf));
  await mkdir(dir, { recursive: true });
  for (const mart of SNAPSHOT_MARTS) await copyFile(join(martsDir, `${mart}.parquet`), join(dir, `${mart}.parquet`));
}

/** Hard-links every file of `from` into `to` (a copy where the filesystem refuses links). */
async function linkFolder(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    await link(join(from, entry.name), join(to, entry.name)).catch(() => copyFile(join(from, entry.name), join(to, entry.name)));
  }
}

/** The columns of the previous snapshot the status_changes model reads, with their types. */
const previousColumns = {
  previous_customers: { mart: 'customers', columns: { customer_id: 'varchar', name: 'varchar', status: 'varchar', seller_id: 'varchar' } },
  previous_sellers: { mart: 'sellers', columns: { seller_id: 'varchar', name: 'varchar' } },
  previous_kpis: {
    mart: 'kpis_monthly',
    columns: {
      month: 'date',
      is_partial_month: 'boolean',
      revenue: 'decimal(18, 2)',
      avg_ticket: 'decimal(18, 2)',
      active_customers: 'bigint',
      at_risk_customers: 'bigint',
      coverage_pct: 'double',
      new_customers: 'bigint',
      churned: 'bigint',
    },
  },
} as const;

/**
 * Creates the tables the status_changes model compares with: `previous_snapshot` (its date and whether
 * its customers are compared, one row or none) and the previous customers, sellers and KPIs, empty when
 * there is nothing to compare with. A snapshot written by a version whose marts lack a column is not
 * compared with, and said; one whose codes were read another way (another pseudonym key, older rules)
 * is compared on its KPIs only, and said. Needs the pseudonym macros, key and privacy settings.
 */
export async function createPreviousSnapshotTables(db: Database, previous: Snapshot | null, codeReading: string, log: (line: string) => void): Promise<void> {
  const create = async (snapshot: Snapshot | null) => {
    await db.run(`create or replace table previous_snapshot as
      select cast(${snapshot ? sqlString(snapshot.asOf) : 'null'} as date) as as_of_date, true as are_customers_compared ${snapshot ? '' : 'where false'}`);
    for (const [table, { mart, columns }] of Object.entries(previousColumns)) {
      const select = Object.entries(columns)
        .map(([column, type]) => `cast(${snapshot ? column : 'null'} as ${type}) as ${column}`)
        .join(', ');
      const from = snapshot ? `from read_parquet(${sqlString(join(snapshot.dir, `${mart}.parquet`))})` : 'where false';
      await db.run(`create or replace table ${table} as select ${select} ${from}`);
    }
  };
  try {
    await create(previous);
  } catch (error) {
    log(`AVISO: o instantâneo ${previous!.dir} não pôde ser lido (${(error as Error).message.split('\n')[0]}); nada será comparado com ele`);
    await create(null);
    return;
  }
  if (!previous) return;
  const hasReadCodes = await db.scalar<boolean>(`select exists (
      select 1 from previous_customers where ${readCode('CLI', 'customer_id')} or ${readCode('VEN', 'seller_id')}
      union all select 1 from previous_sellers where ${readCode('VEN', 'seller_id')})`);
  if (codesComparable(previous.codeReading, codeReading, Boolean(hasReadCodes))) return;
  await db.run('update previous_snapshot set are_customers_compared = false');
  log(
    `AVISO: o relatório de ${previous.asOf} leu os códigos de outra forma (${readingDifference(previous.codeReading, codeReading)}); ` +
      'os clientes não são comparados com ele, só os indicadores. A comparação cliente a cliente volta no próximo relatório; mantenha a chave (CARTEIRA_PSEUDONYM_KEY) entre as execuções',
  );
}

/**
 * SQL: a snapshot's code depends on how codes are read: a pseudonym as pseudonyms.ts writes it (prefix,
 * hyphen, 12 letters of the hash's alphabet), or a code today's rules would make one (a name kept in
 * clear by an older version).
 */
const readCode = (prefix: 'CLI' | 'VEN', column: string) =>
  `(regexp_full_match(${column}, '${pseudonymPattern(prefix)}') or pseudonymous_id('${prefix}', ${column}) <> ${column})`;
