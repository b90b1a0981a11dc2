import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent, sqlString } from '../contract/sqlText.ts';

/** A DuckDB connection with the few calls the pipeline uses. */
export class Database {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens an in-memory or file database. Extensions are never downloaded (no network here), and
   * memory is capped so big runs spill to disk instead of failing.
   */
  static async open(path = ':memory:', options: { memoryLimit?: string; tempDirectory?: string; threads?: number } = {}): Promise<Database> {
    const config: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'true' };
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    if (options.tempDirectory) config.temp_directory = options.tempDirectory;
    if (options.threads) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(path, config);
    return new Database(instance, await instance.connect());
  }

  /** Runs one or more statements, ignoring results. */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs a query and returns its rows as plain JSON values (BIGINT and DECIMAL as strings). */
  async rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as T[];
  }

  /** Runs a query returning JS values (numbers, bigint, Date-like objects). */
  async rowsJS<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as T[];
  }

  /** First column of the first row, or undefined. */
  async scalar<T = unknown>(sql: string): Promise<T | undefined> {
    const rows = await this.rows<Record<string, T>>(sql);
    const first = rows[0];
    return first ? Object.values(first)[0] : undefined;
  }

  /** Closes the connection and the instance (releases the file lock). */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** SQL quoting, shared with the site. */
export { sqlIdent, sqlString };
