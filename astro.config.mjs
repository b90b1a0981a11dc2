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

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [martDownloads()],
  vite: {
    ssr: { external: duckdb },
    optimizeDeps: { exclude: duckdb },
  },
});
