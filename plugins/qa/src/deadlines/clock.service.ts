import { coreServices, type CalendarService, type PluginContext, type Rule, type RulesService } from '@cong/sdk';
import { UnitTree, type UnitRef } from '../questions/unit-tree.js';
import type { DeadlineSettings } from './deadline-config.js';
import type { ClockRow, DeadlinesDatabase, HopKind, HopOutcome } from './deadline-database.js';
import type { ProgressReportRow } from '../answers/answer-database.js';
import { ANSWER_DEADLINE_RULE, ESCALATION_AFTER_RULE, PETITION_FORWARD_RULE, PROGRESS_MAX_RULE, REMINDER_LEAD_RULE, TRIAGE_DEADLINE_RULE, type WorkingDaysRuleValue } from './deadline-rules.js';
import { ClockRepository, type StaleQuestion } from './clock.repository.js';
import { clockState, type ClockState } from './clock-state.js';
import { hopsOf, type Hop } from './question-hops.js';
import { vietnamDate } from './vietnam-date.js';

/** One hop's clock as staff read it. */
export interface ClockView {
  readonly hop: number;
  readonly kind: HopKind;
  readonly unit: UnitRef | null;
  readonly startedAt: string;
  readonly limitDays: number;
  /** `<rule name>@<version>`: the rule-pack version that set the limit. */
  readonly rule: string;
  readonly dueOn: string;
  readonly remindOn: string;
  readonly pausedDays: number;
  readonly pausedSince: string | null;
  readonly endedAt: string | null;
  readonly outcome: HopOutcome | null;
  readonly workingDays: number | null;
  readonly state: ClockState;
  /** The due date before a progress report moved it (QA-03), else null. */
  readonly firstDueOn: string | null;
  readonly progressReportedAt: string | null;
  readonly progressReportedOnTime: boolean | null;
}

/** How many questions one sweep computes at most, so a large backlog is worked through over several runs. */
const SWEEP_BATCH = 200;
const SWEEP_MAX = 5_000;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * SLA clocks of questions (QA-02, QA-03, QA-05): computed from the timeline (`qa_question_events`)
 * with the core calendar and the rule pack, stored per hop in `qa_question_clocks`.
 *
 * Why computed after the step rather than inside it: a step's transaction cannot read the calendar
 * or the rules on SQLite (one connection: a read outside the transaction would wait for it), and the
 * steps belong to the questions and answers areas. So a question whose `updated_at` moved past the
 * one its clocks were computed from is stale, and is computed again by the sweep job, before the
 * statistics are read (only the stale ones: never every question), and before a question's clocks
 * are shown. The clock is a pure function of the timeline, so computing it again is always safe.
 */
