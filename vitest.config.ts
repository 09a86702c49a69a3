import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // lib/ files `import 'server-only'`, which throws outside React Server
      // Components; tests call them directly.
      { find: /^server-only$/, replacement: fileURLToPath(new URL('./tests/setup/empty.ts', import.meta.url)) },
    ],
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**', 'tests/e2e/**'],
    // One migrated template per run, one copy of it per test file.
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/per-file.ts'],
    testTimeout: 30_000,
    // Creating the template (migrations, or initdb for embedded PGlite).
    hookTimeout: 120_000,
    // Each file in its own process (isolation is the default); two at a time
    // on these 2-core machines, and at most two worker databases.
    pool: 'forks',
    maxWorkers: 2,
  },
});
