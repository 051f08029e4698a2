import type { Reporter, TestCase, TestModule } from 'vitest/node';

type Counts = { passed: number; failed: number; skipped: number };

/**
 * Prints how many tests ran on each SQL dialect, then the whole run as one plain closing line
 * (`tests: N passed, N failed, N skipped`). Dialect-bound tests carry `[sqlite]` or `[mysql]` in their
 * full name (see `describeEachDialect`).
 */
export default class DialectReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const total: Counts = { passed: 0, failed: 0, skipped: 0 };
    const byDialect: Record<string, Counts> = {};
    for (const module of testModules) {
      // A file that failed to load has no tests to count, but it failed.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) total.failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const key: keyof Counts = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        total[key]++;
        const dialect = dialectOf(test);
        if (dialect) (byDialect[dialect] ??= { passed: 0, failed: 0, skipped: 0 })[key]++;
      }
    }
    const line = (c: Counts) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
    const dialects = Object.entries(byDialect).map(([dialect, c]) => `${dialect}: ${line(c)}`);
    process.stdout.write(`\nTests by database dialect:\n${dialects.length ? dialects.join('\n') : '(none)'}\n\ntests: ${line(total)}\n`);
  }
}

function dialectOf(test: TestCase): string | undefined {
  return /\[(sqlite|mysql)\]/.exec(test.fullName)?.[1];
}
