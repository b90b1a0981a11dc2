import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // DuckDB runs natively; one fork per file keeps memory predictable on 2-core machines.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/browser/**'] },
      },
      {
        // The browser suite builds the site from real pipeline output once (globalSetup), only when it runs.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
          hookTimeout: 300_000,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
