import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database, sqlString } from '../../pipelines/warehouse/database.ts';
import { tempDir } from '../helpers/fixtures.ts';

/** The folders of one case, all inside its own temporary root. */
export interface CaseDirs {
  root: string;
  exports: string;
  out: string;
  dist: string;
  warehouse: string;
}

/** What the command did. */
export interface CliRun {
  exit: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr together. */
  output: string;
}

/** The counts of one file in load_summary.parquet. */
export interface FileCounts {
  read: number;
  loaded: number;
  rejected: number;
  collapsed: number;
  after_as_of: number;
  open_orders: number;
  empty: number;
  warnings: number;
}

/**
 * One thing a user (or a hostile file) can do to Carteira, and what Carteira must do about it. The
 * command runs as the user runs it, in its own process, so exit codes and messages are the real ones.
 */
export interface HostileCase {
  /** A sentence: what the user did and what Carteira does. */
  name: string;
  /** Files of the exports folder: name → content (a string is written as UTF-8). */
  exports?: Record<string, string | Buffer>;
  /** Arranges the folders further: symlinks, earlier outputs, a file where a folder should be. */
  setup?: (dirs: CaseDirs) => void;
  command?: 'pipeline' | 'build';
  /** The flags; default `--exports <exports> --out <out> --no-warehouse` (build adds `--dist <dist>`). */
  args?: (dirs: CaseDirs) => string[];
  /** Extra environment variables for the command. */
  env?: Record<string, string>;
  expect: {
    exit: number;
    /** Fragments that must appear in the command's output (stdout and stderr). */
    output?: (string | RegExp)[];
    /** Fragments that must not appear (e.g. a stack trace, a CPF). */
    notOutput?: (string | RegExp)[];
    /** Counts per file name in the published load_summary.parquet. */
    summary?: Record<string, Partial<FileCounts>>;
    /** Rows of the published rejects.parquet per `file:reason_code`. */
    reasons?: Record<string, number>;
    /** Any further check of the folders after the run. */
    check?: (dirs: CaseDirs, run: CliRun) => void | Promise<void>;
  };
}

const repo = resolve(import.meta.dirname, '../..');

/** Runs a Carteira command the way a user does (`npm run <command> -- …`), without npm's own noise. */
export function runCli(command: 'pipeline' | 'build', args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `pipelines/cli/${command}.ts`, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  return { exit: result.status, signal: result.signal, output: `${result.stdout}\n${result.stderr}` };
}

/** The folders of a new case, with the exports written. */
export function caseDirs(root: string, exports: HostileCase['exports'] = {}): CaseDirs {
  const dirs = {
    root,
    exports: join(root, 'exports'),
    out: join(root, 'marts'),
    dist: join(root, 'dist'),
    warehouse: join(root, 'warehouse', 'carteira.duckdb'),
  };
  mkdirSync(dirs.exports, { recursive: true });
  for (const [name, content] of Object.entries(exports)) writeFileSync(join(dirs.exports, name), content);
  return dirs;
}

/** Rows of a published mart, BIGINT and DECIMAL as strings. */
export async function readParquet<T = Record<string, unknown>>(file: string, sql = 'select * from t'): Promise<T[]> {
  const db = await Database.open();
  try {
    return await db.rows<T>(`with t as (select * from read_parquet(${sqlString(file)})) ${sql}`);
  } finally {
    db.close();
  }
}

/** Declares one vitest test per case, each in its own temporary folder. */
export function describeHostileCases(title: string, cases: HostileCase[]): void {
  describe(title, () => {
    const cleanups: (() => void)[] = [];
    afterAll(() => {
      for (const cleanup of cleanups) cleanup();
    });
    for (const c of cases) {
      // a build case builds a whole site: minutes on a busy machine
      it(c.name, { timeout: c.command === 'build' ? 300_000 : undefined }, async () => {
        const tmp = tempDir('carteira-hostile-');
        cleanups.push(tmp.cleanup);
        const dirs = caseDirs(tmp.dir, c.exports);
        c.setup?.(dirs);
        const command = c.command ?? 'pipeline';
        const defaults = ['--exports', dirs.exports, '--out', dirs.out, '--no-warehouse', ...(command === 'build' ? ['--dist', dirs.dist] : [])];
        const run = runCli(command, c.args ? c.args(dirs) : defaults, c.env);
        const context = `exit ${run.exit}${run.signal ? ` (${run.signal})` : ''}\n${run.output}`;
        expect(run.exit, context).toBe(c.expect.exit);
        for (const fragment of c.expect.output ?? []) expect(run.output, context).toMatch(fragment);
        for (const fragment of c.expect.notOutput ?? []) expect(run.output, context).not.toMatch(fragment);
        if (c.expect.exit !== 0) expect(run.output, 'a user-facing stop prints no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
        if (c.expect.summary) {
          const rows = await readParquet<Record<string, string>>(join(dirs.out, 'load_summary.parquet'));
          for (const [file, counts] of Object.entries(c.expect.summary)) {
            const row = rows.find((r) => r.file === file);
            expect(row, `load_summary has ${file}`).toBeDefined();
            const actual = Object.fromEntries(Object.keys(counts).map((k) => [k, Number(row![k])]));
            expect(actual, `counts of ${file}`).toEqual(counts);
          }
        }
        if (c.expect.reasons) {
          const rows = await readParquet<{ key: string; n: string }>(
            join(dirs.out, 'rejects.parquet'),
            `select file || ':' || reason_code as key, count(*) as n from t group by all`,
          );
          const actual = Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
          for (const [key, n] of Object.entries(c.expect.reasons)) expect(actual[key] ?? 0, `rejects ${key}`).toBe(n);
        }
        await c.expect.check?.(dirs, run);
      });
    }
  });
}

/** True when a path exists (a file, folder or link). */
export const exists = (path: string): boolean => existsSync(path);

/** Every file under `dir` (relative path → SHA-256), for byte-for-byte comparisons of outputs; empty when `dir` is missing. */
export function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory());
  return Object.fromEntries(
    files
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((path) => [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')]),
  );
}

/** A small valid set of exports: two customers, three orders , as of 01/02/2026. */
export const SMALL_EXPORTS: Record<string, string> = {
  'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\nP2;C2;15/01/2026;20\nP3;C1;01/02/2026;30\n',
  'clientes.csv': 'cliente;nome;uf\nC1;Mercado Um Ltda;SP\nC2;Padaria Dois Ltda;RJ\n',
};

/** A snapshot without Carteira's bookkeeping files (manifest, lock), to compare publications. */
export const withoutBookkeeping = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).filter(([path]) => !path.split('/').some((part) => part.startsWith('.carteira-'))));

/** What a publication in progress leaves in a folder: staging folders and journals. */
export const leftovers = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => /^\.carteira-(staging|commit)/.test(name)) : []);
