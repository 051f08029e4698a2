/**
 * A legal parameter in force for a period: a deadline in working days, a notice period, a list of
 * required items. Rules change by decree, so code never hard-codes them (DOMAIN.md CORE-00).
 */
export interface Rule<T = unknown> {
  /** `<owner>.<name>`, e.g. `qa.answerDeadlineWorkingDays`. */
  readonly name: string;
  readonly value: T;
  /** First day in force, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  /** Last day in force, or `null` while it still applies. */
  readonly effectiveTo: string | null;
  /** The legal text that sets it, e.g. `NĐ 61/2018/NĐ-CP Điều 12`. */
  readonly citation: string;
  /** Identifies this version: record it with a workflow instance so a later audit knows which rule ran. */
  readonly version: string;
}

/** A rule as a plugin ships it in its rule pack. */
export interface RuleDefinition<T = unknown> {
  readonly name: string;
  readonly value: T;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | null;
  readonly citation: string;
  /** What the rule means, for the admin screen. */
  readonly description?: string;
}

/** Versioned rule packs: shipped by plugins, overridable by admins with a new dated version. */
export interface RulesService {
  /** The version of `name` in force on `at` (default today, Vietnam time); throws `CONG_ERR_RULE_NOT_FOUND`. */
  get<T = unknown>(name: string, at?: string | Date): Promise<Rule<T>>;
  /** Every version of `name`, oldest first. */
  history(name: string): Promise<readonly Rule[]>;
}
