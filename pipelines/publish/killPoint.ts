/**
 * Fault injection for the kill -9 tests: CARTEIRA_KILL_AT=<point> kills the process there, as a
 * power cut or an OOM killer would, so the tests can check what the next run finds.
 */
export function killPoint(point: string): void {
  if (process.env.CARTEIRA_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}
