import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Prints how many tests ran on each SQL dialect. Dialect-bound tests carry `[sqlite]` or `[mysql]`
 * in their full name (see `describeEachDialect`).
 */
export default class DialectReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts: Record<string, { passed: number; failed: number; skipped: number }> = {};
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const dialect = dialectOf(test);
        if (!dialect) continue;
        const state = test.result().state;
        const entry = (counts[dialect] ??= { passed: 0, failed: 0, skipped: 0 });
        if (state === 'passed') entry.passed++;
        else if (state === 'failed') entry.failed++;
        else entry.skipped++;
      }
    }
    const lines = Object.entries(counts).map(
      ([dialect, c]) => `  ${dialect.padEnd(7)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`,
    );
    process.stdout.write(`\nTests by database dialect:\n${lines.length ? lines.join('\n') : '  (none)'}\n`);
  }
}

function dialectOf(test: TestCase): string | undefined {
  return /\[(sqlite|mysql)\]/.exec(test.fullName)?.[1];
}
