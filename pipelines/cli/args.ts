import { parseArgs } from 'node:util';
import { ExitCode, Failure } from '../run/failure.ts';
import { fileSystemFailure } from '../run/fileSystemFailure.ts';
import { maskConsoleOutput } from './maskConsoleOutput.ts';

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
    const def = flag.default !== undefined && flag.default !== false ? ` (padrão: ${flag.default})` : '';
    return `  ${left.padEnd(28)} ${flag.help}${def}`;
  });
  return [
    `Uso: npm run ${spec.name} -- [opções]`,
    '',
    spec.summary,
    '',
    'Opções:',
    ...rows,
    `  ${'--debug'.padEnd(28)} mostra os detalhes técnicos (stack trace) de um erro`,
    `  ${'--help'.padEnd(28)} mostra esta ajuda`,
  ].join('\n');
}

/**
 * Parses argv against the spec. Unknown flags and missing values throw UsageError with a hint;
 * `--help` returns null after printing the usage.
 */
export function parseCommandLine<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, argv: string[] = process.argv.slice(2)): Parsed<F> | null {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' }, debug: { type: 'boolean' } };
  for (const [name, flag] of Object.entries(spec.flags)) options[name] = { type: flag.type };
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${translateParseError((error as Error).message)}\nVeja as opções aceitas com \`npm run ${spec.name} -- --help\`.`);
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

/** Node's parseArgs speaks English; the report's users read Portuguese. */
function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `opção desconhecida ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `a opção ${missing[1]} precisa de um valor`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `argumento inesperado "${positional[1]}" (as opções começam com --, por exemplo --exports PASTA)`;
  const boolean = /Option '([^']+)' does not take an argument/.exec(message);
  if (boolean) return `a opção ${boolean[1]} não aceita valor`;
  return message;
}

/** Parses a positive integer flag value, accepting 10_000_000, 10,000,000 or 10e6. */
export function positiveInteger(flag: string, raw: string): number {
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value <= 0) {
    throw new UsageError(`--${flag} espera um número inteiro positivo, recebeu "${raw}" (por exemplo --${flag} 10000000).`);
  }
  return value;
}

/** Parses a YYYY-MM-DD flag value into the same string after checking it is a real date. */
export function isoDate(flag: string, raw: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== raw) {
    throw new UsageError(`--${flag} espera uma data no formato AAAA-MM-DD, recebeu "${raw}" (por exemplo --${flag} 2026-10-31).`);
  }
  return raw;
}

/**
 * Runs a command's main function with personal data masked in all it prints. A stop the user can act
 * on (UsageError, Failure) prints one Portuguese message and exits with its own code; anything else is
 * a bug in Carteira: exit 1 with a short message, and the stack trace only with --debug (or CARTEIRA_DEBUG=1).
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  maskConsoleOutput();
  try {
    await main();
  } catch (error) {
    process.exitCode = reportFailure(error, process.argv.includes('--debug') || process.env.CARTEIRA_DEBUG === '1');
  }
}

function reportFailure(thrown: unknown, debug: boolean): number {
  const error = fileSystemFailure(thrown) ?? thrown;
  if (error instanceof UsageError) {
    console.error(`Erro: ${error.message}`);
    return ExitCode.usage;
  }
  if (error instanceof Failure) {
    console.error(`Erro: ${error.message}`);
    if (debug) console.error((thrown as Error).stack);
    return error.exitCode;
  }
  const err = error as Error;
  console.error(`Erro interno do Carteira: ${err?.message ?? String(error)}`);
  console.error(debug ? (err?.stack ?? '') : 'Rode de novo com --debug para ver os detalhes técnicos e envie-os a quem mantém o Carteira.');
  return ExitCode.internal;
}
