import { describe } from 'vitest';
import type { SqlDialect } from '@cong/sdk';
import { testDialects } from './test-database.js';

/** `describe` once per test dialect, named `[sqlite] …` and `[mysql] …` so the reporter can count them. */
export function describeEachDialect(name: string, body: (dialect: SqlDialect) => void): void {
  for (const dialect of testDialects()) {
    describe(`[${dialect}] ${name}`, () => body(dialect));
  }
}
