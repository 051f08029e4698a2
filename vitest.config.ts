import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// One runner for every package. Unit and integration tests sit beside the code (`*.test.ts`) and run
// in Node; component tests (`*.browser.test.ts`) run in Debian's Chromium (never a downloaded one);
// cross-package suites live in tests/. Tests import the built packages (`pnpm test` builds first).
const CHROMIUM = process.env.CONG_CHROMIUM ?? '/usr/bin/chromium';

// Like MySQL: browser tests need Debian's Chromium (`apt-get install -y chromium`). Without it they
// are left out with a notice, except under CI, where a missing browser fails the run.
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI runs the browser tests (apt-get install -y chromium)`);
  process.stderr.write(`\nBrowser tests left out: ${CHROMIUM} not found (apt-get install -y chromium, or set CONG_CHROMIUM).\n\n`);
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/dialect-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['{sdk,create-plugin,core,plugins,examples,tests}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'tests/e2e/**', '**/*.browser.test.ts'],
          environment: 'node',
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      ...(hasChromium ? [browserProject(), e2eProject()] : []),
    ],
  },
});

function browserProject(): TestProjectInlineConfiguration {
  return {
        extends: true,
        test: {
          name: 'browser',
          // After the Node tests: one browser at a time on a 2-core machine.
          sequence: { groupOrder: 1 },
          include: ['{sdk,core,plugins,examples}/**/*.browser.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
  };
}

/** The end-to-end suites: a real platform in this process, Debian's Chromium driven by playwright-core. */
function e2eProject(): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: 'e2e',
      // Last, one file at a time: each starts a platform and a browser.
      sequence: { groupOrder: 2 },
      include: ['tests/e2e/**/*.test.ts'],
      environment: 'node',
      pool: 'forks',
      maxWorkers: 1,
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}