export class ClockService {
  readonly repo: ClockRepository;
  readonly #calendar: CalendarService;
  readonly #rules: RulesService;
  readonly #ruleCache = new Map<string, Promise<Rule<WorkingDaysRuleValue>>>();

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: DeadlineSettings,
  ) {
    this.repo = new ClockRepository(ctx.get(coreServices.database).kysely<DeadlinesDatabase>());
    this.#calendar = ctx.get(coreServices.calendar);
    this.#rules = ctx.get(coreServices.rules);
  }

  /** Computes the stale questions (of a province, or all): returns how many. */
  async syncStale(provinceId?: string): Promise<number> {
    let done = 0;
    while (done < SWEEP_MAX) {
      const batch = await this.repo.stale(SWEEP_BATCH, provinceId ? { provinceId } : {});
      for (const question of batch) await this.sync(question);
      done += batch.length;
      if (batch.length < SWEEP_BATCH) break;
    }
    return done;
  }

  /** One question's clocks, computed again first when it changed since. */
  async clocksOf(questionId: string, today = vietnamDate(Date.now())): Promise<ClockView[]> {
    const [stale] = await this.repo.stale(1, { questionId });
    if (stale) await this.sync(stale);
    const units = new UnitTree(this.ctx);
    return Promise.all((await this.repo.clocks(questionId)).map(async (row) => this.view(units, row, today)));
  }

  async view(units: UnitTree, row: ClockRow, today: string): Promise<ClockView> {
    return {
      hop: row.hop,
      kind: row.kind,
      unit: await units.refOrNull(row.unit_id),
      startedAt: iso(row.started_at)!,
      limitDays: row.limit_days,
      rule: row.rule_version,
      dueOn: row.due_on,
      remindOn: row.remind_on,
      pausedDays: row.paused_days,
      pausedSince: iso(row.paused_at),
      endedAt: iso(row.ended_at),
      outcome: row.outcome,
      workingDays: row.working_days,
      state: clockState(row, today),
      firstDueOn: row.first_due_on,
      progressReportedAt: iso(row.progress_at),
      progressReportedOnTime: row.progress_on_time === null ? null : row.progress_on_time === 1,
    };
  }

  /** Computes a question's clocks from its timeline and stores them (read everything first, then one transaction). */
  async sync(question: StaleQuestion): Promise<void> {
    const [events, reports] = await Promise.all([this.repo.events(question.id), this.repo.progressReports(question.id)]);
    const hops = hopsOf(question.province_id, events);
    const rows: ClockRow[] = [];
    for (const hop of hops) rows.push(await this.#row(question, hop, reports));
    await this.ctx.get(coreServices.database).transaction<DeadlinesDatabase, void>((trx) => this.repo.replace(question.id, rows, question.updated_at, trx));
  }

  async #row(question: StaleQuestion, hop: Hop, reports: readonly ProgressReportRow[]): Promise<ClockRow> {
    const startOn = vietnamDate(hop.startedAt);
    const ruleName = hop.kind === 'agency' ? ANSWER_DEADLINE_RULE : this.settings.petitionFields.includes(question.field_code) ? PETITION_FORWARD_RULE : TRIAGE_DEADLINE_RULE;
    const [limit, lead, escalation] = await Promise.all([this.#rule(ruleName, startOn), this.#rule(REMINDER_LEAD_RULE, startOn), this.#rule(ESCALATION_AFTER_RULE, startOn)]);
    let pausedDays = 0;
    for (const [asked, replied] of hop.pauses) pausedDays += await this.#calendar.workingDaysBetween(vietnamDate(asked), vietnamDate(replied));
    const firstDue = await this.#calendar.addWorkingDays(startOn, limit.value.days + pausedDays);
    const progress = await this.#progress(hop, firstDue, reports);
    const dueOn = progress?.dueOn ?? firstDue;
    const reminder = await this.#calendar.addWorkingDays(dueOn, -lead.value.days);
    const endedOn = hop.endedAt === null ? null : vietnamDate(hop.endedAt);
    const spent = endedOn === null ? null : Math.max(0, (await this.#calendar.workingDaysBetween(startOn, endedOn)) - pausedDays);
    return {
      question_id: question.id,
      hop: hop.number,
      province_id: question.province_id,
      unit_id: hop.unitId,
      kind: hop.kind,
      started_at: hop.startedAt,
      start_on: startOn,
      limit_days: limit.value.days,
      rule_version: `${limit.name}@${limit.version}`.slice(0, 120),
      paused_days: pausedDays,
      paused_at: hop.pausedAt,
      due_on: dueOn,
      // Never before the hop began: a one-day limit has no useful reminder day.
      remind_on: reminder < startOn ? startOn : reminder,
      escalate_after_on: await this.#calendar.addWorkingDays(dueOn, escalation.value.days),
      ended_at: hop.endedAt,
      ended_on: endedOn,
      outcome: hop.outcome,
      on_time: endedOn === null ? null : endedOn <= dueOn ? 1 : 0,
      working_days: spent,
      computed_at: Date.now(),
      first_due_on: progress ? firstDue : null,
      progress_at: progress?.at ?? null,
      progress_on_time: progress ? (progress.onTime ? 1 : 0) : null,
    };
  }

  /**
   * QA-03: "answers, or reports progress with a stated answer date". The agency's first progress report
   * in its hop meets the first-response clock when made by the due date; the hop is then due on the
   * latest report's stated date (never later than `qa.deadline.progressMax` working days after that
   * report, in case the rule changed since), moved on by the working days of waits for the citizen
   * that began after that report. Null when the agency made no report in this hop.
   */
  async #progress(hop: Hop, firstDue: string, reports: readonly ProgressReportRow[]): Promise<{ at: number; onTime: boolean; dueOn: string } | null> {
    if (hop.kind !== 'agency') return null;
    const mine = reports.filter((r) => r.agency_id === hop.unitId && r.created_at >= hop.startedAt && (hop.endedAt === null || r.created_at <= hop.endedAt));
    const first = mine[0];
    const last = mine.at(-1);
    if (!first || !last) return null;
    const reportedOn = vietnamDate(last.created_at);
    const max = await this.#rule(PROGRESS_MAX_RULE, reportedOn);
    const cap = await this.#calendar.addWorkingDays(reportedOn, max.value.days);
    let waitedAfter = 0;
    for (const [asked, replied] of hop.pauses) if (asked >= last.created_at) waitedAfter += await this.#calendar.workingDaysBetween(vietnamDate(asked), vietnamDate(replied));
    const stated = last.answer_by < cap ? last.answer_by : cap;
    return { at: first.created_at, onTime: vietnamDate(first.created_at) <= firstDue, dueOn: await this.#calendar.addWorkingDays(stated, waitedAfter) };
  }

  #rule(name: string, at: string): Promise<Rule<WorkingDaysRuleValue>> {
    const key = `${name}@${at}`;
    let rule = this.#ruleCache.get(key);
    if (!rule) {
      rule = this.#rules.get<WorkingDaysRuleValue>(name, at);
      this.#ruleCache.set(key, rule);
    }
    return rule;
  }
}
