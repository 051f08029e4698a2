import { defineConfig } from 'vitest/config';

// One runner for every package. Unit tests sit beside the code (`*.test.ts`); cross-package suites
// live in tests/. Tests import the built packages (`pnpm test` builds first), as users do.
export default defineConfig({
  test: {
    include: ['{sdk,core,plugins,examples,tests}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'tests/e2e/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/dialect-reporter.ts'],
  },
});
