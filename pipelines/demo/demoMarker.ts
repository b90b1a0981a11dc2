import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A file in every demo exports folder: marts and pages built from such a folder say the data is fictitious. */
export const DEMO_MARKER = '.carteira-demo';

/** Whether an exports folder holds Carteira's demo dataset rather than a user's exports, however the run was pointed at it. */
export const isDemoExports = (dir: string): boolean => existsSync(join(dir, DEMO_MARKER));
