/**
 * A problem that stops the run: names the file, says what is wrong and how to fix it.
 * The CLI prints it without a stack trace.
 */
export class LoadError extends Error {
  readonly userFacing = true;
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}: ${problem}. Como corrigir: ${fix}.`);
    this.name = 'LoadError';
  }
}
