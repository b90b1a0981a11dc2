import { parseArgs } from 'node:util';

/** One command-line flag: its type, default, and the line shown by --help. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  help: string;
  default?: string | boolean;
  /** Placeholder shown in --help, e.g. DIR or YYYY-MM-DD. */
  value?: string;
}

/** A command's name, one-line purpose and flags. */
export interface CommandSpec<F extends Record<string, FlagSpec>> {
  name: string;
  summary: string;
  flags: F;
}

type Parsed<F extends Record<string, FlagSpec>> = {
  [K in keyof F]: F[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

/** A mistake in the command line: shown to the user with a hint, exit code 2. */
export class UsageError extends Error {}

/** Renders the --help text of a command. */
export function usage<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): string {
  const rows = Object.entries(spec.flags).map(([name, flag]) => {
    const left = `--${name}${flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : ''}`;
    const def = flag.default !== undefined && flag.default !== false ? ` (default: ${flag.default})` : '';
    return `  ${left.padEnd(28)} ${flag.help}${def}`;
  });
  return [`Usage: npm run ${spec.name} -- [flags]`, '', spec.summary, '', 'Flags:', ...rows, `  ${'--help'.padEnd(28)} show this help`].join('\n');
}

/**
 * Parses argv against the spec. Unknown flags and missing values throw UsageError with a hint;
 * `--help` returns null after printing the usage.
 */
export function parseCommandLine<F extends Record<string, FlagSpec>>(
  spec: CommandSpec<F>,
  argv: string[] = process.argv.slice(2),
): Parsed<F> | null {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const [name, flag] of Object.entries(spec.flags)) options[name] = { type: flag.type };
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
    throw new UsageError(`${message}\nRun \`npm run ${spec.name} -- --help\` to see the accepted flags.`);
  }
  if (values.help) {
    console.log(usage(spec));
    return null;
  }
  const result: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    result[name] = values[name] ?? flag.default ?? (flag.type === 'boolean' ? false : undefined);
  }
  return result as Parsed<F>;
}

/** Parses a positive integer flag value, accepting 10_000_000, 10,000,000 or 10e6. */
export function positiveInteger(flag: string, raw: string): number {
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value <= 0) {
    throw new UsageError(`--${flag} expects a positive whole number, got "${raw}" (e.g. --${flag} 10000000).`);
  }
  return value;
}

/** Parses a YYYY-MM-DD flag value into the same string after checking it is a real date. */
export function isoDate(flag: string, raw: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== raw) {
    throw new UsageError(`--${flag} expects a date as YYYY-MM-DD, got "${raw}" (e.g. --${flag} 2026-10-31).`);
  }
  return raw;
}

/** Runs a command's main function, turning UsageError into a hint and exit code 2, other errors into exit 1. */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    const err = error as Error & { userFacing?: boolean };
    console.error(err.userFacing ? `Error: ${err.message}` : err.stack ?? String(err));
    process.exitCode = 1;
  }
}
