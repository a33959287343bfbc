import { defineConfig } from 'vitest/config';

// One run covers unit, API (dynalite), infra and type-check tests; browser and load tests have their own scripts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/load/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['functions/local/quiet-node20-warning.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
