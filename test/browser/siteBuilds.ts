import { existsSync } from 'node:fs';
import { inject } from 'vitest';
import { CHROMIUM } from '../../pipelines/site/chromium.ts';

/** The sites the browser suite's global setup builds once and shares with every browser test file. */
export interface SiteBuilds {
  /** The site built from the pipeline's marts for the demo dataset. */
  dist: string;
  /** The marts that site was built from. */
  martsDir: string;
  /**
   * The site built from the same demo dataset without the contracts, targets and marketing spend files, and with the
   * customer-value models left unfitted (a minimum of repeat buyers above the demo's); null when CARTEIRA_DIST is given.
   */
  thinDist: string | null;
  /** The site built from an empty marts folder; null when CARTEIRA_DIST is given. */
  emptyDist: string | null;
  /**
   * The site and marts built from the demo dataset with the privacy fixture's personal data added
   * (privacyFixture.ts); null when CARTEIRA_DIST is given.
   */
  privacy: { dist: string; martsDir: string } | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Null when the browser suite is skipped (no Chromium outside CI). */
    carteiraSite: SiteBuilds | null;
  }
}

/** The name the global setup gives the biggest customer: markup and quotes that must show as plain text. */
export const HOSTILE_NAME = '<script>alert("x")</script><b>Mercado</b> & "Cia" <img src=x onerror=alert(1)>';

/** Whether the browser suite runs: Chromium is installed, or CI demands it (and fails loudly without it). */
export const browserSuiteRuns = (): boolean => existsSync(CHROMIUM) || Boolean(process.env.CI);

/** The builds made by the global setup; throws a readable error when it skipped them. */
export function siteBuilds(): SiteBuilds {
  const builds = inject('carteiraSite');
  if (!builds) throw new Error(`Chromium not found at ${CHROMIUM}. Run .ci/run, which installs Debian's chromium (apt-get install -y chromium).`);
  return builds;
}
