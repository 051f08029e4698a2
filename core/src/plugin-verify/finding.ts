import type { LocalizedText } from '@cong/sdk';

/** The checks `cong plugins verify` runs, one file each under `rules/`. */
export type RuleId = 'manifest' | 'plugin-api-range' | 'route-schemas' | 'migrations-down' | 'no-core-internals' | 'exports' | 'changeset';

/** An error fails the check (exit code 1); a warning fails it only with `--strict`. */
export type Severity = 'error' | 'warning';

/** One problem found in a plugin package, with where it is and how to fix it. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Path relative to the package directory, with `/` separators (`package.json`, `src/server/routes.ts`). */
  readonly file: string;
  /** 1-based line, when it can be told. */
  readonly line?: number;
  readonly message: Required<LocalizedText>;
  readonly fix: Required<LocalizedText>;
}

/** Builds findings of one rule, so each rule file reads as its checks. */
export const findingsOf =
  (rule: RuleId) =>
  (severity: Severity, file: string, line: number | undefined, message: Required<LocalizedText>, fix: Required<LocalizedText>): Finding => ({
    rule,
    severity,
    file,
    ...(line !== undefined ? { line } : {}),
    message,
    fix,
  });
