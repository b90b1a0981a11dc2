import { ExitCode, Failure } from '../run/failure.ts';

/**
 * An input that cannot be read stops the run: names the file, says what is wrong and how to fix it.
 * The CLI prints it without a stack trace and exits with ExitCode.input.
 */
export class LoadError extends Failure {
  constructor(
    readonly file: string,
    problem: string,
    fix: string,
  ) {
    super(ExitCode.input, problem, fix, file);
    this.name = 'LoadError';
  }
}
