// @ts-check
import { defineConfig } from 'astro/config';
import { martDownloads } from './src/integrations/martDownloads.ts';

// DuckDB is a native module: Vite must leave it (and its per-platform binding packages) to Node.
const duckdb = [
  '@duckdb/node-api',
  '@duckdb/node-bindings',
  '@duckdb/node-bindings-linux-x64',
  '@duckdb/node-bindings-linux-arm64',
  '@duckdb/node-bindings-darwin-arm64',
  '@duckdb/node-bindings-darwin-x64',
  '@duckdb/node-bindings-win32-x64',
];

/**
 * The server bundle runs once, in Node, to render the pages at build time: its size does not matter, and
 * Rollup's tree-shaking of it took about half of Vite's whole bundling time (profiled at 1M order lines).
 * The browser bundle keeps tree-shaking. The pages are byte-identical either way.
 */
const serverBundleWithoutTreeshaking = {
  name: 'carteira-server-bundle-without-treeshaking',
  /** @param {unknown} _config @param {{ isSsrBuild?: boolean }} env */
  config: (_config, env) => (env.isSsrBuild ? { build: { rollupOptions: { treeshake: false } } } : undefined),
};

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [martDownloads()],
  vite: {
    ssr: { external: duckdb },
    optimizeDeps: { exclude: duckdb },
    plugins: [serverBundleWithoutTreeshaking],
  },
});
