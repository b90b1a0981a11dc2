/**
 * The ways a run can stop, each with its own exit code so a scheduler can tell "fix your file" from
 * "a bug in Carteira". Every stop a user can cause is a Failure: one Portuguese message saying what is
 * wrong, where (file, line, column, value when known) and how to fix it, printed without a stack trace.
 */
export const ExitCode = {
  ok: 0,
  /** A bug in Carteira: the message and stack trace go to the report of the bug. */
  internal: 1,
  /** A wrong flag or flag value. */
  usage: 2,
  /** An input that cannot be read: a missing exports folder, an unreadable file, a bad mapping or config. */
  input: 3,
  /** The data was read, but publishing it would mislead: too many rejects, no orders, an as-of date outside the data. */
  quality: 4,
  /** An output path that is unsafe to write to (it holds or is inside the exports, or files Carteira did not write). */
  unsafeOutput: 5,
  /** The static site failed to build; the previous marts and site were kept. */
  site: 6,
  /** Another run is publishing to the same folder. */
  busy: 7,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A stop the user can act on: what is wrong, and how to fix it. */
export class Failure extends Error {
  readonly userFacing = true;
  constructor(
    readonly exitCode: ExitCodeValue,
    readonly problem: string,
    readonly fix: string,
    /** Where: a file, optionally with line and column ("pedidos.csv, linha 12, coluna valor"). */
    readonly where?: string,
  ) {
    super(`${where ? `${where}: ` : ''}${problem}. Como corrigir: ${fix}.`);
    this.name = 'Failure';
  }
}

/** Publishing these outputs would mislead: too many rejected rows, no orders, an as-of date outside the data. */
export class QualityFailure extends Failure {
  constructor(problem: string, fix: string, where?: string) {
    super(ExitCode.quality, problem, fix, where);
  }
}

/** An output path Carteira refuses to write to, before doing any work. */
export class UnsafeOutputFailure extends Failure {
  constructor(problem: string, fix: string, where?: string) {
    super(ExitCode.unsafeOutput, problem, fix, where);
  }
}
