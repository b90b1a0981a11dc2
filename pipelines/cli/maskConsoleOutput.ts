import { maskPersonalData } from '../privacy/maskPersonalData.ts';

/**
 * LGPD: everything a command prints, on stdout or stderr, goes through maskPersonalData first. Messages
 * quote headers, file names and DuckDB's own errors, any of which can hold a CPF or an e-mail from the
 * exports; one filter at the streams covers them all, including messages written later.
 */
export function maskConsoleOutput(): void {
  for (const stream of [process.stdout, process.stderr]) stream.write = masked(stream.write);
}

function masked(write: NodeJS.WriteStream['write']): NodeJS.WriteStream['write'] {
  return function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : null;
    return (write as (...args: unknown[]) => boolean).call(this, text === null ? chunk : maskPersonalData(text), ...rest);
  } as NodeJS.WriteStream['write'];
}
