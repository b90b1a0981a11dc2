/**
 * The history folder inside the marts folder: one dated snapshot of the small marts per run, kept across
 * runs, published and downloaded with the marts. Both the pipeline (which writes and compares them) and
 * the site (which offers them for download) read this layout.
 */
export const HISTORY_FOLDER = 'history';

/**
 * The marts kept in each snapshot: small (one row per customer, seller or month), and enough to say
 * what changed between two reports (statuses, owners, headline KPIs).
 */
export const SNAPSHOT_MARTS = ['customers', 'sellers', 'kpis_monthly'] as const;

/** A snapshot folder is named like a Hive partition, so DuckDB, Spark or pandas read the folder as one table. */
export const partitionName = (asOf: string): string => `as_of_date=${asOf}`;

/** The as-of date (YYYY-MM-DD) of a snapshot folder's name, or null for any other name. */
export const snapshotDate = (name: string): string | null => /^as_of_date=(\d{4}-\d{2}-\d{2})$/.exec(name)?.[1] ?? null;
